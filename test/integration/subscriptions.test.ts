import fs from 'node:fs';
import path from 'node:path';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Neo4jConnection } from '../../src/config';
import type { Graph } from '../../src/graph/graph';
import { WriteRepository } from '../../src/graph/repositories/writes';
import { seed } from '../../src/graph/seed';
import { ChangeFeed, type FeedEvent } from '../../src/subscriptions/feed';
import { testGraph, OwnNeo4j } from '../helpers';
import { killServices, startService, type ServiceProcess } from '../service-process';
import { smallSeed } from '../small-seed';

/**
 * Subscriptions end to end: two real service processes on one Neo4j of this file's own (seeded),
 * real WebSocket clients (graphql-ws), writes as editors make them, over HTTP.
 */
jest.setTimeout(240_000);

const EDITOR = 'editor-token-0123456789';
const READER = 'reader-token-0123456789';
const source = { publisher: 'Test Gazette', title: 'Subscriptions report', date: '2026-02-01', url: 'https://example.org/subscriptions' };

let neo4j: OwnNeo4j;
let connection: Neo4jConnection;
let graph: Graph;
let a: ServiceProcess;
let b: ServiceProcess;
const clients: Client[] = [];

beforeAll(async () => {
  neo4j = await OwnNeo4j.start('subscriptions');
  connection = neo4j.connection;
  graph = testGraph(connection);
  await seed(graph, undefined, smallSeed);
  const env = {
    NEO4J_URI: connection.uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: '',
    EDITOR_TOKENS: `ed:${EDITOR}`,
    READER_TOKENS: `rd:${READER}`,
    FEED_POLL_MS: '100',
    FEED_REPLAY_MAX: '5',
    RATE_LIMIT: 'false',
    METRICS_TOKEN: 'metrics-token-0123456789',
  };
  [a, b] = await Promise.all([startService(env), startService(env)]);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(async () => {
  killServices();
  await graph?.close();
  await neo4j?.remove();
});

function connect(service: ServiceProcess, token?: string): Client {
  const client = createClient({
    url: `ws://127.0.0.1:${service.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

/** Collects a subscription's results as they arrive; `ready` resolves once the server has taken it. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: FormattedExecutionResult<any, any>[] = [];
  let waiters: (() => void)[] = [];
  let ended: unknown;
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => {
        results.push(r);
        waiters.forEach((w) => w());
      },
      error: (e) => {
        ended = e;
        waiters.forEach((w) => w());
      },
      complete: () => {
        ended ??= 'complete';
        waiters.forEach((w) => w());
      },
    },
  );
  const until = (check: () => boolean, what: string, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms; got ${JSON.stringify(results)} ${String(ended)}`)), timeoutMs);
      const look = () => {
        if (check()) {
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== look);
          resolve();
        }
      };
      waiters.push(look);
      look();
    });
  return {
    results,
    get ended() {
      return ended;
    },
    stop,
    count: (n: number, timeoutMs?: number) => until(() => results.length >= n, `${n} result(s)`, timeoutMs),
    end: () => until(() => ended !== undefined, 'the end'),
  };
}

/** The feed reads the trail every FEED_POLL_MS; a subscription is live once the server has acknowledged it and its first read ran. */
const settle = () => new Promise((r) => setTimeout(r, 400));

