// npm run bench: the contract queries against (a) the raw-driver floor, (b) diplograph and (c) @neo4j/graphql, on
// one throw-away Neo4j with the seeded world, side by side. Prints figures and ratios; never fails on a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../dist/graph/local-neo4j.js';
import { seed } from '../dist/graph/seed.js';
import { createHash } from 'node:crypto';
import { countedQuery, cpuSeconds, loadGet, machine, measure, median, rssMb, startServer, throwAwayNeo4j } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CONNECTIONS = [1, 10];
/** BENCH_ONLY=nonRecognizers,agreements runs just those. */
const ONLY = process.env.BENCH_ONLY?.split(',');

/** Each contract query as the three servers are asked it: the same question, the same data. */
const QUERIES = [
  {
    name: 'nonRecognizers',
    ours: '{ nonRecognizers(of: "XK") { code name } }',
    raw: { name: 'non-recognizers', params: { of: 'XK', asOf: null, region: null, memberOf: null, parts: [], skip: 0, limit: 300 } },
    neo: '{ nonRecognizers(of: "XK") { code name } }',
  },
  {
    name: 'recognitions',
    ours: '{ recognitions(of: "XK") { country { code name } since } }',
    raw: { name: 'recognitions', params: { of: 'XK', asOf: null, parts: [], skip: 0, limit: 300 } },
    neo: '{ countries(where: { code: { eq: "XK" } }) { recognizedByConnection { edges { node { code name } properties { validFrom } } } } }',
  },
  {
    name: 'embassies',
    ours: '{ embassies(city: "Jerusalem") { country { code } status since } }',
    raw: { name: 'embassy-events', params: { cityKey: 'jerusalem', country: null, parts: [] } },
    neo: '{ cities(where: { id: { eq: "jerusalem" } }) { embassiesOfConnection { edges { node { code } properties { status validFrom } } } } }',
  },
  {
    name: 'agreements',
    ours: '{ agreements(between: ["RS", "XK"]) { title parties { name } signatories { person { name } } } }',
    raw: { name: 'agreements', params: { ids: null, party: null, between: ['RS', 'XK'], parts: ['parties', 'signatories'], skip: 0, limit: 300 } },
    neo: '{ agreements(where: { AND: [{ parties: { some: { code: { eq: "RS" } } } }, { parties: { some: { code: { eq: "XK" } } } }] }) { title parties { name } signatories { name } } }',
  },
  {
    name: 'country+nested',
    ours: '{ country(code: "RS") { name recognizes { recognized { name } } officials { person { name } } embassies { city { name } status } } }',
    raw: { name: 'countries', params: { codes: ['RS'], nameKey: null, region: null, memberOf: null, asOf: null, parts: ['recognizes', 'embassyEvents', 'officials'], skip: 0, limit: 1 } },
    neo: '{ countries(where: { code: { eq: "RS" } }) { name recognizes { name } officials { name } embassiesConnection { edges { node { name } properties { status } } } } }',
  },
  {
    name: 'missions',
    ours: '{ missions(sender: "FR", type: EMBASSY, first: 100) { totalCount nodes { id city { name } host { code } } } }',
    raw: {
      name: 'missions',
      params: {
        scopes: null, scopeRole: null, ids: null, sender: 'FR', host: null, accreditedTo: null, cityKey: null, type: 'EMBASSY', near: null, includeUnlisted: false,
        relationsEvidence: ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE'], embassyTypes: ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE', 'DE_FACTO_EMBASSY'],
        skip: 0, limit: 100, parts: [],
      },
    },
    neo: '{ missionsConnection(where: { type: { eq: "EMBASSY" }, sender: { some: { code: { eq: "FR" } } } }, first: 100) { totalCount edges { node { id city { name } host { code } } } } }',
  },
  {
    name: 'leaders',
    ours: '{ leaders(of: "GB", role: HEAD_OF_STATE, first: 20) { person { name } since until } }',
    raw: { name: 'leaders', params: { codes: ['GB'], roles: ['head of state'], asOf: null, skip: 0, limit: 20 } },
    neo: '{ countries(where: { code: { eq: "GB" } }) { officialsConnection(where: { edge: { role: { eq: "head of state" } } }, first: 20) { edges { node { name } properties { role } } } } }',
  },
];

function request(server, query) {
  return server === 'raw'
    ? { path: '/q', body: JSON.stringify(query.raw) }
    : { path: server === 'ours' ? '/graphql' : '/', body: JSON.stringify({ query: query[server] }) };
}

