import { loadConfig } from '../config';
import { connect } from '../graph/connect';
import { seed } from '../graph/seed';

/** `npm run neo4j`: the local Neo4j alone, constraints applied and seeded, for analysts' Cypher. Ctrl-C stops it. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j) throw new Error('NEO4J_URI is set: that server is already running; nothing to start.');
  const db = await connect(config);
  const stop = () => void db.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (config.seed) await seed(db.graph);
  console.log(`Neo4j is running: Bolt ${db.connection.uri}, HTTP ${db.local?.httpUrl}, database ${db.connection.database}, no auth (loopback only). Ctrl-C stops it.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
