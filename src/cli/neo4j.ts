import { loadConfig } from '../config';
import { connect, type Connected } from '../graph/connect';
import { seed } from '../graph/seed';
import { shutdownBudget } from '../lifecycle';

/**
 * `npm run neo4j`: the local Neo4j alone, constraints applied and seeded, for analysts' Cypher.
 * Ctrl-C stops it within SHUTDOWN_GRACE_MS; if this process dies instead, Neo4j's watchdog stops it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j) throw new Error('NEO4J_URI is set: that server is already running; nothing to start.');
  let db: Connected | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Before the connection exists there is nothing to close here: exiting ends the watchdog's pipe, and it stops Neo4j.
    if (!db) process.exit(0);
    console.error(`${signal}: stopping Neo4j...`);
    const budget = shutdownBudget(config.shutdownGraceMs, true);
    void db.close(Date.now() + budget.neo4jKillMs).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  db = await connect(config);
  if (config.seed) await seed(db.graph, undefined, { log: (line) => console.error(line), progress: true });
  console.log(`Neo4j is running: Bolt ${db.connection.uri}, HTTP ${db.local?.httpUrl}, database ${db.connection.database}, no auth (loopback only). Ctrl-C stops it.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
