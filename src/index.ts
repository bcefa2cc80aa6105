import http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { ConfigError, loadConfig } from './config';
import type { Context } from './context';
import { connect, type Connected } from './graph/connect';
import { createRepositories } from './graph/repositories';
import { seed } from './graph/seed';
import { createApp } from './http';
import { createServer } from './server';

let db: Connected | undefined;
let server: ApolloServer<Context> | undefined;
let stopping = false;

/** Stops taking requests and drains those in flight, then closes the driver, then the local Neo4j (if ours). */
async function shutdown(reason: string, code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.error(`${reason}: stopping...`);
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    console.error('Stopped.');
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  db = await connect(config);
  if (config.seed) {
    const report = await seed(db.graph);
    console.error(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms (idempotent).`);
    for (const skipped of report.skipped) console.error(`  not loaded: ${skipped}`);
  }
  const httpServer = http.createServer();
  server = createServer({ config, httpServer });
  await server.start();
  httpServer.on('request', createApp({ server, repositories: createRepositories(db.graph), graph: db.graph, auth: config.auth, corsOrigins: config.corsOrigins, playground: config.playground }));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const host = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  console.log(`diplograph GraphQL at http://${host}:${config.port}/graphql (Neo4j ${db.connection.uri}, database ${db.connection.database}); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (config.playground) console.log(`Playground (offline GraphiQL with the README's examples) at http://${host}:${config.port}/graphql in a browser`);
  if (db.local) console.log(`Neo4j Browser at ${db.local.httpUrl}/browser/ (connect to ${db.connection.uri}, no authentication)`);
  if (config.auth.editors.length === 0) console.log('No EDITOR_TOKENS set: the graph is read-only through the API.');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `diplograph could not start: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown('startup failed', 1);
});
