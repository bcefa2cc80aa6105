import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createDriver } from '../src/graph/driver';
import { Graph } from '../src/graph/graph';
import { freePort, startLocalNeo4j } from '../src/graph/local-neo4j';
import { seed } from '../src/graph/seed';

/**
 * One real Neo4j for the whole run: the server named by NEO4J_URI if set (it gets seeded), else a
 * throw-away local one on free ports in a temporary directory. Workers find it through the env.
 */
export default async function globalSetup(): Promise<void> {
  // A first query on a cold Neo4j of a busy CI machine can take seconds: the tests of the request
  // timeout set their own; the others must not fail on the machine's speed.
  process.env.REQUEST_TIMEOUT_MS ??= '60000';
  // The browser pages (playground) are bundled by `npm run build`; the tests serve them too.
  execFileSync(process.execPath, [path.join(__dirname, '..', 'web', 'build.mjs')], { stdio: 'inherit' });
  const config = loadConfig();
  if (!config.neo4j) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-test-neo4j-'));
    const local = await startLocalNeo4j({
      ...config.local,
      home,
      boltPort: await freePort(),
      httpPort: await freePort(),
      log: (line) => process.stderr.write(`\n[test neo4j] ${line}`),
    });
    (globalThis as { __neo4j__?: unknown }).__neo4j__ = local;
    process.env.NEO4J_URI = local.boltUri;
    process.env.NEO4J_USER = 'neo4j';
    process.env.NEO4J_PASSWORD = '';
    process.env.DIPLOGRAPH_TEST_NEO4J_HOME = home;
    process.env.DIPLOGRAPH_TEST_NEO4J_HTTP = local.httpUrl;
  }
  const connection = loadConfig().neo4j!;
  const graph = new Graph(createDriver(connection), connection.database);
  try {
    const report = await seed(graph);
    process.stderr.write(`\n[test neo4j] seeded ${report.nodes} nodes, ${report.relationships} relationships in ${report.ms} ms\n`);
  } finally {
    await graph.close();
  }
}
