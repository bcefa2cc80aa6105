// npm run bench:subscriptions: how fast a committed write reaches 100 subscribers. One throw-away Neo4j with the
// seeded world; the real service (dist/index.js, production mode) in a child process, so the WebSocket server, the
// change feed and the HTTP writes are the ones `npm start` runs. 100 graphql-ws clients subscribe (half to
// factRecorded, half to recognitionChanged(of: "XK")); an editor then corrects recognitions of Kosovo through the
// HTTP API, at a steady rate and in a burst. For every write and every subscriber: the time from the mutation's
// HTTP response to the event's arrival. Writes go through the subscribers' instance (read as soon as they commit) and
// through a second instance on the same Neo4j (read at the next poll): SUB_WRITERS. Prints figures; never fails on a
// time (a refused write is reported, not counted).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../dist/graph/local-neo4j.js';
import { seed } from '../dist/graph/seed.js';
import { cpuSeconds, machine, rssMb, throwAwayNeo4j } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const CLIENTS = Number(process.env.SUB_CLIENTS ?? 100);
/** Steady phase: this many writes per second for this many seconds, each sent on schedule (not after the last answered). */
const RATE = Number(process.env.SUB_RATE ?? 10);
const SECONDS = Number(process.env.SUB_SECONDS ?? 20);
/** Burst phase: this many writes, as fast as the API takes them, this many in flight. */
const BURST = Number(process.env.SUB_BURST ?? 200);
const BURST_IN_FLIGHT = Number(process.env.SUB_BURST_IN_FLIGHT ?? 10);
/** One run of every phase per FEED_POLL_MS value and writer. */
const POLLS = (process.env.SUB_POLL_MS ?? '100').split(',').map(Number);
/**
 * Where the writes go: `same` — the instance the subscribers are on (its feed reads the trail as soon as the
 * write commits); `other` — a second instance on the same Neo4j (the subscribers' instance finds the write at
 * its next poll, so latency includes the wait for it).
 */
const WRITERS = (process.env.SUB_WRITERS ?? 'same,other').split(',');
/** After the last write is answered, how long to wait without any event arriving before counting what is missing as lost. */
const QUIET_MS = Number(process.env.SUB_QUIET_MS ?? 10_000);

const EDITOR = 'bench-editor-token-0123456789';
// Cited by every write: the throw-away graph is removed afterwards, but nothing should look like a real source.
const SOURCE = { publisher: 'diplograph bench', title: 'Subscriptions benchmark (throw-away graph)', url: 'https://bench.invalid/subscriptions' };
const RECOGNIZE = 'mutation ($input: RecognitionInput!) { recordRecognition(input: $input) { id } }';

