// npm run bench:pressure: does a cheap query keep its latency while expensive ones run? One throw-away Neo4j with
// the seeded world; diplograph (production mode) measured on a cheap query idle, then with five expensive
// requests kept in flight, with the default admission limits and with admission switched off. Prints figures and
// ratios side by side; never fails on a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../dist/graph/local-neo4j.js';
import { seed } from '../dist/graph/seed.js';
import { load, machine, median, rssMb, startServer, throwAwayNeo4j } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const HEAVY = 5;

const CHEAP = '{ country(code: "XK") { name region } }';
// Just under the default cost limit (451,200 of 500,000): every recognizer of Kosovo, and for each, Kosovo's
// recognizers again (about 76,000 values, 2.6 MB).
const EXPENSIVE = '{ country(code: "XK") { recognizedBy { country { code } recognized { recognizedBy { since country { code name } } } } } }';

const SCENARIOS = [
  { name: 'idle', heavy: 0, env: {} },
  { name: '5 expensive, default admission', heavy: HEAVY, env: {} },
  { name: '5 expensive, no admission limit', heavy: HEAVY, env: { MAX_EXPENSIVE_IN_FLIGHT: '1000', MAX_EXPENSIVE_QUEUED: '1000' } },
];

/** Keeps `n` expensive requests in flight until `stop()`; counts what they got back. */
function pressure(port, n) {
  let running = true;
  const outcomes = { ok: 0, busy: 0, other: 0, ms: [] };
  const worker = async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: EXPENSIVE }) });
        const body = await response.json();
        if (response.status === 503) {
          outcomes.busy++;
          await new Promise((r) => setTimeout(r, 200));
        } else if (body.errors) outcomes.other++;
        else {
          outcomes.ok++;
          outcomes.ms.push(performance.now() - started);
        }
      } catch {
        outcomes.other++;
      }
    }
  };
  const workers = Array.from({ length: n }, worker);
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

let child;
const neo4j = await throwAwayNeo4j('pressure', { beforeStop: () => child?.kill('SIGTERM') });
const neo4jServer = neo4j.server;
try {
  const graph = neo4j.graph();
  await seed(graph);
  await graph.close();
  const cheap = { path: '/graphql', body: JSON.stringify({ query: CHEAP }) };
  const rows = [];
  for (const scenario of SCENARIOS) {
    const port = await freePort();
    child = await startServer('ours.mjs', { NEO4J_URI: neo4jServer.boltUri, NEO4J_PASSWORD: '', SEED: 'false', NODE_ENV: 'production', RATE_LIMIT: 'false', PORT: String(port), ...scenario.env });
    await load(port, cheap, CONNECTIONS, 2); // warm-up
    const heavy = pressure(port, scenario.heavy);
    if (scenario.heavy) await new Promise((r) => setTimeout(r, 1000));
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await load(port, cheap, CONNECTIONS, DURATION));
    const rss = rssMb(child.pid);
    await heavy.stop();
    child.kill('SIGTERM');
    const row = {
      scenario: scenario.name,
      cheap: { p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), mean: +median(runs.map((r) => r.mean)).toFixed(2), rps: Math.round(median(runs.map((r) => r.rps))), errors: runs.reduce((n, r) => n + r.errors, 0) },
      expensive: { ok: heavy.outcomes.ok, busy503: heavy.outcomes.busy, other: heavy.outcomes.other, p50Ms: heavy.outcomes.ms.length ? Math.round(median(heavy.outcomes.ms)) : null },
      rssMb: rss,
    };
    rows.push(row);
  }
  const idle = rows[0].cheap;
  console.log(`cheap query ${CHEAP}, ${CONNECTIONS} connections, ${REPEATS} x ${DURATION} s (medians); expensive: ${HEAVY} kept in flight\n`);
  console.log('scenario                          | cheap p50 | cheap p99 | mean   | rps   | p99 vs idle | expensive ok / 503 / other (p50) | RSS');
  for (const r of rows) {
    console.log(
      `${r.scenario.padEnd(34)}| ${String(r.cheap.p50).padStart(6)} ms | ${String(r.cheap.p99).padStart(6)} ms | ${String(r.cheap.mean).padStart(6)} | ${String(r.cheap.rps).padStart(5)} | ${(r.cheap.p99 / Math.max(idle.p99, 1)).toFixed(2).padStart(9)}x  | ${r.expensive.ok} / ${r.expensive.busy503} / ${r.expensive.other} (${r.expensive.p50Ms ?? '-'} ms) | ${r.rssMb} MB`,
    );
  }
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  fs.writeFileSync(path.join(here, 'out', 'pressure.json'), JSON.stringify({ machine: machine(os), settings: { seconds: DURATION, repeats: REPEATS, connections: CONNECTIONS, heavy: HEAVY, cheap: CHEAP, expensive: EXPENSIVE }, rows }, null, 2));
  console.log('\nFull results: bench/out/pressure.json');
} finally {
  await neo4j.stop();
}
