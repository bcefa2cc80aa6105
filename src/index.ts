// First: tracing patches `http` and `graphql` as they are required (src/telemetry/tracing.ts).
import { tracing } from './telemetry/start-tracing';
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
import { RateLimits } from './limits/rate';
import { createLogger, type Logger } from './telemetry/logger';
import { createMetrics, metricsOnlyHandler } from './telemetry/metrics';
import { serveSubscriptions, type Subscriptions } from './subscriptions/server';

/** SHUTDOWN_GRACE_MS's default, for a stop that comes before the configuration could be read. */
let graceMs = 10_000;
let db: Connected | undefined;
let server: ApolloServer<Context> | undefined;
let web: Drain | undefined;
let rates: RateLimits | undefined;
let metricsServer: http.Server | undefined;
let subscriptions: Subscriptions | undefined;
/** JSON at info until the configuration is read (a stop or an error may come before). */
let log: Logger = createLogger({ level: 'info', format: 'json', development: false });
let stopping = false;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Ends within the grace: no new connections; requests already accepted finish (those still
 * running at the drain deadline are cut off), new ones on open connections get 503; then Apollo,
 * the driver and the local Neo4j (SIGKILL if it has not stopped by its deadline).
 */
async function shutdown(reason: string, code: number): Promise<void> {
  if (stopping) {
    log.warn(`${reason}: already stopping.`);
    return;
  }
  stopping = true;
  const started = Date.now();
  const budget = shutdownBudget(graceMs, db?.local !== undefined);
  // Whatever hangs, the process ends within the grace, and takes Neo4j with it.
  setTimeout(() => {
    log.error(`Not stopped within ${seconds(graceMs)}; exiting now.`);
    db?.local?.kill();
    process.exit(code === 0 ? 1 : code);
  }, budget.exitMs).unref();

  const drained = web?.drain(started + budget.drainMs);
  // Subscribers are told the service is going away (1001) and reconnect elsewhere with their last number.
  const unsubscribed = subscriptions?.dispose();
  metricsServer?.close();
  metricsServer?.closeAllConnections();
  log.info(
    `${reason}: stopping${web ? `; ${web.inFlight} request(s) in flight get up to ${seconds(budget.drainMs)} to finish` : ''}, all within ${seconds(graceMs)}...`,
  );
  if (drained) {
    const { cut } = await drained;
    if (cut > 0) log.warn(`${cut} request(s) still running at the drain deadline were cut off.`);
  }
  await until(started + budget.neo4jKillMs, unsubscribed);
  await until(started + budget.neo4jKillMs, server?.stop());
  // Without a connection (a stop during startup), a Neo4j being started is stopped by its watchdog when this process exits.
  await until(started + budget.neo4jKillMs, rates?.close());
  await db?.close(started + budget.neo4jKillMs).catch(() => undefined);
  // Spans still buffered go out if the collector answers in time; a slow one does not hold the exit.
  await until(started + budget.neo4jKillMs, tracing?.shutdown().catch(() => undefined));
  log.info(`Stopped in ${seconds(Date.now() - started)}.`);
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  const config = loadConfig();
  graceMs = config.shutdownGraceMs;
  log = createLogger(config.logs);
  const started = Date.now();

  db = await connect(config);
  if (config.seed) {
    const report = await seed(db.graph, undefined, { log: (line) => log.info(line), progress: true });
    log.info(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms (idempotent).`);
    for (const skipped of report.skipped) log.warn(`  not loaded: ${skipped}`);
  }
  const httpServer = http.createServer();
  // serveDrainable drains the HTTP server on SIGTERM; Apollo is stopped after it (stopOnTerminationSignals is off).
  server = createServer({ config, logger: log });
  // Budgets per client: in memory, or shared through Redis by every instance (RATE_LIMIT_REDIS_URL).
  rates = config.rate.enabled ? new RateLimits(config.rate) : undefined;
  if (rates && !(await rates.ready())) log.warn('The rate limits\' Redis (RATE_LIMIT_REDIS_URL) does not answer: budgets are counted per instance until it does.');
  const metrics = config.metrics.enabled ? createMetrics(db.graph) : null;
  await server.start();
  web = serveDrainable(
    httpServer,
    createApp({ server, repositories: createRepositories(db.graph), graph: db.graph, auth: config.auth, corsOrigins: config.corsOrigins, playground: config.playground, requestTimeoutMs: config.limits.requestTimeoutMs, rates, trustProxy: config.trustProxy, logger: log, metrics, metricsRoute: config.metrics }),
  );
  // WebSocket upgrades on /graphql: subscriptions, reading the change feed (src/subscriptions).
  if (config.feed.enabled) subscriptions = serveSubscriptions({ httpServer, graph: db.graph, config, logger: log, metrics, rates, trustProxy: config.trustProxy });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  if (metrics && config.metrics.port !== undefined) {
    const { port: metricsPort, host: metricsHost } = config.metrics;
    metricsServer = http.createServer(metricsOnlyHandler(metrics, config.metrics.token));
    await new Promise<void>((resolve, reject) => {
      metricsServer!.once('error', reject);
      metricsServer!.listen(metricsPort, metricsHost, resolve);
    });
  }
  const host = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  log.info(`diplograph GraphQL at http://${host}:${config.port}/graphql (Neo4j ${db.connection.uri}, database ${db.connection.database}); ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (config.playground) log.info(`Playground (offline GraphiQL with the README's examples) at http://${host}:${config.port}/graphql in a browser`);
  if (db.local) log.info(`Neo4j Browser at ${db.local.httpUrl}/browser/ (connect to ${db.connection.uri}, no authentication)`);
  if (config.auth.editors.length === 0) log.info('No EDITOR_TOKENS set: the graph is read-only through the API.');
  if (metrics) {
    const where = config.metrics.port !== undefined ? `http://${config.metrics.host}:${config.metrics.port}/metrics` : config.metrics.onMainPort ? `http://${host}:${config.port}/metrics` : undefined;
    log.info(where ? `Metrics at ${where}${config.metrics.token ? ' (bearer token: METRICS_TOKEN)' : ''}` : 'Metrics are not served: in production /metrics needs METRICS_PORT or METRICS_TOKEN.');
  }
  if (tracing) log.info(`Traces exported to ${config.traces.url} (OTLP/HTTP)`);
}

main().catch((err) => {
  log.fatal(err instanceof ConfigError ? err.message : `diplograph could not start: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown('startup failed', 1);
});
