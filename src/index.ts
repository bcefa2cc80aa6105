import http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { ConfigError, loadConfig } from './config';
import type { Context } from './context';
import { connect, type Connected } from './graph/connect';
import { createRepositories } from './graph/repositories';
import { seed } from './graph/seed';
import { createApp } from './http';
import { serveDrainable, shutdownBudget, until, type Drain } from './lifecycle';
import { createServer } from './server';

/** SHUTDOWN_GRACE_MS's default, for a stop that comes before the configuration could be read. */
let graceMs = 10_000;
let db: Connected | undefined;
let server: ApolloServer<Context> | undefined;
let web: Drain | undefined;
let stopping = false;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Ends within the grace: no new connections; requests already accepted finish (those still
 * running at the drain deadline are cut off), new ones on open connections get 503; then Apollo,
 * the driver and the local Neo4j (SIGKILL if it has not stopped by its deadline).
 */
async function shutdown(reason: string, code: number): Promise<void> {
  if (stopping) {
    console.error(`${reason}: already stopping.`);
    return;
  }
  stopping = true;
  const started = Date.now();
  const budget = shutdownBudget(graceMs, db?.local !== undefined);
  // Whatever hangs, the process ends within the grace, and takes Neo4j with it.
  setTimeout(() => {
    console.error(`Not stopped within ${seconds(graceMs)}; exiting now.`);
    db?.local?.kill();
    process.exit(code === 0 ? 1 : code);
  }, budget.exitMs).unref();

  const drained = web?.drain(started + budget.drainMs);
  console.error(
    `${reason}: stopping${web ? `; ${web.inFlight} request(s) in flight get up to ${seconds(budget.drainMs)} to finish` : ''}, all within ${seconds(graceMs)}...`,
  );
  if (drained) {
    const { cut } = await drained;
    if (cut > 0) console.error(`${cut} request(s) still running at the drain deadline were cut off.`);
  }
  await until(started + budget.neo4jKillMs, server?.stop());
  // Without a connection (a stop during startup), a Neo4j being started is stopped by its watchdog when this process exits.
  await db?.close(started + budget.neo4jKillMs).catch(() => undefined);
  console.error(`Stopped in ${seconds(Date.now() - started)}.`);
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  const config = loadConfig();
  graceMs = config.shutdownGraceMs;
  const started = Date.now();

  db = await connect(config);
  if (config.seed) {
    const report = await seed(db.graph, undefined, { log: (line) => console.error(line), progress: true });
    console.error(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms (idempotent).`);
    for (const skipped of report.skipped) console.error(`  not loaded: ${skipped}`);
  }
  const httpServer = http.createServer();
  // serveDrainable drains the HTTP server on SIGTERM; Apollo is stopped after it (stopOnTerminationSignals is off).
  server = createServer({ config });
  await server.start();
  web = serveDrainable(
    httpServer,
    createApp({ server, repositories: createRepositories(db.graph), graph: db.graph, auth: config.auth, corsOrigins: config.corsOrigins, playground: config.playground, requestTimeoutMs: config.limits.requestTimeoutMs }),
  );
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
