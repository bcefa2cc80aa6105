import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import { GraphVersionRepository } from '../../src/graph/repositories/graph-version';
import { seed } from '../../src/graph/seed';
import { createApp } from '../../src/http';
import { RateLimits } from '../../src/limits/rate';
import { TestApi, OwnNeo4j } from '../helpers';
import { smallSeed } from '../small-seed';

/**
 * ETags and 304s over real HTTP on a Neo4j of this file's own (it writes between two asks), and
 * automatic persisted queries by GET.
 */
jest.setTimeout(180_000);

const EDITOR = 'editor-token-0123456789';
const READER = 'reader-token-0123456789';
const auth: Config['auth'] = {
  editors: [{ name: 'test-editor', token: EDITOR }],
  readers: [{ name: 'test-reader', token: READER }],
  openReads: true,
};
const source = { publisher: 'Test Gazette', title: 'A report used by the caching tests', date: '2026-01-02', url: 'https://example.org/caching' };
const RECOGNIZED_BY_MN = '{ country(code: "MN") { recognizes(first: 300) { recognized { code } } } }';
const RECOGNIZE = 'mutation ($input: RecognitionInput!) { recordRecognition(input: $input) { id } }';

let neo4j: OwnNeo4j;
let api: TestApi;
let url: string;
let statements: string[] = [];

beforeAll(async () => {
  neo4j = await OwnNeo4j.start('http-caching');
  api = await new TestApi(neo4j.connection).start();
  await seed(api.graph, undefined, smallSeed);
  // Records which named statements run (they still run, against the real Neo4j).
  const read = api.graph.read.bind(api.graph);
  jest.spyOn(api.graph, 'read').mockImplementation((name, params) => {
    statements.push(name);
    return read(name, params);
  });
  const readAutoCommit = api.graph.readAutoCommit.bind(api.graph);
  jest.spyOn(api.graph, 'readAutoCommit').mockImplementation((name, params) => {
    statements.push(name);
    return readAutoCommit(name, params);
  });
  url = `${await api.listen(auth)}/graphql`;
});

afterAll(async () => {
  await api?.stop();
  await neo4j?.remove();
});

interface Ask {
  token?: string;
  ifNoneMatch?: string;
  variables?: Record<string, unknown>;
}

