import { TestApi } from '../helpers';

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

describe('bad input gets a clear, coded error', () => {
  it.each([
    ['a malformed country code', '{ country(code: "Serbia") { name } }', 'BAD_USER_INPUT', /ISO 3166-1 alpha-2/],
    ['an unknown country code', '{ country(code: "ZZ") { name } }', 'NOT_FOUND', /No country with code ZZ/],
    ['an unknown state in nonRecognizers', '{ nonRecognizers(of: "ZZ") { code } }', 'NOT_FOUND', /ZZ/],
    ['an unknown state in recognitions', '{ recognitions(of: "QQ") { id } }', 'NOT_FOUND', /QQ/],
    ['an injection attempt as a code', '{ recognitions(of: "XK\\"}) MATCH (n) DETACH DELETE n //") { id } }', 'BAD_USER_INPUT', /alpha-2/],
    ['an unknown sending state in embassies', '{ embassies(country: "ZZ") { status } }', 'NOT_FOUND', /ZZ/],
    ['an unknown party', '{ agreements(party: "ZZ") { id } }', 'NOT_FOUND', /ZZ/],
    ['too many states in between', `{ agreements(between: [${'"RS",'.repeat(11)}]) { id } }`, 'BAD_USER_INPUT', /1 to 10/],
    ['an unknown person', '{ person(name: "Nobody Atall") { id } }', 'NOT_FOUND', /Nobody Atall/],
    ['an empty name', '{ person(name: "   ") { id } }', 'BAD_USER_INPUT', /1 to 200/],
    ['an over-long city', `{ embassies(city: "${'x'.repeat(500)}") { status } }`, 'BAD_USER_INPUT', /1 to 200/],
    ['an impossible date', '{ nonRecognizers(of: "XK", asOf: "2021-02-30") { code } }', 'GRAPHQL_VALIDATION_FAILED', /2021-02-30/],
    ['a date in another format', '{ nonRecognizers(of: "XK", asOf: "04/09/2020") { code } }', 'GRAPHQL_VALIDATION_FAILED', /LocalDate/],
    ['an unknown embassy status', '{ embassies(status: DEMOLISHED) { status } }', 'GRAPHQL_VALIDATION_FAILED', /DEMOLISHED/],
  ])('%s', async (_, query, code, message) => {
    const result = await api.query(query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.code).toBe(code);
    expect(result.errors![0]!.message).toMatch(message);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('an injection attempt in a name is only ever a parameter: nothing is found and the graph is intact', async () => {
    const before = await api.data('{ countries { code } }');
    const result = await api.query('query ($n: String!) { person(name: $n) { id } }', { n: "x' OR 1=1 }) MATCH (n) DETACH DELETE n //" });
    expect(result.errors![0]!.extensions?.code).toBe('NOT_FOUND');
    expect(await api.data('{ countries { code } }')).toEqual(before);
  });
});

describe('over HTTP', () => {
  let url: string;
  beforeAll(async () => {
    // The app `npm start` serves, on the server this file already started.
    url = `${await api.listen()}/graphql`;
  });

  const post = async (body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers a contract query at /graphql', async () => {
    const response = await post({ query: '{ nonRecognizers(of: "XK", memberOf: "EU") { code } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { nonRecognizers: [{ code: 'CY' }, { code: 'GR' }, { code: 'RO' }, { code: 'SK' }, { code: 'ES' }] } });
  });

  it('never sends a stack trace, even for a malformed request', async () => {
    for (const body of [{ query: '{ country(code: 1) ' }, { query: '{ nope }' }, { query: '{ country(code: "ZZ") { name } }' }]) {
      const text = await (await post(body)).text();
      expect(text).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
      expect(JSON.parse(text).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it.each([
    ['a body that is not JSON', '{"query": ', 400, /not valid JSON/],
    ['a body over 256 kB', JSON.stringify({ query: `{ countries { code } } #${'x'.repeat(300_000)}` }), 413, /larger than 256 kB/],
  ])('answers %s with a JSON error, not an HTML page', async (_, body, status, message) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(/<html|stacktrace|\.ts:\d+|\.js:\d+|node_modules/i);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST' } }] });
  });
});