async function post(service: ServiceProcess, query: string, variables: Record<string, unknown>, token: string | null = EDITOR) {
  const response = await fetch(`http://127.0.0.1:${service.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: any[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const RECOGNIZE = 'mutation ($input: RecognitionInput!) { recordRecognition(input: $input) { id } }';
const recognize = (service: ServiceProcess, country: string, recognized: string, since: string) =>
  post(service, RECOGNIZE, { input: { country, recognized, since, source } });

const FACTS = `subscription ($types: [FactKind!], $involving: [ID!], $since: Int) {
  factRecorded(types: $types, involving: $involving, since: $since) {
    fact { id kind involves before after sources { id publisher title url } }
    change { seq at actor mutation }
  }
}`;

describe('factRecorded', () => {
  it("delivers an editor's write through one instance to a subscriber on the other, with the fact, its sources and the audit entry", async () => {
    const sub = subscribe(connect(a, READER), FACTS, { involving: ['MN'] });
    await settle();
    const { recordRecognition } = await recognize(b, 'MN', 'XK', '2026-01-05');
    await sub.count(1);
    const event = sub.results[0]!.data!.factRecorded;
    expect(event.fact).toMatchObject({ id: recordRecognition.id, kind: 'RECOGNIZES', involves: ['MN', 'XK', recordRecognition.id] });
    expect(JSON.parse(event.fact.after)).toMatchObject({ id: recordRecognition.id, validFrom: '2026-01-05' });
    expect(event.fact.sources.map((s: any) => s.url)).toContain(source.url);
    expect(event.change).toMatchObject({ actor: 'ed', mutation: 'recordRecognition' });
    expect(typeof event.change.seq).toBe('number');
    expect(Date.parse(event.change.at)).not.toBeNaN();
  });

  it('delivers only the kinds and ids asked for', async () => {
    const sub = subscribe(connect(a), FACTS, { types: ['SUPPORTS'], involving: ['MN'] });
    const other = subscribe(connect(b), FACTS, { involving: ['BT'] });
    await settle();
    await recognize(b, 'MN', 'XK', '2026-01-06');
    await post(a, 'mutation ($input: SupportInput!) { recordSupport(input: $input) { code } }', { input: { country: 'MN', supported: 'XK', attestedOn: '2026-01-06', source } });
    await sub.count(1);
    await settle();
    expect(sub.results.map((r) => r.data!.factRecorded.fact.kind)).toEqual(['SUPPORTS']);
    expect(other.results).toEqual([]);
  });

  it('a subscriber reconnecting with the last number it saw gets the changes it missed, in order, then live ones', async () => {
    const first = subscribe(connect(a, READER), FACTS, { involving: ['MN'] });
    await settle();
    await recognize(b, 'MN', 'XK', '2026-01-07');
    await first.count(1);
    const seen = first.results[0]!.data!.factRecorded.change.seq as number;
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    // Missed while away: two writes, through either instance.
    await recognize(a, 'MN', 'XK', '2026-01-08');
    await recognize(b, 'MN', 'XK', '2026-01-09');
    const again = subscribe(connect(b, READER), FACTS, { involving: ['MN'], since: seen });
    await again.count(2);
    await recognize(a, 'MN', 'XK', '2026-01-10');
    await again.count(3);
    const events = again.results.map((r) => r.data!.factRecorded);
    expect(events.map((e) => JSON.parse(e.fact.after).validFrom)).toEqual(['2026-01-08', '2026-01-09', '2026-01-10']);
    const numbers = events.map((e) => e.change.seq as number);
    expect(numbers[0]).toBeGreaterThan(seen);
    expect([...numbers].sort((x, y) => x - y)).toEqual(numbers);
  });

  it('refuses a reconnect from further back than a reconnect may catch up on, saying what to do', async () => {
    const head = (await graph.readOne<{ version: number }>('graph-version'))!.version;
    const sub = subscribe(connect(a), FACTS, { since: head - 6 });
    await sub.end();
    expect(sub.results[0]?.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(sub.results[0]!.errors![0].message).toMatch(/subscribe without since/);
  });
});

describe('who may subscribe to what', () => {
  it('an anonymous subscriber sees the published fact but not who wrote it', async () => {
    const sub = subscribe(connect(a), FACTS, { involving: ['MN'] });
    await settle();
    await recognize(b, 'MN', 'XK', '2026-01-11');
    await sub.count(1);
    expect(sub.results[0]!.data!.factRecorded.change).toMatchObject({ actor: null, mutation: 'recordRecognition' });
    expect(sub.results[0]!.data!.factRecorded.fact.kind).toBe('RECOGNIZES');
  });

  const CANDIDATES = 'subscription { candidateProposed { source { id title } candidates { id type status } change { seq actor mutation } } }';

  it('an anonymous subscriber may not hear of candidates (editorial workspace); a reader may', async () => {
    const anonymous = subscribe(connect(a), CANDIDATES);
    await anonymous.end();
    expect(anonymous.results[0]!.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });

    const reader = subscribe(connect(a, READER), CANDIDATES);
    await settle();
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'articles', 'kosovo-israel.txt'), 'utf8');
    const article = { publisher: 'Test Wire', title: 'Kosovo and Israel', date: '2021-01-30', url: 'https://example.org/kosovo-israel-subscriptions' };
    const { ingestArticle } = await post(b, 'mutation ($input: ArticleInput!) { ingestArticle(input: $input) { created candidates { id } } }', { input: { text, ...article } });
    expect(ingestArticle.created).toBeGreaterThan(0);
    await reader.count(1);
    const event = reader.results[0]!.data!.candidateProposed;
    expect(event.source.title).toBe(article.title);
    expect(event.candidates.map((c: any) => c.id).sort()).toEqual(ingestArticle.candidates.map((c: any) => c.id).sort());
    expect(event.candidates.every((c: any) => c.status === 'PENDING')).toBe(true);
    expect(event.change).toMatchObject({ actor: 'ed', mutation: 'ingestArticle' });
  });

  it('refuses a bad token when the connection opens, with the reason', async () => {
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const client = createClient({ url: `ws://127.0.0.1:${a.port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer not-a-valid-token-at-all' }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
      clients.push(client);
      client.on('closed', (event) => resolve({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }));
    });
    expect(await closed).toEqual({ code: 4401, reason: 'The bearer token is not valid.' });
  });

  it('refuses a subscription that could return too much, before it runs', async () => {
    const heavy = 'subscription { recognitionChanged(of: "XK") { recognition { recognized { recognizedBy { country { recognizedBy { country { recognizedBy { id } } } } } } } } }';
    const sub = subscribe(connect(a), heavy);
    await sub.end();
    const error = (sub.ended as any[])[0];
    expect(error.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 500_000 });
    expect(error.extensions.cost).toBeGreaterThan(500_000);
  });

  it('refuses queries over WebSocket: they go over HTTP', async () => {
    const sub = subscribe(connect(a), '{ country(code: "XK") { name } }');
    await sub.end();
    expect((sub.ended as any[])[0].message).toMatch(/only subscriptions/);
  });
});