// What a dashboard would ask (the README's example, plus the fact's own `after`): the event is matched to its
// write by the date in `after`, which is this change's own, where `recognition` is the fact as it stands when
// the feed reads it (a later write to the same pair may already be in it).
const SUBSCRIPTIONS = [
  {
    field: 'factRecorded',
    query: `subscription { factRecorded(types: [RECOGNIZES], involving: ["XK"]) {
      fact { id kind involves before after sources { id publisher title url } } change { seq at actor mutation } } }`,
  },
  {
    field: 'recognitionChanged',
    query: `subscription { recognitionChanged(of: "XK") {
      recognition { country { code name } since until sources { publisher title url } }
      fact { id after } change { seq at actor mutation } } }`,
  },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile (nearest rank) of numbers sorted ascending. */
const pct = (sorted, p) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
const ms = (x) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * Every write gets a date no other write of the run has, so each one changes the recognition (a write that
 * changes nothing records no audit entry and no event) and each event names its write. Days from 1990-01-01.
 */
let written = 0;
const dateOf = (n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** The real service as `npm start` runs it, on its own port; resolves once /ready answers (Neo4j reachable). */
async function startService(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SEED: 'false', NODE_ENV: 'production', RATE_LIMIT: 'false', LOG_LEVEL: 'warn', EDITOR_TOKENS: `bench:${EDITOR}`, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Warnings (the feed failing to read the trail, say) are part of the result: kept and counted.
  const warnings = [];
  child.stdout.on('data', (d) => warnings.push(...String(d).split('\n').filter(Boolean)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${warnings.join('\n')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the service did not become ready within 90 s');
    await sleep(200);
  }
  return {
    port,
    child,
    warnings,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * CLIENTS graphql-ws connections, one subscription each (alternating the two fields). Every event is stamped
 * on arrival and filed under the write whose date it carries; anything else (an unknown date, an error, a
 * close) is counted, since every subscriber must get every event.
 */
async function subscribeAll(port, writes) {
  const subscribers = [];
  for (let i = 0; i < CLIENTS; i++) {
    const kind = SUBSCRIPTIONS[i % SUBSCRIPTIONS.length];
    const s = { index: i, field: kind.field, received: 0, unknown: 0, duplicates: 0, outOfOrder: 0, lastSeq: -1, errors: [], closed: null };
    s.client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: (e) => s.errors.push(String(e?.reason ?? e)) });
    s.client.on('closed', (event) => {
      if (!s.disposing) s.closed = `${event?.code} ${event?.reason ?? ''}`.trim();
    });
    s.connected = new Promise((resolve) => s.client.on('connected', resolve));
    s.client.subscribe(
      { query: kind.query },
      {
        next: (result) => {
          const at = performance.now();
          if (result.errors) return s.errors.push(JSON.stringify(result.errors));
          const event = result.data[kind.field];
          const write = writes.get(JSON.parse(event.fact.after).validFrom);
          if (!write) return s.unknown++;
          if (write.receipts[i] !== undefined) return s.duplicates++;
          write.receipts[i] = at;
          s.received++;
          // Events must arrive in commit order (the trail's numbers only grow).
          if (event.change.seq <= s.lastSeq) s.outOfOrder++;
          s.lastSeq = event.change.seq;
        },
        error: (e) => s.errors.push(Array.isArray(e) ? JSON.stringify(e) : String(e?.reason ?? e?.message ?? e)),
        complete: () => s.errors.push('completed by the server'),
      },
    );
    subscribers.push(s);
  }
  await Promise.all(subscribers.map((s) => s.connected));
  return subscribers;
}

/** One recognition of Kosovo corrected (a new since date): the write, timed from before sending to its HTTP answer. */
async function write(port, country, writes, phase) {
  const since = dateOf(written++);
  const entry = { phase, country, since, sentAt: performance.now(), ackAt: null, receipts: new Array(CLIENTS) };
  writes.set(since, entry);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
      body: JSON.stringify({ query: RECOGNIZE, variables: { input: { country, recognized: 'XK', since, source: SOURCE } } }),
    });
    // The answer comes after the write's transaction committed: the commit is known to have happened by now.
    entry.ackAt = performance.now();
    const body = await response.json();
    if (!response.ok || body.errors) entry.failed = `${response.status} ${JSON.stringify(body.errors)}`;
  } catch (error) {
    entry.failed = String(error);
  }
  // A refused write is reported and left out of the expected events (it may or may not have committed), not
  // allowed to end a run that is made once.
  if (entry.failed) console.error(`write ${since} (${country}) failed: ${entry.failed}`);
  return entry;
}

/** Waits until every subscriber has every event of `entries`, or until nothing has arrived for QUIET_MS. */
async function drain(entries, subscribers) {
  const total = () => subscribers.reduce((n, s) => n + s.received, 0);
  let last = total();
  let quietSince = performance.now();
  while (entries.some((e) => !e.failed && e.receipts.filter((r) => r !== undefined).length < CLIENTS)) {
    await sleep(50);
    const now = total();
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > QUIET_MS) break;
  }
}

/** Figures for one phase: deliveries, losses, latency from the HTTP answer (and from sending, an upper bound). */
function summarize(name, all, pid, cpuBefore) {
  const entries = all.filter((e) => !e.failed);
  const fromAck = [];
  const fromSend = [];
  const first = [];
  const last = [];
  let delivered = 0;
  let lastReceipt = 0;
  for (const e of entries) {
    const got = e.receipts.filter((r) => r !== undefined);
    delivered += got.length;
    for (const r of got) {
      fromAck.push(r - e.ackAt);
      fromSend.push(r - e.sentAt);
      lastReceipt = Math.max(lastReceipt, r);
    }
    if (got.length) {
      first.push(Math.min(...got) - e.ackAt);
      last.push(Math.max(...got) - e.ackAt);
    }
  }
  for (const xs of [fromAck, fromSend, first, last]) xs.sort((a, b) => a - b);
  const started = Math.min(...entries.map((e) => e.sentAt));
  const acked = Math.max(...entries.map((e) => e.ackAt));
  const cpu = cpuSeconds(pid);
  const expected = entries.length * CLIENTS;
  return {
    phase: name,
    writes: entries.length,
    failedWrites: all.length - entries.length,
    writesPerSecond: +(entries.length / ((acked - started) / 1000)).toFixed(1),
    writeMs: { p50: ms(pct(entries.map((e) => e.ackAt - e.sentAt).sort((a, b) => a - b), 50)), p99: ms(pct(entries.map((e) => e.ackAt - e.sentAt).sort((a, b) => a - b), 99)) },
    expected,
    delivered,
    lost: expected - delivered,
    // Deliveries (events × subscribers) per second, from the first write sent to the last event received.
    deliveriesPerSecond: Math.round(delivered / ((lastReceipt - started) / 1000)),
    latencyMs: { p50: ms(pct(fromAck, 50)), p99: ms(pct(fromAck, 99)), max: ms(pct(fromAck, 100)), min: ms(pct(fromAck, 0)), beforeAnswer: fromAck.filter((x) => x < 0).length },
    fromSendMs: { p50: ms(pct(fromSend, 50)), p99: ms(pct(fromSend, 99)), max: ms(pct(fromSend, 100)) },
    // For each write, its first and its last subscriber: the spread is the fan-out to 100.
    firstSubscriberMs: { p50: ms(pct(first, 50)), p99: ms(pct(first, 99)) },
    lastSubscriberMs: { p50: ms(pct(last, 50)), p99: ms(pct(last, 99)) },
    serviceCpuSeconds: cpu === null || cpuBefore === null ? null : +(cpu - cpuBefore).toFixed(2),
  };
}

