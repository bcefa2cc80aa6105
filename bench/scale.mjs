// npm run bench:scale: the contract queries on a growing synthetic world (10x steps up to about a million
// relationships), with latency, response size, statements per operation and memory at each step.
// The synthetic facts live only in this throw-away Neo4j: every node and relationship is marked synthetic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../dist/graph/local-neo4j.js';
import { seed } from '../dist/graph/seed.js';
import { countedQuery, machine, measure, rssMb, startServer, throwAwayNeo4j } from './lib.mjs';
import { generate } from './synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Synthetic relationships to reach at each step (0: the seeded world alone). */
const STEPS = (process.env.SCALE_STEPS ?? '0,10000,100000,1000000').split(',').map(Number);
const DURATION = Number(process.env.BENCH_SECONDS ?? 2);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const HEAP = process.env.BENCH_HEAP ?? '1g';
const PAGE_CACHE = process.env.BENCH_PAGE_CACHE ?? '512m';

const QUERIES = [
  ['country lookup', '{ country(code: "RS") { name region } }'],
  ['nonRecognizers', '{ nonRecognizers(of: "XK") { code name } }'],
  ['recognitions', '{ recognitions(of: "XK") { country { code name } since } }'],
  ['embassies', '{ embassies(city: "Jerusalem") { country { code } status since } }'],
  ['agreements', '{ agreements(between: ["RS", "XK"]) { title parties { name } signatories { person { name } } } }'],
  ['country+nested', '{ country(code: "RS") { name recognizes { recognized { name } } officials(asOf: "2020-09-04") { person { name } } embassies { city { name } status } } }'],
  ['person by name', '{ person(name: "Aleksandar Vucic") { name offices { role } } }'],
];

let service;
const neo4j = await throwAwayNeo4j('scale', { heap: HEAP, pageCache: PAGE_CACHE, beforeStop: () => service?.kill('SIGTERM') });
const { server: neo4jServer, home } = neo4j;
try {
  const graph = neo4j.graph();
  await seed(graph);
  const port = await freePort();
  service = await startServer('ours.mjs', { NEO4J_URI: neo4jServer.boltUri, NEO4J_PASSWORD: '', SEED: 'false', NODE_ENV: 'production', PORT: String(port) });
  const count = async (cypher) => (await graph.driver.executeQuery(cypher, {}, { database: 'neo4j' })).records[0].get(0);
  const heap = async () => {
    const [record] = (await graph.driver.executeQuery('CALL dbms.queryJmx("java.lang:type=Memory") YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap', {}, { database: 'neo4j' })).records;
    const h = record.get('heap');
    return { usedMb: Math.round(Number(h.used) / 2 ** 20), committedMb: Math.round(Number(h.committed) / 2 ** 20) };
  };
  // Disk use in MB. Store files catch up with the transaction logs at Neo4j's checkpoints (Community
  // cannot force one), so both are reported.
  const diskMb = (dir) => Math.round(Number(execFileSync('du', ['-sk', path.join(home, 'data', dir, 'neo4j')], { encoding: 'utf8' }).split('\t')[0]) / 1024);

  const steps = [];
  let state;
  for (const target of STEPS) {
    const started = Date.now();
    state = await generate(graph, target, state);
    const built = (Date.now() - started) / 1000;
    await graph.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: 'neo4j' });
    const step = {
      synthetic: target,
      nodes: Number(await count('MATCH (n) RETURN count(n)')),
      relationships: Number(await count('MATCH ()-[r]->() RETURN count(r)')),
      agreements: Number(await count('MATCH (a:Agreement) RETURN count(a)')),
      people: Number(await count('MATCH (p:Person) RETURN count(p)')),
      buildSeconds: built,
      queries: {},
    };
    for (const [name, query] of QUERIES) {
      const { bytes, statements } = await countedQuery(port, query);
      const figures = await measure(port, { path: '/graphql', body: JSON.stringify({ query }) }, 1, { duration: DURATION, repeats: REPEATS });
      step.queries[name] = { ...figures, bytes, statements };
    }
    step.memory = { serviceRssMb: rssMb(service.pid), neo4jRssMb: rssMb(neo4jServer.pid), neo4jHeap: await heap(), storeMb: diskMb('databases'), txLogsMb: diskMb('transactions'), pageCache: PAGE_CACHE };
    steps.push(step);
    console.log(`\n${step.relationships} relationships, ${step.nodes} nodes (${step.agreements} agreements, ${step.people} people; built in ${built.toFixed(0)} s)`);
    for (const [name, q] of Object.entries(step.queries)) {
      console.log(`  ${name.padEnd(16)} p50 ${String(q.p50).padStart(4)} ms  p99 ${String(q.p99).padStart(4)} ms  ${String(Math.round(q.rps)).padStart(5)} rps  ${String(q.bytes).padStart(7)} bytes  ${q.statements} statement(s)${q.errors ? `  ${q.errors} errors` : ''}`);
    }
    console.log(`  memory: service RSS ${step.memory.serviceRssMb} MB, Neo4j RSS ${step.memory.neo4jRssMb} MB, heap used ${step.memory.neo4jHeap.usedMb} of ${step.memory.neo4jHeap.committedMb} MB, store ${step.memory.storeMb} MB + transaction logs ${step.memory.txLogsMb} MB on disk (page cache ${PAGE_CACHE})`);
  }
  await graph.close();
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  fs.writeFileSync(path.join(here, 'out', 'scale.json'), JSON.stringify({ machine: machine(os), settings: { seconds: DURATION, repeats: REPEATS, connections: 1, heap: HEAP, pageCache: PAGE_CACHE }, steps }, null, 2));
  console.log('\nFull results: bench/out/scale.json');
} finally {
  await neo4j.stop();
}