describe('recognitionChanged', () => {
  it('delivers a recognition of the state asked for, as it now stands, with its sources', async () => {
    const sub = subscribe(connect(b), 'subscription { recognitionChanged(of: "xk") { recognition { id since country { code name } recognized { code } sources { url } } fact { id kind } change { seq actor } } }');
    await settle();
    await recognize(a, 'BT', 'XK', '2026-01-12');
    await sub.count(1);
    const event = sub.results[0]!.data!.recognitionChanged;
    expect(event.recognition).toMatchObject({ since: '2026-01-12', country: { code: 'BT', name: 'Bhutan' }, recognized: { code: 'XK' } });
    expect(event.recognition.sources.map((s: any) => s.url)).toContain(source.url);
    expect(event.fact).toEqual({ id: event.recognition.id, kind: 'RECOGNIZES' });
    expect(event.change.actor).toBeNull();
  });

  it("delivers a refusal and a withdrawal claim too, each with where that state now stands, as recognitionStatuses shows it", async () => {
    const sub = subscribe(connect(a), 'subscription { recognitionChanged(of: "XK") { standing { status country { code } refusal { attestedOn } withdrawalClaim { since claimedBy { code } } } recognition { id } fact { kind } } }');
    await settle();
    await post(b, 'mutation ($input: NonRecognitionInput!) { recordNonRecognition(input: $input) { code } }', { input: { country: 'RS', recognized: 'XK', attestedOn: '2026-01-13', source } });
    await post(b, 'mutation ($input: WithdrawalClaimInput!) { recordWithdrawalClaim(input: $input) { code } }', { input: { country: 'BT', recognized: 'XK', claimedBy: 'RS', since: '2026-01-14', source } });
    await sub.count(2);
    const [refusal, claim] = sub.results.map((r) => r.data!.recognitionChanged);
    expect(refusal.fact.kind).toBe('DOES_NOT_RECOGNIZE');
    expect(refusal.recognition).toBeNull();
    expect(refusal.standing).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', country: { code: 'RS' } });
    expect(refusal.standing.refusal.attestedOn).toContain('2026-01-13');
    expect(claim.fact.kind).toBe('WITHDRAWAL_CLAIMED');
    // Bhutan's recognition (the test before) stands, and Serbia claims it was withdrawn.
    expect(claim.standing).toMatchObject({ status: 'WITHDRAWAL_CLAIMED', country: { code: 'BT' }, withdrawalClaim: { since: '2026-01-14', claimedBy: { code: 'RS' } } });
  });
});

