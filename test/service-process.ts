import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../src/graph/local-neo4j';

/** The real service (src/index.ts) in a process of its own, as `npm start` runs it, for tests that signal or kill it. */

const ROOT = path.join(__dirname, '..');

// Compiled on the fly, like ts-jest does, rather than into dist/, which other runs share.
const RUN_TS = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
require(process.argv[1]);
`;

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  stderr(): string;
  stdout(): string;
  /** Both streams as they arrived: the service logs to stdout, and Neo4j's start-up and crashes go to stderr. */
  output(): string;
  waitForStderr(pattern: RegExp): Promise<void>;
  waitForOutput(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const running = new Set<ChildProcess>();

/** SIGKILLs every service a test left running (call it in afterEach/afterAll). */
export function killServices(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts the service (production mode, no seed, a free port, `env` on top) and resolves once it listens. */
export async function startService(env: Record<string, string>, listenTimeoutMs = 90_000): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', RUN_TS, path.join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED: 'false',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  let both = '';
  const watchers = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => ((out += d), (both += d), watchers.forEach((w) => w())));
  child.stderr!.on('data', (d: Buffer) => ((err += d), (both += d), watchers.forEach((w) => w())));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
      watchers.forEach((w) => w());
    }),
  );
  const waitFor = (text: () => string, pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms; stderr:\n${err}`)), timeoutMs);
      const check = () => {
        if (pattern.test(text())) done();
        else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`service exited before ${pattern}; stderr:\n${err}`));
      };
      const done = (error?: Error) => {
        clearTimeout(timer);
        watchers.delete(check);
        if (error) reject(error);
        else resolve();
      };
      watchers.add(check);
      check();
    });
  await waitFor(() => out, /diplograph GraphQL at http:\/\//, listenTimeoutMs);
  return { child, port, stderr: () => err, stdout: () => out, output: () => both, waitForStderr: (p) => waitFor(() => err, p), waitForOutput: (p) => waitFor(() => both, p), exited };
}
