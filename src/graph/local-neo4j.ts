import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../config';

/**
 * Runs Neo4j Community's own server entry point from jars that Maven resolves out of Maven
 * Central (neo4j/pom.xml), with the repository's neo4j/neo4j.conf. No distribution download,
 * no Docker.
 */

const NEO4J_DIR = path.join(PROJECT_ROOT, 'neo4j');
const LIB_DIR = path.join(NEO4J_DIR, 'target', 'lib');
const STAMP = path.join(NEO4J_DIR, 'target', 'pom.sha256');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const WATCHDOG = path.join(NEO4J_DIR, 'watchdog.sh');
/** How long an instance gets to stop on SIGTERM before SIGKILL, unless the caller says otherwise. */
const STOP_TIMEOUT_MS = 30_000;

export interface LocalNeo4jOptions extends LocalNeo4jSettings {
  /** Progress lines (defaults to stderr). */
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  boltUri: string;
  httpUrl: string;
  home: string;
  /** Neo4j's java process. */
  pid: number;
  /**
   * Stops Neo4j: SIGTERM, then SIGKILL after `killAfterMs` (30 s by default). Resolves once it
   * has exited. Neo4j's transaction log keeps committed writes across a SIGKILL.
   */
  stop(killAfterMs?: number): Promise<void>;
  /** SIGKILL now, without waiting: for a process about to exit that has no time left. */
  kill(): void;
}

export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

/** Resolves the Neo4j jars with Maven when they are missing or neo4j/pom.xml changed. */
export function ensureNeo4jJars(log: (line: string) => void = defaultLog): string {
  const pom = fs.readFileSync(path.join(NEO4J_DIR, 'pom.xml'));
  const hash = createHash('sha256').update(pom).digest('hex');
  const upToDate = fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash && fs.existsSync(LIB_DIR);
  if (upToDate) return LIB_DIR;

  log('Resolving Neo4j from Maven Central into neo4j/target/lib (first run only)...');
  fs.rmSync(LIB_DIR, { recursive: true, force: true });
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', path.join(NEO4J_DIR, 'pom.xml'), 'package'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (mvn.error) {
    throw new LocalNeo4jError(`Could not run Maven (${mvn.error.message}). Install Maven 3 and Java 17+, or set NEO4J_URI to use an existing Neo4j.`);
  }
  if (mvn.status !== 0) {
    throw new LocalNeo4jError(`Maven could not resolve Neo4j (exit ${mvn.status}); see its output above.`);
  }
  fs.writeFileSync(STAMP, hash);
  return LIB_DIR;
}

function defaultLog(line: string): void {
  process.stderr.write(`[neo4j] ${line}\n`);
}

