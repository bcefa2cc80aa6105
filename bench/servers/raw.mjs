// The floor: the service's own named Cypher through the raw driver behind a bare node:http handler.
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { loadQueries } from '../../dist/graph/queries.js';
import { toPlain } from '../../dist/graph/plain.js';

const queries = loadQueries('queries');
const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
const int = (v) => (typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v);

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const { name, params } = JSON.parse(body);
        const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, int(v)]));
        const result = await driver.executeQuery(queries.get(name).text, typed, { database: 'neo4j', routing: neo4j.routing.READ });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result.records.map((r) => toPlain(r.toObject()))));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      }
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
