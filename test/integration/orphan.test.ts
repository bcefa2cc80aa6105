import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { killServices, startService } from '../service-process';
import { freePort, isProcessRunning, pidFilePath, readPidFile, type InstancePids } from '../../src/graph/local-neo4j';

/**
 * The real service starting its own Neo4j (no NEO4J_URI), then dying the hard way. Its Neo4j
 * must not stay behind: the watchdog stops it, and when the watchdog is killed too, the next
 * start on the same data directory does.
 */


const javas = new Set<number>();

/** The service on its own Neo4j (small memory), listening. */
const startOwn = (env: Record<string, string>) => startService({ NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '16m', ...env });

function pidsOf(home: string): InstancePids {
  const pids = readPidFile(home);
  if (!pids) throw new Error(`no pid file at ${pidFilePath(home)}`);
  javas.add(pids.java);
  return pids;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

jest.setTimeout(120_000);

describe('a Neo4j started by the service', () => {
  let home: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-orphan-'));
    env = { NEO4J_HOME: home, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HTTP_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    killServices();
    for (const pid of javas) if (isProcessRunning(pid)) process.kill(pid, 'SIGKILL');
    await eventually(() => [...javas].every((pid) => !isProcessRunning(pid)), 10_000).catch(() => undefined);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('stops when the service is killed outright (SIGKILL, as the kernel does on out-of-memory)', async () => {
    const service = await startOwn(env);
    const { java, watchdog } = pidsOf(home);
    expect(isProcessRunning(java)).toBe(true);

    service.child.kill('SIGKILL');
    await service.exited;
    const tookMs = await eventually(async () => !isProcessRunning(java) && !(await portOpen(Number(env.NEO4J_BOLT_PORT))), 30_000);
    expect(tookMs).toBeLessThan(30_000);
    await eventually(() => !isProcessRunning(watchdog!) && !fs.existsSync(pidFilePath(home)), 5_000);
  });

  it('left running without its watchdog, is stopped by the next start on its data directory, which then serves', async () => {
    const first = await startOwn(env);
    const orphan = pidsOf(home);
    // Both, so that nothing is left to stop it: the watchdog first, or it would act on the service's death.
    process.kill(orphan.watchdog!, 'SIGKILL');
    await eventually(() => !isProcessRunning(orphan.watchdog!), 5_000);
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(isProcessRunning(orphan.java)).toBe(true);

    const second = await startOwn(env);
    expect(second.stderr()).toContain(`An earlier Neo4j on this data directory (pid ${orphan.java}) was left running`);
    expect(isProcessRunning(orphan.java)).toBe(false);
    const now = pidsOf(home);
    expect(now.java).not.toBe(orphan.java);

    const ready = await fetch(`http://127.0.0.1:${second.port}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const query = async () => {
      const response = await fetch(`http://127.0.0.1:${second.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ country(code: "XK") { name } }' }),
      });
      return ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    };
    // A fresh Neo4j's first query can outlast REQUEST_TIMEOUT_MS on a busy machine while Cypher
    // warms up; that, and only that, is asked again.
    let code = await query();
    for (let attempt = 0; code === 'REQUEST_TIMEOUT' && attempt < 2; attempt++) code = await query();
    // An unseeded graph: Neo4j answered that there is no such country, rather than being unreachable.
    expect(code).toBe('NOT_FOUND');

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(isProcessRunning(now.java)).toBe(false);
    expect(fs.existsSync(pidFilePath(home))).toBe(false);
  });
});
