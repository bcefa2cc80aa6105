import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, type Config } from '../../src/config';
import { freePort } from '../../src/graph/local-neo4j';
import { createApp } from '../../src/http';
import { RateLimits, type RateSettings } from '../../src/limits/rate';
import { serveSubscriptions, type Subscriptions } from '../../src/subscriptions/server';
import { createLogger } from '../../src/telemetry/logger';
import { TestApi } from '../helpers';

/**
 * Budgets of cost units per client, over HTTP, reading the shared test Neo4j (nothing here writes).
 * The shared store is a real Redis from Debian's package (redis-server); without it those tests are
 * skipped and say so, and CI installs it and sets REQUIRE_REDIS=1.
 */
const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis) {
  if (process.env.REQUIRE_REDIS === '1') throw new Error('redis-server is missing: install the redis-server package.');
  process.stderr.write('\nShared rate limit tests skipped: redis-server is missing (apt-get install redis-server).\n');
}
const describeWithRedis = haveRedis ? describe : describe.skip;

const CHEAP = '{ country(code: "RS") { name } }';
const EXPENSIVE = '{ countries(first: 250) { code name } }'; // can return 750 values: costs 750
const READER_KEY = 'reader-key-0123456789abcdef';

let api: TestApi;
const servers: http.Server[] = [];
const limiters: RateLimits[] = [];
const feeds: Subscriptions[] = [];

beforeAll(async () => {
  api = await new TestApi().start();
});

afterAll(async () => {
  await Promise.all(feeds.map((f) => f.dispose()));
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await Promise.all(limiters.map((l) => l.close()));
  await api?.stop();
});

function limits(settings: Partial<RateSettings>): RateLimits {
  const rates = new RateLimits({ enabled: true, windowS: 60, points: 100_000, anonymousPoints: 10_000, redisUrl: null, ...settings });
  limiters.push(rates);
  return rates;
}

async function serve(rates: RateLimits, { subscriptions = false } = {}): Promise<string> {
  const auth: Config['auth'] = { editors: [], readers: [{ name: 'dashboard', token: READER_KEY }], openReads: true };
  const server = http.createServer(createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth, rates, requestTimeoutMs: 15_000 }));
  if (subscriptions) {
    const config = { ...loadConfig(), auth };
    feeds.push(serveSubscriptions({ httpServer: server, graph: api.graph, config, logger: createLogger({ ...config.logs, level: 'silent' }), rates }));
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, body, remaining: Number(header('ratelimit-remaining')), limit: Number(header('ratelimit-limit')), header };
}

/** Subscribes over WebSocket and resolves with the first thing the server says: an error, or 'accepted' once it has taken the subscription. */
function subscribeOnce(url: string, query: string, token?: string): Promise<{ message: string; extensions?: Record<string, unknown> }[] | 'accepted'> {
  const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: token ? { authorization: `Bearer ${token}` } : {} });
  return new Promise((resolve) => {
    const done = (answer: Awaited<ReturnType<typeof subscribeOnce>>) => {
      clearTimeout(timer);
      void client.dispose();
      resolve(answer);
    };
    // A subscription the server took stays open without a word until an event: no error within a moment is acceptance.
    const timer = setTimeout(() => done('accepted'), 1_500);
    client.subscribe({ query }, { next: () => done('accepted'), error: (e) => done(Array.isArray(e) ? e : [{ message: String((e as Error)?.message ?? e) }]), complete: () => undefined });
  });
}