async function scenario(neo4jUri, pollMs, countries, writer) {
  const env = { NEO4J_URI: neo4jUri, NEO4J_PASSWORD: '', FEED_POLL_MS: String(pollMs) };
  const service = await startService(env);
  current = [service];
  const writes = new Map();
  let subscribers = [];
  let other;
  try {
    if (writer === 'other') current.push((other = await startService(env)));
    // The port the editor writes to; CPU is still the subscribers' instance's (it does the delivering).
    const writePort = (other ?? service).port;
    subscribers = await subscribeAll(service.port, writes);
    // Warm-up: the subscriptions are live (the feed's first read ran) once each has an event; not counted.
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(await write(writePort, countries[i % countries.length], writes, 'warm-up'));
    await drain(warm, subscribers);
    const notLive = subscribers.filter((s) => warm.some((e) => e.receipts[s.index] === undefined)).length;
    if (notLive > 0) throw new Error(`${notLive} subscriber(s) got no warm-up event: ${JSON.stringify(subscribers.filter((s) => s.errors.length || s.closed).slice(0, 3).map((s) => ({ errors: s.errors, closed: s.closed })))}`);

    const rows = [];
    // Steady: RATE writes a second on a fixed schedule, so a slow answer does not slow the rate.
    let cpu = cpuSeconds(service.child.pid);
    const steady = [];
    const t0 = performance.now();
    for (let i = 0; i < RATE * SECONDS; i++) {
      const due = t0 + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      steady.push(write(writePort, countries[i % countries.length], writes, 'steady'));
    }
    const steadyEntries = await Promise.all(steady);
    await drain(steadyEntries, subscribers);
    rows.push(summarize(`steady ${RATE}/s × ${SECONDS} s`, steadyEntries, service.child.pid, cpu));

    // Burst: BURST writes with BURST_IN_FLIGHT in flight at once, as fast as the API commits them.
    cpu = cpuSeconds(service.child.pid);
    const burstEntries = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: BURST_IN_FLIGHT }, async () => {
        while (next < BURST) {
          const i = next++;
          burstEntries.push(await write(writePort, countries[i % countries.length], writes, 'burst'));
        }
      }),
    );
    await drain(burstEntries, subscribers);
    rows.push(summarize(`burst ${BURST} (${BURST_IN_FLIGHT} in flight)`, burstEntries, service.child.pid, cpu));

    const problems = {
      duplicates: subscribers.reduce((n, s) => n + s.duplicates, 0),
      outOfOrder: subscribers.reduce((n, s) => n + s.outOfOrder, 0),
      unknownEvents: subscribers.reduce((n, s) => n + s.unknown, 0),
      closed: subscribers.filter((s) => s.closed).map((s) => `${s.index}: ${s.closed}`),
      errors: subscribers.flatMap((s) => s.errors.map((e) => `${s.index}: ${e}`)).slice(0, 10),
      // Which field the lost deliveries were on, if any.
      lostByField: Object.fromEntries(
        SUBSCRIPTIONS.map(({ field }) => [field, [...steadyEntries, ...burstEntries].filter((e) => !e.failed).reduce((n, e) => n + subscribers.filter((s) => s.field === field && e.receipts[s.index] === undefined).length, 0)]),
      ),
      serviceWarnings: service.warnings.length,
    };
    return { pollMs, writer, rows, problems, serviceRssMb: rssMb(service.child.pid), warnings: [...service.warnings, ...(other?.warnings ?? [])].slice(0, 5) };
  } finally {
    for (const s of subscribers) {
      s.disposing = true;
      await s.client.dispose();
    }
    await service.stop();
    await other?.stop();
  }
}

