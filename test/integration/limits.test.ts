import { buildASTSchema, parse } from 'graphql';
import { loadConfig, type Config, type Limits } from '../../src/config';
import { queryCost } from '../../src/limits/cost';
import { typeDefs } from '../../src/server';
import { TestApi } from '../helpers';

/** Limits as a client meets them over HTTP, against the real Neo4j. */

const base = loadConfig();
const withLimits = (limits: Partial<Limits>, more: Partial<Config> = {}): Config => ({ ...base, ...more, limits: { ...base.limits, ...limits } });
const auth = { editors: [], readers: [{ name: 'dashboard', token: 'reader-token-0123456789' }], openReads: true };

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A test API on HTTP whose Cypher statements (reads and writes) are counted as they reach the driver. */
async function serve(config: Config) {
  const api = await new TestApi(undefined, config).start();
  const statements: string[] = [];
  const readText = api.graph.readText.bind(api.graph);
  jest.spyOn(api.graph, 'readText').mockImplementation((text, params, name) => {
    statements.push(name ?? 'text');
    return readText(text, params, name);
  });
  const write = api.graph.writeTransaction.bind(api.graph);
  jest.spyOn(api.graph, 'writeTransaction').mockImplementation((work) => {
    statements.push('write');
    return write(work);
  });
  const url = `${await api.listen(auth)}/graphql`;
  return { api, url, statements };
}

/** `recognizedBy { recognized { ... } }` nested `levels` times around `inner`. */
function fanOut(levels: number, inner = 'recognizedBy { id }', args = ''): string {
  let body = inner;
  for (let i = 0; i < levels; i++) body = `recognizedBy${args} { recognized { ${body} } }`;
  return body;
}

describe('the cost limit', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(base);
  });
  afterAll(() => server.api.stop());

  const crashing: [string, string, Record<string, unknown>][] = [
    ['the query that crashed the service', `{ country(code:"XK") { ${fanOut(3)} } }`, {}],
    ['the same one level shorter', `{ country(code:"XK") { ${fanOut(2)} } }`, {}],
    ['with first as a literal', `{ country(code:"XK") { ${fanOut(3, 'recognizedBy(first: 300) { id }', '(first: 300)')} } }`, {}],
    ['with first as a variable', `query ($n: Int) { country(code:"XK") { ${fanOut(3, 'recognizedBy(first: $n) { id }', '(first: $n)')} } }`, { n: 300 }],
    ['deeper', `{ country(code:"XK") { ${fanOut(4)} } }`, {}],
    ['through aliases', `{ a: country(code:"XK") { ${fanOut(2, 'x: recognizedBy { id }')} } b: country(code:"XK") { y: recognizedBy { since } } }`, {}],
    ['through a fragment', '{ country(code:"XK") { ...F } } fragment F on Country { recognizedBy { recognized { recognizedBy { recognized { recognizedBy { id } } } } } }', {}],
  ];

  it.each(crashing)('refuses %s with COST_LIMIT_EXCEEDED, its cost and the limit, before any Cypher runs', async (_name, query, variables) => {
    server.statements.length = 0;
    const { status, body } = await post(server.url, query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: base.limits.maxCost });
    expect(body.errors![0]!.extensions!.cost).toBeGreaterThan(base.limits.maxCost);
    expect(body.errors![0]!.message).toMatch(/could return up to [\d,]+ values; the limit is 500,000/);
    expect(server.statements).toEqual([]);
  });

  it('refuses a query whose cost cannot be weighed because a variable does not fit, before any Cypher runs', async () => {
    server.statements.length = 0;
    // $o has a default, so validation lets it stand for the non-null code; sent as null it would fail that field only.
    const query = `query ($o: ID = "XK") { country(code: "XK") { ${fanOut(3)} } other: country(code: $o) { name } }`;
    const { status, body } = await post(server.url, query, { o: null });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: null, limit: base.limits.maxCost });
    expect(server.statements).toEqual([]);
  });

  it('counts introspection as the whole schema per __schema or __type, aliases included', async () => {
    expect((await post(server.url, '{ __schema { types { name } } }')).body.errors).toBeUndefined();
    const justUnder = `country(code:"XK") { recognizedBy { country { code } recognized { recognizedBy { since country { code name } } } } }`;
    const introspections = Array.from({ length: 15 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ');
    const { status, body } = await post(server.url, `{ ${introspections} ${justUnder} }`);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('answers a query just under the limit in full, within the budget', async () => {
    const query = `{ country(code:"XK") { recognizedBy { country { code } recognized { recognizedBy { since country { code name } } } } } }`;
    const cost = queryCost(buildASTSchema(typeDefs), parse(query), {}, undefined);
    expect(cost).toBeLessThanOrEqual(base.limits.maxCost);
    expect(cost).toBeGreaterThan(base.limits.maxCost * 0.8);
    const { status, body } = await post(server.url, query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const recognizers = body.data.country.recognizedBy as { country: { code: string }; recognized: { recognizedBy: unknown[] } }[];
    expect(recognizers.length).toBeGreaterThan(90);
    expect(recognizers.map((r) => r.country.code)).toEqual(expect.arrayContaining(['US', 'AL', 'DE']));
    // Each recognizer's `recognized` is Kosovo again, with its recognizers.
    expect(recognizers.every((r) => r.recognized.recognizedBy.length === recognizers.length)).toBe(true);
  });

  it('pages the nested lists of a country, with the same items as the whole list', async () => {
    const all = (await post(server.url, '{ country(code:"XK") { recognizedBy { country { code } } } }')).body.data.country.recognizedBy;
    const { body } = await post(server.url, '{ country(code:"XK") { a: recognizedBy(first: 10) { country { code } } b: recognizedBy(first: 10, offset: 10) { country { code } } } }');
    expect([...body.data.country.a, ...body.data.country.b]).toEqual(all.slice(0, 20));
    const bad = await post(server.url, '{ country(code:"XK") { recognizedBy(first: 301) { since } } }');
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

describe('the budget of one request', () => {
  it('stops a request that resolves more values than its budget, with RESPONSE_TOO_LARGE and no partial answer', async () => {
    const { api, url } = await serve(withLimits({ maxResponseValues: 200 }));
    try {
      const { body } = await post(url, '{ countries { code name } }');
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', budget: 'values', limit: 200 } })]);
      const small = await post(url, '{ countries(first: 10) { code name } }');
      expect(small.body.data.countries).toHaveLength(10);
    } finally {
      await api.stop();
    }
  });

  it('stops a request whose answer grows past its budget of bytes', async () => {
    const { api, url } = await serve(withLimits({ maxResponseBytes: 10_000 }));
    try {
      const { body } = await post(url, '{ countries { code name officialName region subregion } }');
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', budget: 'bytes', limit: 10_000 } })]);
      expect((await post(url, '{ country(code: "XK") { name } }')).body.data).toEqual({ country: { name: 'Kosovo' } });
    } finally {
      await api.stop();
    }
  });

  it('stops a request that outlives its wall clock with REQUEST_TIMEOUT', async () => {
    const { api, url } = await serve(withLimits({ requestTimeoutMs: 1 }));
    try {
      const { status, body } = await post(url, '{ recognitionStatuses(of: "XK") { items { status country { code name region } } } }');
      expect(status).toBe(504);
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'REQUEST_TIMEOUT', limitMs: 1 } })]);
    } finally {
      await api.stop();
    }
  });
});

describe('admission of expensive requests', () => {
  const expensive = '{ countries(first: 100) { code name region } }'; // cost 400
  const cheap = '{ country(code: "XK") { name } }';

  it('refuses an expensive request with 503 and Retry-After while the turns and the queue are taken, and still answers cheap ones', async () => {
    const { api, url, statements } = await serve(withLimits({ expensiveCost: 300, maxExpensiveInFlight: 1, maxExpensiveQueued: 0, maxQueueWaitMs: 2_000 }));
    const leave = await api.gate.enter();
    try {
      statements.length = 0;
      const refused = await post(url, expensive);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 2 });
      expect(statements).toEqual([]);
      expect((await post(url, cheap)).body).toEqual({ data: { country: { name: 'Kosovo' } } });
      leave();
      expect((await post(url, expensive)).body.data.countries).toHaveLength(100);
    } finally {
      leave();
      await api.stop();
    }
  });

  it('lets an expensive request wait its turn, and refuses it when the wait runs out', async () => {
    const { api, url } = await serve(withLimits({ expensiveCost: 300, maxExpensiveInFlight: 1, maxExpensiveQueued: 2, maxQueueWaitMs: 400 }));
    try {
      let leave = await api.gate.enter();
      const waited = post(url, expensive);
      await new Promise((r) => setTimeout(r, 150));
      leave();
      expect((await waited).body.data.countries).toHaveLength(100);

      leave = await api.gate.enter();
      const started = Date.now();
      const expired = await post(url, expensive);
      expect(expired.status).toBe(503);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      leave();
    } finally {
      await api.stop();
    }
  });
});

