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

export interface LocalNeo4jOptions extends LocalNeo4jSettings {
  /** Progress lines (defaults to stderr). */
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  boltUri: string;
  httpUrl: string;
  home: string;
  pid: number;
  stop(): Promise<void>;
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

/** Starts a local Neo4j, waits until Bolt answers, and returns a handle that stops it cleanly. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? defaultLog;
  const lib = ensureNeo4jJars(log);
  await assertPortFree(options.boltPort, 'Bolt');
  await assertPortFree(options.httpPort, 'HTTP');

  const confDir = path.join(options.home, 'conf');
  const logsDir = path.join(options.home, 'logs');
  fs.mkdirSync(confDir, { recursive: true });
  fs.mkdirSync(logsDir, { recursive: true });
  const conf = renderConfig(fs.readFileSync(path.join(NEO4J_DIR, 'neo4j.conf'), 'utf8'), {
    'server.bolt.listen_address': `127.0.0.1:${options.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${options.boltPort}`,
    'server.http.listen_address': `127.0.0.1:${options.httpPort}`,
    'server.http.advertised_address': `127.0.0.1:${options.httpPort}`,
    'server.memory.heap.initial_size': options.heap,
    'server.memory.heap.max_size': options.heap,
    'server.memory.pagecache.size': options.pageCache,
  });
  fs.writeFileSync(path.join(confDir, 'neo4j.conf'), conf);

  const consoleLog = fs.openSync(path.join(logsDir, 'console.log'), 'a');
  const child = spawn(
    'java',
    [...jvmArgs(conf), '-cp', path.join(lib, '*'), ENTRY_POINT, `--home-dir=${options.home}`, `--config-dir=${confDir}`],
    { stdio: ['ignore', consoleLog, consoleLog] },
  );
  fs.closeSync(consoleLog);
  // If this process dies without a clean stop, do not leave Neo4j running behind it.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.removeListener('exit', orphanGuard));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (err) =>
      reject(new LocalNeo4jError(`Could not start java (${err.message}). Install Java 17+, or set NEO4J_URI.`)),
    ),
  );

  const boltUri = `bolt://127.0.0.1:${options.boltPort}`;
  log(`Starting Neo4j (home ${options.home}, Bolt ${boltUri})...`);
  const started = Date.now();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    }));

  try {
    await Promise.race([waitForBolt(boltUri, child, options.startTimeoutMs, options.home), spawnError]);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Neo4j is up in ${((Date.now() - started) / 1000).toFixed(1)} s (HTTP http://127.0.0.1:${options.httpPort}).`);
  return { boltUri, httpUrl: `http://127.0.0.1:${options.httpPort}`, home: options.home, pid: child.pid ?? -1, stop };
}