const load = { before: os.loadavg().map((x) => +x.toFixed(2)) };
/** The services running now, stopped with Neo4j on Ctrl-C. */
let current = [];
const neo4j = await throwAwayNeo4j('subscriptions', { beforeStop: () => Promise.all(current.map((s) => s.stop())) });
try {
  const graph = neo4j.graph();
  const seeded = await seed(graph);
  // States whose recognition of Kosovo stands (not ended), so that a write with a new date corrects it rather
  // than recording a renewal; writes go round them.
  const countries = (
    await graph.readText(
      "MATCH (c:Country)-[r:RECOGNIZES]->(:Country {code: 'XK'}) WHERE r.validTo IS NULL AND r.id = 'rec-' + c.code + '-XK' RETURN c.code AS code ORDER BY code LIMIT 20",
    )
  ).map((r) => r.code);
  await graph.close();
  if (countries.length < 3) throw new Error(`only ${countries.length} standing recognitions of XK to correct`);

  const runs = [];
  for (const pollMs of POLLS) {
    for (const writer of WRITERS) {
      try {
        runs.push(await scenario(neo4j.server.boltUri, pollMs, countries, writer));
      } catch (error) {
        // The run is made once: one setting failing still leaves the other's figures.
        runs.push({ pollMs, writer, error: String(error?.stack ?? error), rows: [] });
      }
    }
  }
  load.after = os.loadavg().map((x) => +x.toFixed(2));

  console.log(`${CLIENTS} subscribers (${SUBSCRIPTIONS.map((s) => s.field).join(' / ')}, alternating), writes: recordRecognition of XK over HTTP, rotating ${countries.length} states`);
  console.log(`load average before ${load.before.join(' ')}, after ${load.after.join(' ')}; latency = event received − mutation's HTTP answer\n`);
  console.log('FEED_POLL_MS | writes via | phase                      | writes/s | write p50/p99 | delivered / expected (lost) | deliveries/s | latency p50 / p99 / max     | from send p99 | first / last subscriber p99 | service CPU');
  for (const run of runs) {
    for (const r of run.rows) {
      console.log(
        `${String(run.pollMs).padStart(12)} | ${run.writer.padEnd(10)} | ${r.phase.padEnd(26)} | ${String(r.writesPerSecond).padStart(8)} | ${`${r.writeMs.p50}/${r.writeMs.p99} ms`.padStart(13)} | ${`${r.delivered} / ${r.expected} (${r.lost})`.padStart(27)} | ${String(r.deliveriesPerSecond).padStart(12)} | ${`${r.latencyMs.p50} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms`.padStart(27)} | ${`${r.fromSendMs.p99} ms`.padStart(13)} | ${`${r.firstSubscriberMs.p99} / ${r.lastSubscriberMs.p99} ms`.padStart(27)} | ${r.serviceCpuSeconds} s`,
      );
      if (r.latencyMs.beforeAnswer > 0) console.log(`${' '.repeat(15)}${r.latencyMs.beforeAnswer} deliveries arrived before the write's HTTP answer (min ${r.latencyMs.min} ms)`);
    }
    if (run.error) console.log(`${String(run.pollMs).padStart(12)} | ${run.writer.padEnd(10)} | failed: ${run.error}`);
    else console.log(`${' '.repeat(15)}checks: ${JSON.stringify(run.problems)}; service RSS ${run.serviceRssMb} MB`);
    for (const w of run.warnings ?? []) console.log(`${' '.repeat(15)}service warning: ${w}`);
  }
  const report = {
    machine: machine(os),
    load,
    graph: { nodes: seeded.nodes, relationships: seeded.relationships },
    settings: { clients: CLIENTS, rate: RATE, seconds: SECONDS, burst: BURST, burstInFlight: BURST_IN_FLIGHT, polls: POLLS, writers: WRITERS, quietMs: QUIET_MS, countries, subscriptions: SUBSCRIPTIONS },
    runs,
  };
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  fs.writeFileSync(path.join(here, 'out', 'subscriptions.json'), JSON.stringify(report, null, 2));
  console.log('\nFull results: bench/out/subscriptions.json');
} finally {
  await neo4j.stop();
}
