// npm run bench:import: the default seed of `npm start` (constraints, seed files, every bundled data set) from
// scratch on a throw-away Neo4j with npm start's memory settings, then again on the seeded graph (nothing
// changes). Prints the time of each data set and in all, and rows per second. Figures only; never fails on a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../dist/config.js';
import { createDriver } from '../dist/graph/driver.js';
import { Graph } from '../dist/graph/graph.js';
import { freePort, startLocalNeo4j } from '../dist/graph/local-neo4j.js';
import { seed } from '../dist/graph/seed.js';
import { cleanupOnSignal, machine } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { heap, pageCache } = loadConfig().local;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-import-'));
const neo4jServer = await startLocalNeo4j({ home, boltPort: await freePort(), httpPort: await freePort(), heap, pageCache, startTimeoutMs: 120_000, log: () => undefined });
const cleanup = async () => {
  await neo4jServer.stop();
  fs.rmSync(home, { recursive: true, force: true });
};
cleanupOnSignal(cleanup);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** One seed, timed: in all, and per data set (each data set's own report). */
async function timedSeed(graph, label) {
  const started = performance.now();
  const report = await seed(graph, undefined, { reportDir: null });
  const total = performance.now() - started;
  const datasets = report.datasets.map((d) => ({
    dataset: d.dataset,
    rows: d.read,
    rejected: d.rejected,
    created: d.created,
    updated: d.updated,
    unchanged: d.unchanged,
    ms: d.ms,
    rowsPerSecond: Math.round(d.rowsPerSecond),
  }));
  const rows = datasets.reduce((n, d) => n + d.rows, 0);
  const datasetMs = datasets.reduce((n, d) => n + d.ms, 0);
  console.log(`\n${label}: ${seconds(total)} in all (${report.nodes} nodes, ${report.relationships} relationships)`);
  console.log(`  seed files and constraints  ${seconds(total - datasetMs)}`);
  for (const d of datasets) {
    console.log(`  ${d.dataset.padEnd(27)} ${seconds(d.ms)}  ${d.rows} rows, ${d.rowsPerSecond} rows/s (${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged, ${d.rejected} rejected)`);
  }
  console.log(`  data sets together          ${seconds(datasetMs)}  ${rows} rows, ${Math.round(rows / (datasetMs / 1000))} rows/s`);
  return { label, totalMs: Math.round(total), seedFilesMs: Math.round(total - datasetMs), datasets, nodes: report.nodes, relationships: report.relationships };
}

try {
  const graph = new Graph(createDriver({ uri: neo4jServer.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j');
  const fresh = await timedSeed(graph, 'From scratch (npm start on an empty Neo4j)');
  const again = await timedSeed(graph, 'Again on the seeded graph (npm start once more)');
  await graph.close();
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  const out = path.join(here, 'out', 'import.json');
  fs.writeFileSync(out, JSON.stringify({ machine: machine(os), neo4j: { heap, pageCache }, runs: [fresh, again] }, null, 2));
  console.log(`\nFull results: ${path.relative(process.cwd(), out)}`);
} finally {
  await cleanup();
}
