import { loadConfig } from '../config';
import { createDriver } from '../graph/driver';
import { Graph } from '../graph/graph';
import { seed } from '../graph/seed';

/** `npm run seed`: applies constraints and loads seeds/ (the seed files, then every bundled data set) into the Neo4j named by NEO4J_URI. Safe to repeat. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.neo4j) throw new Error('Set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to seed a server; `npm start` seeds the local one by itself.');
  const graph = new Graph(createDriver(config.neo4j), config.neo4j.database);
  try {
    const report = await seed(graph, undefined, { log: (line) => console.log(line), progress: true });
    console.log(`Seeded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms.`);
    for (const skipped of report.skipped) console.error(`  not loaded: ${skipped}`);
  } finally {
    await graph.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
