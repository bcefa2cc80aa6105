import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort, isProcessRunning, pidFilePath, startLocalNeo4j } from '../../src/graph/local-neo4j';

const WATCHDOG = path.join(__dirname, '..', '..', 'neo4j', 'watchdog.sh');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

const options = (home: string, boltPort: number, httpPort: number) => ({
  home,
  boltPort,
  httpPort,
  heap: '256m',
  pageCache: '16m',
  startTimeoutMs: 60_000,
  log: () => undefined,
});

describe('the local Neo4j launcher', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-launcher-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('refuses a Bolt port that is taken, with a message that says what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startLocalNeo4j(options(home, taken, await freePort()))).rejects.toThrow(
        new RegExp(`Port ${taken} \\(Bolt\\).*already in use.*NEO4J_BOLT_PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  describe('with a pid file left by an earlier instance', () => {
    const started: ChildProcess[] = [];
    /** An idle process with the arguments given; its pid once it runs. */
    const lookalike = async (...args: string[]): Promise<number> => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 30_000)', ...args], { stdio: 'ignore' });
      started.push(child);
      await new Promise((r) => child.once('spawn', r));
      return child.pid!;
    };
    const gonePid = async (): Promise<number> => {
      const child = spawn('true');
      await new Promise((r) => child.once('exit', r));
      return child.pid!;
    };
    const writePidFile = (lines: string) => {
      fs.mkdirSync(path.dirname(pidFilePath(home)), { recursive: true });
      fs.writeFileSync(pidFilePath(home), lines);
    };
    let blocker: net.Server;
    let taken: number;
    beforeEach(async () => {
      // The start stops at the taken Bolt port, just after dealing with the pid file: no Neo4j needed.
      blocker = net.createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      taken = (blocker.address() as net.AddressInfo).port;
    });
    afterEach(() => {
      blocker.close();
      started.splice(0).forEach((child) => child.kill('SIGKILL'));
    });

    it('stops that instance when it is still running and nobody uses it, saying so', async () => {
      const leftover = await lookalike(`${ENTRY_POINT}`, `--home-dir=${home}`);
      writePidFile(`java ${leftover}\nwatchdog ${await gonePid()}\nparent ${await gonePid()}\n`);
      const lines: string[] = [];
      await expect(startLocalNeo4j({ ...options(home, taken, await freePort()), log: (l) => lines.push(l) })).rejects.toThrow(/already in use/);
      expect(lines.join('\n')).toMatch(new RegExp(`An earlier Neo4j on this data directory \\(pid ${leftover}\\) was left running`));
      expect(isProcessRunning(leftover)).toBe(false);
      expect(fs.existsSync(pidFilePath(home))).toBe(false);
    });

    it('removes the pid file, touching nothing, when its processes are gone or are something else now', async () => {
      const unrelated = await lookalike(ENTRY_POINT, '--home-dir=/somewhere/else');
      writePidFile(`java ${unrelated}\nwatchdog ${await gonePid()}\nparent ${await gonePid()}\n`);
      const lines: string[] = [];
      await expect(startLocalNeo4j({ ...options(home, taken, await freePort()), log: (l) => lines.push(l) })).rejects.toThrow(/already in use/);
      expect(lines.join('\n')).not.toMatch(/earlier Neo4j/);
      expect(isProcessRunning(unrelated)).toBe(true);
      expect(fs.existsSync(pidFilePath(home))).toBe(false);
    });

    it('leaves an instance alone while the process that started it is still running', async () => {
      const java = await lookalike(ENTRY_POINT, `--home-dir=${home}`);
      const service = await lookalike();
      writePidFile(`java ${java}\nwatchdog ${await gonePid()}\nparent ${service}\n`);
      await expect(startLocalNeo4j(options(home, taken, await freePort()))).rejects.toThrow(
        new RegExp(`in use by the process that started it \\(pid ${service}\\)`),
      );
      expect(isProcessRunning(java)).toBe(true);
    });
  });

  it('reports a Neo4j that cannot start instead of hanging', async () => {
    const bad = { ...options(home, await freePort(), await freePort()), heap: '1k' };
    await expect(startLocalNeo4j(bad)).rejects.toThrow(/Neo4j exited with code \d+ before Bolt answered/);
  });
});

describe('the watchdog (neo4j/watchdog.sh)', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-watchdog-'));
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (command: string, env: Record<string, string> = {}) => {
    const pidFile = path.join(dir, 'run', 'test.pid');
    child = spawn('bash', [WATCHDOG, pidFile, 'bash', '-c', command], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, ...env } });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const commandPid = async (): Promise<number> => {
      for (let i = 0; i < 100 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 20));
      const line = fs.readFileSync(pidFile, 'utf8');
      expect(line).toMatch(new RegExp(`^java \\d+\nwatchdog ${child!.pid}\nparent ${process.pid}\n$`));
      return Number(/^java (\d+)/.exec(line)![1]);
    };
    return { pidFile, exited, commandPid };
  };

  it('stops its command when the pipe from the process that started it closes, then removes its pid file', async () => {
    const { pidFile, exited, commandPid } = run('exec sleep 30');
    const pid = await commandPid();
    // What the kernel does to that end of the pipe when the parent dies, however it dies.
    child!.stdin!.destroy();
    expect(await exited).toBe(143);
    expect(isProcessRunning(pid)).toBe(false);
    expect(fs.existsSync(pidFile)).toBe(false);
  });

  it('on SIGTERM exits only after its command has, and SIGKILLs a command that ignores SIGTERM after NEO4J_WATCHDOG_KILL_AFTER', async () => {
    const { exited, commandPid } = run('trap "" TERM; exec sleep 30', { NEO4J_WATCHDOG_KILL_AFTER: '1' });
    const pid = await commandPid();
    const signalled = Date.now();
    child!.kill('SIGTERM');
    expect(await exited).toBe(137);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_000);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(isProcessRunning(pid)).toBe(false);
  });

  it('exits with its command when the command ends by itself', async () => {
    const { exited } = run('exit 7');
    expect(await exited).toBe(7);
  });
});

describe('the test Neo4j', () => {
  it('answers a neo4j:// routing URI as well as bolt://', async () => {
    const bolt = process.env.NEO4J_URI!;
    const routing = bolt.replace(/^bolt:/, 'neo4j:');
    const driver = neo4j.driver(routing, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''));
    try {
      const result = await driver.executeQuery('MATCH (c:Country {code: $code}) RETURN c.name AS name', { code: 'XK' }, { routing: neo4j.routing.READ });
      expect(result.records[0]!.get('name')).toBe('Kosovo');
    } finally {
      await driver.close();
    }
  });

  // With an external NEO4J_URI its HTTP port is not ours to know.
  const http = process.env.DIPLOGRAPH_TEST_NEO4J_HTTP;
  (http ? it : it.skip)('serves HTTP where the launcher says it does', async () => {
    const discovery = (await (await fetch(http!)).json()) as { neo4j_version: string; neo4j_edition: string };
    expect(discovery).toMatchObject({ neo4j_edition: 'community' });
    expect(discovery.neo4j_version).toMatch(/^5\.26\./);
  });
});
