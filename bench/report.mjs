// node bench/report.mjs [side|scale]: the Markdown tables of bench/RESULTS.md, from bench/out/results.json and scale.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const read = (file) => (fs.existsSync(path.join(out, file)) ? JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) : null);
const ms = (x) => `${x} ms`;
const rps = (x) => String(Math.round(x));

const only = process.argv[2];
const side = only === 'scale' ? null : read('results.json');
if (side) {
  console.log('| query | conns | raw p50 | ours p50 / p99 | @neo4j/graphql p50 | raw rps | ours rps | neo rps | ours/raw p50 (mean) | ours/neo rps | statements |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of side.rows) {
    console.log(`| ${r.query} | ${r.connections} | ${ms(r.raw.p50)} | ${r.ours.p50} / ${ms(r.ours.p99)} | ${ms(r.neo.p50)} | ${rps(r.raw.rps)} | ${rps(r.ours.rps)} | ${rps(r.neo.rps)} | ${r.p50VsRaw.toFixed(2)}× (${(r.meanVsRaw ?? r.p50VsRaw).toFixed(2)}×) | ${r.rpsVsNeo.toFixed(2)}× | ${r.statements} |`);
  }
  if (side.polls?.length) {
    console.log('\n| dashboard poll (persisted query by GET) | conns | p50 / p99 | mean | rps | service CPU per request |');
    console.log('|---|---|---|---|---|---|');
    for (const p of side.polls) console.log(`| ${p.kind} | ${p.connections} | ${p.p50} / ${ms(p.p99)} | ${p.mean.toFixed(2)} ms | ${rps(p.rps)} | ${p.cpuMsPerRequest ?? '–'} ms |`);
  }
  console.log(`\nResident memory after the run (MB): ${Object.entries(side.rssMb).map(([k, v]) => `${k} ${v}`).join(', ')}.\n`);
}

const scale = only === 'side' ? null : read('scale.json');
if (scale) {
  const names = Object.keys(scale.steps[0].queries);
  console.log(`| relationships | nodes | ${names.map((n) => `${n} p50 / p99`).join(' | ')} |`);
  console.log(`|---|---|${names.map(() => '---').join('|')}|`);
  for (const s of scale.steps) {
    console.log(`| ${s.relationships.toLocaleString('en')} | ${s.nodes.toLocaleString('en')} | ${names.map((n) => `${s.queries[n].p50} / ${ms(s.queries[n].p99)}`).join(' | ')} |`);
  }
  console.log(`\n| relationships | ${names.map((n) => `${n} bytes`).join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const s of scale.steps) console.log(`| ${s.relationships.toLocaleString('en')} | ${names.map((n) => s.queries[n].bytes).join(' | ')} |`);
  console.log('\n| relationships | agreements | people | build | service RSS | Neo4j RSS | Neo4j heap used / committed | store + tx logs on disk | page cache |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const s of scale.steps) {
    const m = s.memory;
    console.log(`| ${s.relationships.toLocaleString('en')} | ${s.agreements.toLocaleString('en')} | ${s.people.toLocaleString('en')} | ${Math.round(s.buildSeconds)} s | ${m.serviceRssMb} MB | ${m.neo4jRssMb} MB | ${m.neo4jHeap.usedMb} / ${m.neo4jHeap.committedMb} MB | ${m.storeMb} + ${m.txLogsMb ?? '?'} MB | ${m.pageCache} |`);
  }
  console.log(`\nStatements per operation at every step: ${[...new Set(scale.steps.flatMap((s) => names.map((n) => s.queries[n].statements)))].join(', ')}.`);
}