describe('slow and vanished subscribers', () => {
  it('a stalled subscriber does not slow down writes', async () => {
    const time = async (since: string) => {
      const started = performance.now();
      await recognize(a, 'MN', 'XK', since);
      return performance.now() - started;
    };
    const before: number[] = [];
    for (const day of ['13', '14', '15']) before.push(await time(`2026-01-${day}`));
    // A subscriber on the same instance whose socket no longer reads anything.
    const ws = new WebSocket(`ws://127.0.0.1:${a.port}/graphql`, 'graphql-transport-ws');
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((r) => ws.once('message', r));
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FACTS, variables: {} } }));
    await settle();
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const during: number[] = [];
    for (const day of ['16', '17', '18', '19', '20']) during.push(await time(`2026-01-${day}`));
    ws.terminate();
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // Writes never wait for the feed: a stalled reader leaves their latency where it was (with room for a busy machine).
    expect(median(during)).toBeLessThan(median(before) * 3 + 50);
  });

  it('a subscriber that leaves too many events unread is dropped with a reason, and the others go on', async () => {
    const feed = new ChangeFeed(graph, { pollMs: 50, pageSize: 100, replayMax: 100, queueMax: 2 });
    const reasons: string[] = [];
    const stalled = await feed.subscribe({ field: 'test', accepts: (e) => e.involves.includes('MN'), onOverflow: (r) => reasons.push(r) });
    const reading = await feed.subscribe({ field: 'test', accepts: (e) => e.involves.includes('MN') });
    const got: FeedEvent[] = [];
    const readingDone = (async () => {
      for await (const e of reading) if (got.push(e) === 4) break;
    })();
    for (const day of ['21', '22', '23', '24']) await recognize(b, 'MN', 'XK', `2026-01-${day}`);
    await readingDone;
    expect(got.map((e) => JSON.parse(e.after).validFrom)).toEqual(['2026-01-21', '2026-01-22', '2026-01-23', '2026-01-24']);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^Too far behind: over 2 events unread\. Reconnect with since: \d+\.$/);
    expect(await stalled.next()).toEqual({ value: undefined, done: true });
    expect(feed.open).toBe(0);
    await feed.close();
  });
});

describe('a write through the same instance', () => {
  it('is read as soon as it commits, not at the next poll', async () => {
    // A poll interval no test waits for: the event can only come from the write's own nudge.
    const feed = new ChangeFeed(graph, { pollMs: 600_000, pageSize: 100, replayMax: 100, queueMax: 100 });
    const stream = await feed.subscribe({ field: 'test', accepts: (e) => e.involves.includes('MN') });
    const writes = new WriteRepository(graph);
    const params = { id: 'rec-MN-XK', country: 'MN', recognized: 'XK', since: '2026-01-26', precision: 'DAY', until: null, note: null };
    await writes.apply('recordRecognition', 'record-recognition', params, 'test-editor', source);
    let timer: NodeJS.Timeout | undefined;
    const event = await Promise.race([stream.next(), new Promise<'none'>((r) => (timer = setTimeout(() => r('none'), 20_000)))]);
    clearTimeout(timer);
    expect(event).not.toBe('none');
    const { value } = event as IteratorResult<FeedEvent>;
    expect(value.mutation).toBe('recordRecognition');
    expect(JSON.parse(value.after).validFrom).toBe('2026-01-26');
    await feed.close();
  });
});

describe('metrics', () => {
  it('count the subscriptions open and the events delivered', async () => {
    const sub = subscribe(connect(a), FACTS, { involving: ['MN'] });
    await settle();
    await recognize(b, 'MN', 'XK', '2026-01-25');
    await sub.count(1);
    const text = await (await fetch(`http://127.0.0.1:${a.port}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } })).text();
    expect(text).toMatch(/^diplograph_subscriptions_open 1$/m);
    expect(text).toMatch(/^diplograph_subscription_events_delivered_total\{subscription="factRecorded"\} \d+$/m);
  });
});
