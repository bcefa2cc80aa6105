import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort, startLocalNeo4j } from '../../src/graph/local-neo4j';

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

  it('reports a Neo4j that cannot start instead of hanging', async () => {
    const bad = { ...options(home, await freePort(), await freePort()), heap: '1k' };
    await expect(startLocalNeo4j(bad)).rejects.toThrow(/Neo4j exited with code \d+ before Bolt answered/);
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