describe('production hides the schema', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let development: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ ...base, production: true, introspection: false });
    development = await serve({ ...base, production: false, introspection: true });
  });
  afterAll(async () => {
    await server.api.stop();
    await development.api.stop();
  });

  const message = async (url: string, query: string, variables: Record<string, unknown> = {}) => (await post(url, query, variables)).body.errors![0]!.message;

  it('gives a near miss of a field name the same answer as a random name', async () => {
    const near = await message(server.url, '{ contry(code: "XK") { name } }');
    const random = await message(server.url, '{ qzxwvk(code: "XK") { name } }');
    expect(near).not.toMatch(/did you mean/i);
    expect(near.replace('contry', 'NAME')).toBe(random.replace('qzxwvk', 'NAME'));
    expect(await message(development.url, '{ contry(code: "XK") { name } }')).toMatch(/Did you mean "country"/);
  });

  it('suggests no enum value, argument or type', async () => {
    const texts = [
      await message(server.url, '{ recognitionStatuses(of: "XK", status: RECOGNIZE) { total } }'),
      await message(server.url, 'query ($s: RecognitionStatus) { recognitionStatuses(of: "XK", status: $s) { total } }', { s: 'RECOGNIZE' }),
      await message(server.url, '{ countries(firs: 3) { code } }'),
      await message(server.url, 'query ($d: Dat) { countries(asOf: $d) { code } }'),
    ];
    for (const text of texts) expect(text).not.toMatch(/did you mean|RECOGNIZES|"first"|"Date"/i);
    expect(await message(development.url, '{ recognitionStatuses(of: "XK", status: RECOGNIZE) { total } }')).toMatch(/RECOGNIZES/);
  });
});

describe('the editorial workspace', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(base);
  });
  afterAll(() => server.api.stop());

  it.each([
    ['the audit trail', '{ history(of: "XK") { actor } }'],
    ['the review queue', '{ candidates { id } }'],
    ['one candidate', '{ candidate(id: "x") { id } }'],
  ])('keeps %s from anonymous readers even with open reads, and shows it to a reader', async (_what, query) => {
    const anonymous = await post(server.url, query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.errors![0]!.message).toMatch(/editorial workspace/);
    const reader = await post(server.url, query, {}, 'reader-token-0123456789');
    expect(reader.status).toBe(200);
    expect(reader.body.errors).toBeUndefined();
  });
});
