// What the bench scripts share: starting a server process, loading it with autocannon, memory figures.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import autocannon from 'autocannon';
import { createDriver } from '../dist/graph/driver.js';
import { Graph } from '../dist/graph/graph.js';
import { freePort, startLocalNeo4j } from '../dist/graph/local-neo4j.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Forks bench/servers/<script> and resolves once it listens. */
export function startServer(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'servers', script), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** One autocannon run of a POST: latency percentiles and mean (ms; percentiles in whole ms), mean requests per second, failures. */
export async function load(port, req, connections, duration) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${req.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: req.body,
    connections,
    duration,
  });
  return { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, rps: result.requests.average, errors: result.errors + result.non2xx };
}

/**
 * One autocannon run of a GET (a dashboard's poll): the same fields as load(), with 304 counted as an
 * answer, and how many requests were sent.
 */
export async function loadGet(port, path, headers, connections, duration, status = 200) {
  let wrong = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'GET',
    headers,
    connections,
    duration,
    setupClient: (client) => client.on('response', (code) => (wrong += code === status ? 0 : 1)),
  });
  return { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, rps: result.requests.average, requests: result.requests.total, errors: result.errors + wrong };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc), or null. */
export function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A warm-up run, then `repeats` runs; the medians of p50, p99 and throughput. */
export async function measure(port, req, connections, { duration, repeats }) {
  await load(port, req, connections, duration);
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(await load(port, req, connections, duration));
  return { p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), mean: median(runs.map((r) => r.mean)), rps: median(runs.map((r) => r.rps)), errors: runs.reduce((n, r) => n + r.errors, 0) };
}

/** Resident memory of a process in MB (Linux /proc), or null. */
export function rssMb(pid) {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
  } catch {
    return null;
  }
}

/** A GraphQL POST to diplograph's bench server, with the Cypher statements it ran (counted in the server). */
export async function countedQuery(port, query) {
  await fetch(`http://127.0.0.1:${port}/bench/count`);
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const body = JSON.parse(text);
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  const { statements, parts } = await (await fetch(`http://127.0.0.1:${port}/bench/count`)).json();
  return { body, bytes: Buffer.byteLength(text), statements, parts };
}

export const machine = (os) => ({ cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version });

/** On Ctrl-C or a kill, run `cleanup` (stop the servers and Neo4j) before exiting, so nothing is left running. */
export function cleanupOnSignal(cleanup) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }
}

/**
 * A throw-away Neo4j for one bench run, in a temporary home. `graph()` opens a Graph on it; `stop()`
 * runs `beforeStop` (the bench's own servers), stops Neo4j and removes the home. Ctrl-C does the same.
 */
export async function throwAwayNeo4j(name, { heap = '1g', pageCache = '512m', beforeStop = () => undefined } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `diplograph-${name}-`));
  const server = await startLocalNeo4j({ home, boltPort: await freePort(), httpPort: await freePort(), heap, pageCache, startTimeoutMs: 120_000, log: () => undefined });
  const stop = async () => {
    await beforeStop();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  };
  cleanupOnSignal(stop);
  const graph = () => new Graph(createDriver({ uri: server.boltUri, user: 'neo4j', password: '', database: 'neo4j' }), 'neo4j');
  return { server, home, graph, stop };
}