describe('a budget of cost units per client and window', () => {
  it('says what is left in the RateLimit headers, and an expensive query spends more of it than a cheap one', async () => {
    const url = await serve(limits({}));
    const first = await post(url, CHEAP);
    expect(first.status).toBe(200);
    expect(first.limit).toBe(10_000);
    expect(first.header('ratelimit-policy')).toBe('10000;w=60');
    const cheap = first.limit - first.remaining;
    const second = await post(url, EXPENSIVE);
    expect(second.status).toBe(200);
    const expensive = first.remaining - second.remaining;
    expect(cheap).toBeGreaterThanOrEqual(1);
    expect(expensive).toBeGreaterThan(50 * cheap);
  });

  it('refuses with 429 RATE_LIMITED and Retry-After once the budget is spent, runs nothing, and serves again after the window', async () => {
    const url = await serve(limits({ windowS: 2, anonymousPoints: 2_000 }));
    const cost = (await post(url, EXPENSIVE)).limit - (await post(url, CHEAP)).remaining; // expensive + cheap spent so far
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 2_000 / Math.max(1, cost) + 2 && !refused; i += 1) {
      const r = await post(url, EXPENSIVE);
      if (r.status === 429) refused = r;
    }
    expect(refused).toBeDefined();
    expect(refused!.body.data ?? null).toBeNull();
    expect(refused!.body.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused!.header('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(refused!.remaining).toBe(0);
    // a cheap query may still fit what is left; after the window the expensive one runs again
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await post(url, EXPENSIVE)).status).toBe(200);
  });

  it('charges a subscription its cost from the same budget when it subscribes, and refuses it with RATE_LIMITED once spent', async () => {
    const url = await serve(limits({ anonymousPoints: 20 }), { subscriptions: true });
    // What one event can hold: a fact with its sources and the audit entry; the same weighing as a query's.
    const SUBSCRIBE = 'subscription { factRecorded(involving: ["XK"]) { fact { id kind } change { seq } } }';
    expect(await subscribeOnce(url, SUBSCRIBE)).toBe('accepted');
    const spent = await post(url, CHEAP);
    expect(spent.status).toBe(200);
    // What the subscriptions took is gone from the address's budget, as a query's would be.
    expect(spent.remaining).toBeLessThan(20 - 1);
    let answer: Awaited<ReturnType<typeof subscribeOnce>> = 'accepted';
    for (let i = 0; i < 20 && answer === 'accepted'; i++) answer = await subscribeOnce(url, SUBSCRIBE);
    expect(answer).not.toBe('accepted');
    const [error] = answer as Exclude<typeof answer, 'accepted'>;
    expect(error!.extensions?.code).toBe('RATE_LIMITED');
    expect(error!.message).toMatch(/spent its 20 cost units/);
    expect(error!.extensions).not.toHaveProperty('http');
    // A token holder has its own budget, untouched by the address's.
    expect(await subscribeOnce(url, SUBSCRIBE, READER_KEY)).toBe('accepted');
  });

  it('gives a token holder its own budget, larger than an anonymous address has', async () => {
    const url = await serve(limits({ anonymousPoints: 1_000, points: 50_000 }));
    while ((await post(url, EXPENSIVE)).status === 200);
    expect((await post(url, EXPENSIVE)).status).toBe(429);
    const withToken = await post(url, EXPENSIVE, READER_KEY);
    expect(withToken.status).toBe(200);
    expect(withToken.limit).toBe(50_000);
  });

  it('refuses a query that costs more than the whole budget, saying that waiting will not help', async () => {
    const url = await serve(limits({ anonymousPoints: 10 }));
    const r = await post(url, EXPENSIVE);
    expect(r.status).toBe(429);
    expect(r.body.errors![0]!.message).toMatch(/more than the 10 this client may spend/);
  });
});

describeWithRedis('budgets shared through Redis by several instances', () => {
  let redis: ChildProcess;
  let redisUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i += 1) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  });

  afterAll(() => {
    redis?.kill('SIGKILL');
  });

  it('two instances spend one budget: what one serves, the other counts', async () => {
    const [ra, rb] = [limits({ redisUrl, anonymousPoints: 3_000 }), limits({ redisUrl, anonymousPoints: 3_000 })];
    expect(await ra.ready()).toBe(true);
    expect(await rb.ready()).toBe(true);
    const [a, b] = [await serve(ra), await serve(rb)];
    const first = await post(a, EXPENSIVE);
    const second = await post(b, EXPENSIVE);
    expect(second.status).toBe(200);
    expect(second.remaining).toBe(first.remaining - (first.limit - first.remaining));
    let refusedOnA = false;
    for (let i = 0; i < 20 && !refusedOnA; i += 1) {
      await post(b, EXPENSIVE);
      refusedOnA = (await post(a, CHEAP)).status === 429 || (await post(a, EXPENSIVE)).status === 429;
    }
    expect(refusedOnA).toBe(true);
  });

  it('keeps serving, counting in memory, when Redis goes away', async () => {
    const rates = limits({ redisUrl, anonymousPoints: 100_000 });
    expect(await rates.ready()).toBe(true);
    const url = await serve(rates);
    expect((await post(url, CHEAP)).status).toBe(200);
    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const r = await post(url, CHEAP);
    expect(r.status).toBe(200);
    expect(r.remaining).toBeLessThan(100_000);
  });
});
