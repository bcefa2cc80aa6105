// diplograph itself, as npm start builds it, plus /bench/count: how many Cypher statements the last requests ran
// (and the $parts they were given).
import http from 'node:http';
import { loadConfig } from '../../dist/config.js';
import { createDriver } from '../../dist/graph/driver.js';
import { Graph } from '../../dist/graph/graph.js';
import { createRepositories } from '../../dist/graph/repositories/index.js';
import { createApp } from '../../dist/http.js';
import { createServer } from '../../dist/server.js';

let statements = 0;
let parts = [];
const read = Graph.prototype.read;
Graph.prototype.read = function (name, params) {
  // The graph version behind an answer's ETag is read before the operation, not by it: it is the poll rows' concern.
  if (name === 'graph-version') return read.call(this, name, params);
  statements++;
  parts.push(params?.parts);
  return read.call(this, name, params);
};

const config = loadConfig();
const graph = new Graph(createDriver(config.neo4j), config.neo4j.database);
const server = createServer({ config, logError: () => undefined });
await server.start();
const app = createApp({ server, repositories: createRepositories(graph), graph, auth: config.auth });
const outer = http.createServer((req, res) => {
  if (req.url === '/bench/count') {
    res.end(JSON.stringify({ statements, parts }));
    statements = 0;
    parts = [];
  } else app(req, res);
});
outer.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