async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} (${what}) on 127.0.0.1 is already in use: another Neo4j may be running. ` +
                `Stop it, choose other ports (NEO4J_BOLT_PORT, NEO4J_HTTP_PORT), or point NEO4J_URI at it.`
            : `Cannot bind ${what} port ${port}: ${err.message}`,
        ),
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A free loopback port chosen by the OS (for throw-away test instances). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** neo4j.conf from the repository with the instance's own keys replaced. */
export function renderConfig(template: string, overrides: Record<string, string>): string {
  const kept = template.split('\n').filter((line) => {
    const key = line.split('=')[0]?.trim();
    return !(key && key in overrides);
  });
  const added = Object.entries(overrides).map(([k, v]) => `${k}=${v}`);
  return [...kept, '# Set by the launcher for this instance', ...added, ''].join('\n');
}

/** The JVM arguments Neo4j's own launcher would derive from the configuration. */
export function jvmArgs(conf: string): string[] {
  const args: string[] = [];
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || !line.includes('=')) continue;
    const eq = line.indexOf('=');
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === 'server.jvm.additional') args.push(value);
    else if (key === 'server.memory.heap.initial_size') args.push(`-Xms${value}`);
    else if (key === 'server.memory.heap.max_size') args.push(`-Xmx${value}`);
  }
  return args;
}

/** Where a running instance records its pids; removed when it stops. */
export function pidFilePath(home: string): string {
  return path.join(home, 'run', 'diplograph-neo4j.pid');
}

/** The processes behind an instance, as its watchdog recorded them (neo4j/watchdog.sh). */
export interface InstancePids {
  java: number;
  watchdog?: number;
  /** The process that started the instance. */
  parent?: number;
}

export function readPidFile(home: string): InstancePids | undefined {
  let text: string;
  try {
    text = fs.readFileSync(pidFilePath(home), 'utf8');
  } catch {
    return undefined;
  }
  const found: Partial<Record<keyof InstancePids, number>> = {};
  for (const line of text.split('\n')) {
    const match = /^(java|watchdog|parent) (\d+)$/.exec(line.trim());
    if (match) found[match[1] as keyof InstancePids] = Number(match[2]);
  }
  return found.java ? { java: found.java, watchdog: found.watchdog, parent: found.parent } : undefined;
}

function ps(pid: number, field: string): string | undefined {
  const result = spawnSync('ps', ['-ww', '-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A process that exists and has not exited (a zombie has: only its parent's wait is missing). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    const state = ps(pid, 'stat');
    return state !== undefined && state !== '' && !state.startsWith('Z');
  }
}

/** Whether a running process has `arg` among its arguments, and arguments that pass `marker`. */
function runsWith(pid: number, arg: string, marker: (args: string[]) => boolean): boolean {
  if (!isProcessRunning(pid)) return false;
  let args: string[];
  try {
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    // No /proc (macOS): ps joins the arguments with spaces, which is enough to find ours.
    const line = ps(pid, 'args');
    if (!line) return false;
    args = line.split(' ');
  }
  return args.includes(arg) && marker(args);
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, name);
  } catch {
    // Already gone, or not ours to signal: what follows checks whether it is still running.
  }
}

async function waitUntilGone(pids: (number | undefined)[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!pids.some((pid) => pid !== undefined && isProcessRunning(pid))) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * An instance whose service died with its watchdog (both SIGKILLed, say) keeps running and holds
 * the data directory's lock and its ports. Its pid file says which processes it was: stop them
 * when they are still this home's Neo4j and nobody is using them any more.
 */
async function stopLeftoverInstance(home: string, log: (line: string) => void): Promise<void> {
  const file = pidFilePath(home);
  if (!fs.existsSync(file)) return;
  const pids = readPidFile(home);
  const homeArg = `--home-dir=${home}`;
  const java = pids && runsWith(pids.java, homeArg, (args) => args.includes(ENTRY_POINT)) ? pids.java : undefined;
  const watchdog =
    pids?.watchdog && runsWith(pids.watchdog, homeArg, (args) => args.some((a) => a.endsWith('watchdog.sh'))) ? pids.watchdog : undefined;
  if (java === undefined && watchdog === undefined) {
    // Its processes are gone, or the numbers now belong to something else.
    fs.rmSync(file, { force: true });
    return;
  }
  if (pids?.parent && pids.parent !== process.pid && isProcessRunning(pids.parent)) {
    throw new LocalNeo4jError(
      `The Neo4j on ${home} (pid ${java ?? watchdog}) is in use by the process that started it (pid ${pids.parent}). ` +
        `Stop that process first, or choose another NEO4J_HOME.`,
    );
  }
  const pid = java ?? watchdog;
  log(`An earlier Neo4j on this data directory (pid ${pid}) was left running after its service ended; stopping it...`);
  const started = Date.now();
  // Through the watchdog if it is still there: it stops Java and then exits itself.
  signal(watchdog ?? java, 'SIGTERM');
  if (!(await waitUntilGone([java, watchdog], STOP_TIMEOUT_MS))) {
    log(`The earlier Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; SIGKILL.`);
    signal(java, 'SIGKILL');
    signal(watchdog, 'SIGKILL');
    if (!(await waitUntilGone([java, watchdog], 5_000))) {
      throw new LocalNeo4jError(`Could not stop the earlier Neo4j on ${home} (pid ${pid}); stop it by hand, then start again.`);
    }
  }
  fs.rmSync(file, { force: true });
  log(`Stopped the earlier Neo4j (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function waitForBolt(uri: string, child: ChildProcess, timeoutMs: number, home: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { connectionTimeout: 2000 });
  try {
    for (;;) {
      if (exited === 127) {
        throw new LocalNeo4jError(`Could not start java (not found). Install Java 17+, or set NEO4J_URI.`);
      }
      if (exited !== null) {
        throw new LocalNeo4jError(
          `Neo4j exited with code ${exited} before Bolt answered. Last lines of ${path.join(home, 'logs', 'console.log')}:\n` +
            `${tail(path.join(home, 'logs', 'console.log'))}\n--- neo4j.log:\n${tail(path.join(home, 'logs', 'neo4j.log'))}`,
        );
      }
      try {
        await driver.verifyConnectivity();
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new LocalNeo4jError(
            `Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s. ` +
              `See ${path.join(home, 'logs')} (last lines of neo4j.log:\n${tail(path.join(home, 'logs', 'neo4j.log'))})`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await driver.close();
  }
}

/**
 * Starts a local Neo4j, waits until Bolt answers, and returns a handle that stops it cleanly.
 * Neo4j runs under neo4j/watchdog.sh, which stops it when this process ends, however it ends.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? defaultLog;
  const lib = ensureNeo4jJars(log);
  await stopLeftoverInstance(options.home, log);
  await assertPortFree(options.boltPort, 'Bolt');
  await assertPortFree(options.httpPort, 'HTTP');

  const confDir = path.join(options.home, 'conf');
  const logsDir = path.join(options.home, 'logs');
  fs.mkdirSync(confDir, { recursive: true });
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(path.dirname(pidFilePath(options.home)), { recursive: true });
  const conf = renderConfig(fs.readFileSync(path.join(NEO4J_DIR, 'neo4j.conf'), 'utf8'), {
    'server.bolt.listen_address': `127.0.0.1:${options.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${options.boltPort}`,
    'server.http.listen_address': `127.0.0.1:${options.httpPort}`,
    'server.http.advertised_address': `127.0.0.1:${options.httpPort}`,
    'server.memory.heap.initial_size': options.heap,
    'server.memory.heap.max_size': options.heap,
    'server.memory.pagecache.size': options.pageCache,
    // Bolt's Netty loops otherwise wait out a 5 s quiet period each (10 s of a stop spent idle),
    // which no shutdown grace could afford. Drivers have closed by the time Neo4j stops.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period': '0',
    'internal.dbms.bolt.netty_server_shutdown_timeout': '5',
  });
  fs.writeFileSync(path.join(confDir, 'neo4j.conf'), conf);

  const consoleLog = fs.openSync(path.join(logsDir, 'console.log'), 'a');
  const java = [...jvmArgs(conf), '-cp', path.join(lib, '*'), ENTRY_POINT, `--home-dir=${options.home}`, `--config-dir=${confDir}`];
  // stdin is the watchdog's lifeline: nothing is ever written, and its end-of-file means this
  // process is gone. Node keeps the parent's end out of every other child it spawns.
  const child = spawn('bash', [WATCHDOG, pidFilePath(options.home), 'java', ...java], { stdio: ['pipe', consoleLog, consoleLog] });
  fs.closeSync(consoleLog);
  child.stdin?.on('error', () => undefined);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (err) =>
      reject(new LocalNeo4jError(`Could not start bash for neo4j/watchdog.sh (${err.message}). Install bash, or set NEO4J_URI.`)),
    ),
  );

  // This instance's own entry in the pid file (the watchdog writes it as it starts java).
  let javaPid: number | undefined;
  const ownJavaPid = (): number | undefined => {
    if (javaPid === undefined) {
      const pids = readPidFile(options.home);
      if (pids && pids.watchdog === child.pid) javaPid = pids.java;
    }
    return javaPid;
  };
  const kill = (): void => {
    // Java, not the watchdog: the watchdog then exits by itself and removes the pid file.
    const pid = ownJavaPid();
    if (pid !== undefined) signal(pid, 'SIGKILL');
    else child.kill('SIGKILL');
  };

  const boltUri = `bolt://127.0.0.1:${options.boltPort}`;
  log(`Starting Neo4j (home ${options.home}, Bolt ${boltUri})...`);
  const started = Date.now();
  let stopping: Promise<void> | undefined;
  const stop = (killAfterMs = STOP_TIMEOUT_MS): Promise<void> =>
    (stopping ??= (async () => {
      // No pid: bash never started, so there is nothing to stop.
      if (!exited && child.pid !== undefined) {
        ownJavaPid();
        child.kill('SIGTERM');
        const timers = [
          setTimeout(kill, killAfterMs),
          // Should the watchdog itself hang, it goes too.
          setTimeout(() => child.kill('SIGKILL'), killAfterMs + 2_000),
        ];
        await exit;
        timers.forEach(clearTimeout);
      }
      if (readPidFile(options.home)?.watchdog === child.pid) fs.rmSync(pidFilePath(options.home), { force: true });
    })());

  try {
    await Promise.race([waitForBolt(boltUri, child, options.startTimeoutMs, options.home), spawnError]);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Neo4j is up in ${((Date.now() - started) / 1000).toFixed(1)} s (HTTP http://127.0.0.1:${options.httpPort}).`);
  return { boltUri, httpUrl: `http://127.0.0.1:${options.httpPort}`, home: options.home, pid: ownJavaPid() ?? -1, stop, kill };
}
