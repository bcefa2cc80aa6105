import type { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ConfigError, loadConfig } from './config';
import { createContext, type Context } from './context';
import { connect, type Connected } from './graph/connect';
import { createRepositories } from './graph/repositories';
import { seed } from './graph/seed';
import { createServer } from './server';

let db: Connected | undefined;
let server: ApolloServer<Context> | undefined;
let stopping = false;

/** Stops accepting requests, then closes the driver, then the local Neo4j (if this process started it). */
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
  const repositories = createRepositories(db.graph);
  server = createServer();
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async () => createContext(repositories),
  });
  console.log(`diplograph GraphQL at ${url.replace("127.0.0.1", "localhost")}graphql (Neo4j ${db.connection.uri}, database ${db.connection.database}); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (db.local) console.log(`Neo4j Browser at ${db.local.httpUrl}/browser/ (connect to ${db.connection.uri}, no authentication)`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `diplograph could not start: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown('startup failed', 1);
});