const children = [];
const neo4j = await throwAwayNeo4j('bench', { beforeStop: () => children.forEach(([, child]) => child.kill('SIGTERM')) });
const neo4jServer = neo4j.server;
try {
  const graph = neo4j.graph();
  const seeded = await seed(graph);
  await graph.close();
  // One client sends all the load: the per-client rate limit would measure itself, not the service.
  const env = { NEO4J_URI: neo4jServer.boltUri, NEO4J_PASSWORD: '', SEED: 'false', NODE_ENV: 'production', RATE_LIMIT: 'false' };
  const ports = { raw: await freePort(), ours: await freePort(), neo: await freePort() };
  for (const [name, script] of [['raw', 'raw.mjs'], ['ours', 'ours.mjs'], ['neo', 'neo4j-graphql.mjs']]) {
    children.push([name, await startServer(script, { ...env, PORT: String(ports[name]) })]);
  }

  // One round trip: Cypher statements diplograph runs per operation (counted in the service). The floor
  // runs the named query with the parameters diplograph sends for that selection (checked here too).
  const statements = {};
  for (const q of QUERIES) {
    const ours = await countedQuery(ports.ours, q.ours);
    statements[q.name] = ours.statements;
    if (JSON.stringify(ours.parts) !== JSON.stringify([q.raw.params.parts])) throw new Error(`${q.name}: diplograph sent $parts ${JSON.stringify(ours.parts)}, the floor ${JSON.stringify(q.raw.params.parts)}`);
    const raw = await fetch(`http://127.0.0.1:${ports.raw}/q`, { method: 'POST', body: JSON.stringify(q.raw) });
    if (!raw.ok) throw new Error(`floor ${q.name}: ${await raw.text()}`);
    const neo = await (await fetch(`http://127.0.0.1:${ports.neo}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.neo }) })).json();
    if (neo.errors) throw new Error(`@neo4j/graphql ${q.name}: ${JSON.stringify(neo.errors)}`);
  }

  const rows = [];
  for (const q of QUERIES.filter((x) => !ONLY || ONLY.includes(x.name))) {
    for (const connections of CONNECTIONS) {
      const row = { query: q.name, connections, statements: statements[q.name] };
      for (const server of ['raw', 'ours', 'neo']) {
        row[server] = await measure(ports[server], request(server, q), connections, { duration: DURATION, repeats: REPEATS });
      }
      row.p50VsRaw = +(row.ours.p50 / Math.max(row.raw.p50, 0.01)).toFixed(2);
      // autocannon's percentiles are whole milliseconds, so below ~3 ms the mean says more.
      row.meanVsRaw = +(row.ours.mean / Math.max(row.raw.mean, 0.01)).toFixed(2);
      row.rpsVsNeo = +(row.ours.rps / Math.max(row.neo.rps, 0.01)).toFixed(2);
      rows.push(row);
      console.log(
        `${q.name.padEnd(15)} c=${String(connections).padEnd(3)} raw p50 ${row.raw.p50}ms ${Math.round(row.raw.rps)} rps | ours p50 ${row.ours.p50}ms p99 ${row.ours.p99}ms ${Math.round(row.ours.rps)} rps | @neo4j/graphql p50 ${row.neo.p50}ms ${Math.round(row.neo.rps)} rps | ours/raw p50 ${row.p50VsRaw}x (mean ${row.meanVsRaw}x), ours/neo rps ${row.rpsVsNeo}x, ${row.statements} statement(s)`,
      );
    }
  }
  const polls = ONLY && !ONLY.includes('poll') ? [] : await dashboardPoll(ports.ours, children.find(([name]) => name === 'ours')[1].pid);
  const memory = Object.fromEntries(children.map(([name, child]) => [name, rssMb(child.pid)]));
  const report = {
    machine: machine(os),
    graph: { nodes: seeded.nodes, relationships: seeded.relationships },
    settings: { seconds: DURATION, repeats: REPEATS, connections: CONNECTIONS, neo4jHeap: '1g', pageCache: '512m' },
    rssMb: memory,
    rows,
    polls,
  };
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  fs.writeFileSync(path.join(here, 'out', 'results.json'), JSON.stringify(report, null, 2));
  console.log(`\nService RSS (MB): ${JSON.stringify(memory)}. Full results: bench/out/results.json`);
} finally {
  await neo4j.stop();
}

/**
 * A dashboard's poll: one persisted query by GET (the recognition map's statuses), asked again and
 * again with the ETag of its last answer (304s), beside the same GET without it (200s). The service's
 * CPU per request comes from /proc: the load generator and Neo4j are not in it.
 */
async function dashboardPoll(port, pid) {
  const query = '{ recognitionStatuses(of: "XK") { items { status country { code name } } } }';
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } });
  const byHash = `/graphql?${new URLSearchParams({ extensions })}`;
  const csrf = { 'apollo-require-preflight': 'true' };
  const registered = await fetch(`http://127.0.0.1:${port}/graphql?${new URLSearchParams({ query, extensions })}`, { headers: csrf });
  const etag = registered.headers.get('etag');
  if (!registered.ok || !etag) throw new Error(`poll: ${registered.status} ${await registered.text()}`);
  const rows = [];
  for (const connections of CONNECTIONS) {
    for (const [kind, headers, status] of [['304 (If-None-Match)', { ...csrf, 'if-none-match': etag }, 304], ['200 (no ETag sent)', csrf, 200]]) {
      await loadGet(port, byHash, headers, connections, DURATION, status);
      const runs = [];
      for (let i = 0; i < REPEATS; i++) {
        const before = cpuSeconds(pid);
        const run = await loadGet(port, byHash, headers, connections, DURATION, status);
        const used = cpuSeconds(pid);
        runs.push({ ...run, cpuMsPerRequest: before === null || used === null ? null : ((used - before) * 1000) / Math.max(run.requests, 1) });
      }
      const pick = (key) => median(runs.map((r) => r[key]));
      const row = { kind, connections, p50: pick('p50'), p99: pick('p99'), mean: pick('mean'), rps: pick('rps'), cpuMsPerRequest: runs[0].cpuMsPerRequest === null ? null : +pick('cpuMsPerRequest').toFixed(3), errors: runs.reduce((n, r) => n + r.errors, 0) };
      rows.push(row);
      console.log(`poll ${kind.padEnd(20)} c=${String(connections).padEnd(3)} p50 ${row.p50}ms p99 ${row.p99}ms mean ${row.mean.toFixed(2)}ms ${Math.round(row.rps)} rps, service CPU ${row.cpuMsPerRequest} ms/request, ${row.errors} unexpected`);
    }
  }
  return rows;
}