function post(query: string, { token, ifNoneMatch, variables }: Ask = {}, target = url) {
  return fetch(target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
}

/** A GET as a proxy would see it: everything in the URL. Apollo's CSRF guard wants a non-simple header on GETs. */
function get(params: Record<string, unknown>, { token, ifNoneMatch }: Ask = {}, target = url) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return fetch(`${target}?${search}`, {
    headers: {
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
    },
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('ETags on query answers', () => {
  it('answers the same query asked again with its ETag with 304 and no body, after reading only the graph version', async () => {
    const first = await post(RECOGNIZED_BY_MN);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    expect(first.headers.get('vary')).toMatch(/Accept/);
    expect(((await first.json()) as any).data.country.recognizes.length).toBeGreaterThan(0);

    statements = [];
    const second = await post(RECOGNIZED_BY_MN, { ifNoneMatch: etag! });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(statements).toEqual(['graph-version']);
  });

  it('answers 200 with the new answer and a new ETag when a write committed in between, reading the version before the query', async () => {
    const before = await post(RECOGNIZED_BY_MN);
    const etag = before.headers.get('etag')!;
    const codes = (body: any) => body.data.country.recognizes.map((r: any) => r.recognized.code);
    expect(codes(await before.json())).not.toContain('XK');

    const write = await post(RECOGNIZE, { token: EDITOR, variables: { input: { country: 'MN', recognized: 'XK', since: '2026-01-01', source } } });
    expect(((await write.json()) as any).errors).toBeUndefined();

    statements = [];
    const after = await post(RECOGNIZED_BY_MN, { ifNoneMatch: etag });
    expect(after.status).toBe(200);
    expect(codes(await after.json())).toContain('XK');
    expect(after.headers.get('etag')).toMatch(/^W\//);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(statements).toEqual(['graph-version', 'countries']);

    const again = await post(RECOGNIZED_BY_MN, { ifNoneMatch: after.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('never caches a mutation: no ETag and no-store, even when it is sent with If-None-Match', async () => {
    const tag = (await post(RECOGNIZED_BY_MN)).headers.get('etag')!;
    const input = { country: 'MN', recognized: 'XK', since: '2026-01-01', source };
    const response = await post(RECOGNIZE, { token: EDITOR, ifNoneMatch: tag, variables: { input } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.recordRecognition.id).toBe('rec-MN-XK');
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('gives an anonymous caller, a reader and an editor asking the same question different ETags, private ones to token holders', async () => {
    const anonymous = await post(RECOGNIZED_BY_MN);
    const reader = await post(RECOGNIZED_BY_MN, { token: READER });
    const editor = await post(RECOGNIZED_BY_MN, { token: EDITOR });
    const tags = [anonymous, reader, editor].map((r) => r.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    expect(reader.headers.get('cache-control')).toBe('private, no-cache');
    expect(editor.headers.get('cache-control')).toBe('private, no-cache');
    // The editor's tag is no good to a reader, even for the same question.
    expect((await post(RECOGNIZED_BY_MN, { token: READER, ifNoneMatch: tags[2]! })).status).toBe(200);
    expect((await post(RECOGNIZED_BY_MN, { token: READER, ifNoneMatch: tags[1]! })).status).toBe(304);
  });

  it('gives different variables and different operation names different ETags, and the same variables in another order the same', async () => {
    const query = 'query A($code: ID!) { country(code: $code) { name } } query B($code: ID!) { country(code: $code) { code } }';
    const tag = async (body: Record<string, unknown>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, ...body }) });
      expect(response.status).toBe(200);
      return response.headers.get('etag');
    };
    const a = await tag({ operationName: 'A', variables: { code: 'RS' } });
    expect(await tag({ operationName: 'A', variables: { code: 'XK' } })).not.toBe(a);
    expect(await tag({ operationName: 'B', variables: { code: 'RS' } })).not.toBe(a);
    const withTwo = 'query ($code: ID!, $first: Int) { country(code: $code) { recognizes(first: $first) { since } } }';
    const one = await post(withTwo, { variables: { code: 'RS', first: 5 } });
    const other = await post(withTwo, { variables: { first: 5, code: 'RS' } });
    expect(one.headers.get('etag')).toBe(other.headers.get('etag'));
  });

  it('does not cache errors: no ETag and no-store for an unknown field, a refused cost, a missing token and a field error', async () => {
    const answers = [
      await post('{ country(code: "RS") { nope } }'),
      await post('{ countries(first: 300) { recognizes(first: 300) { recognized { recognizes(first: 300) { since } } } } }'),
      await post('{ candidates { id } }'),
      await post('{ country(code: "Serbia") { name } }'),
    ];
    for (const response of answers) {
      const body = (await response.json()) as any;
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('automatic persisted queries', () => {
  const QUERY = '{ country(code: "RS") { name region } }';

  it('serves a persisted query by GET with its hash alone once registered, with the same ETag as the full query, and revalidates it with 304', async () => {
    const unknown = await get(persisted(QUERY));
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('etag')).toBeNull();
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const registered = await get({ query: QUERY, ...persisted(QUERY) });
    expect(registered.status).toBe(200);

    const byHash = await get(persisted(QUERY));
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({ data: { country: { name: 'Serbia', region: expect.any(String) } } });
    const etag = byHash.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect((await post(QUERY)).headers.get('etag')).toBe(etag);

    const revalidated = await get(persisted(QUERY), { ifNoneMatch: etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('weighs a persisted query like any other: over the cost limit it is refused and never registered', async () => {
    const heavy = '{ countries(first: 300) { recognizes(first: 300) { recognized { recognizes(first: 300) { since } } } } }';
    const refused = await get({ query: heavy, ...persisted(heavy) });
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const byHash = await get(persisted(heavy));
    expect(((await byHash.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('spends the rate budget for a persisted query and for a 304, and refuses them with 429 once it is spent', async () => {
    const rates = new RateLimits({ enabled: true, windowS: 60, points: 100_000, anonymousPoints: 10, redisUrl: null });
    const server = http.createServer(createApp({ server: api.server, repositories: api.repositories, graph: api.graph, auth, rates, requestTimeoutMs: 15_000 }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const limited = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const QUERY_COST_3 = '{ country(code: "RS") { name region } }';
      await get({ query: QUERY_COST_3, ...persisted(QUERY_COST_3) }, {}, limited);
      const byHash = await get(persisted(QUERY_COST_3), {}, limited);
      expect(byHash.status).toBe(200);
      const remaining = Number(byHash.headers.get('ratelimit-remaining'));
      const revalidated = await get(persisted(QUERY_COST_3), { ifNoneMatch: byHash.headers.get('etag')! }, limited);
      expect(revalidated.status).toBe(304);
      expect(Number(revalidated.headers.get('ratelimit-remaining'))).toBeLessThan(remaining);
      let last = revalidated;
      for (let i = 0; i < 5 && last.status !== 429; i++) last = await get(persisted(QUERY_COST_3), {}, limited);
      expect(last.status).toBe(429);
      expect(last.headers.get('etag')).toBeNull();
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await rates.close();
    }
  });
});

// Last: its write moves the graph version, and an unconditional answer may carry a version up to
// ETAG_VERSION_MAX_AGE_MS old (one needless 200 later); no test after it should depend on that timing.
describe('the graph version behind the tags', () => {
  it('is read once for callers asking together, but never from a read that began before the caller asked', async () => {
    const versions = new GraphVersionRepository(api.graph);
    const start = await versions.current();
    statements = [];
    // The first call starts a read; the nineteen asking while it is under way share the next one.
    const together = await Promise.all(Array.from({ length: 20 }, () => versions.current()));
    expect(statements).toEqual(['graph-version', 'graph-version']);
    expect(new Set(together)).toEqual(new Set([start]));

    // A write acknowledged while a read is under way: a caller asking after it gets the new version.
    const underWay = versions.current();
    const write = await post(RECOGNIZE, { token: EDITOR, variables: { input: { country: 'MN', recognized: 'XK', since: '2026-01-03', source } } });
    expect(((await write.json()) as any).errors).toBeUndefined();
    const after = await versions.current();
    expect(await underWay).toBeGreaterThanOrEqual(start);
    expect(after).toBeGreaterThan(start);
  });
});
