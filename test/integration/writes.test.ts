import type { Actor } from '../../src/auth';
import type { Config } from '../../src/config';
import { seed } from '../../src/graph/seed';
import { fingerprint, TestApi, OwnNeo4j } from '../helpers';
import { smallSeed } from '../small-seed';

/**
 * Writes get a Neo4j of their own (seeded), so they cannot disturb the read tests' answers, and so
 * that it can be stopped and restarted under a running service.
 */
jest.setTimeout(180_000);

const editor: Actor = { name: 'test-editor', role: 'editor' };
const reader: Actor = { name: 'test-reader', role: 'reader' };
const auth: Config['auth'] = {
  editors: [{ name: 'test-editor', token: 'editor-token-0123456789' }],
  readers: [{ name: 'test-reader', token: 'reader-token-0123456789' }],
  openReads: true,
};
const source = { publisher: 'Test Gazette', title: 'A report used by the tests', date: '2026-01-02', url: 'https://example.org/report' };

let neo4j: OwnNeo4j;
let api: TestApi;
let url: string;

beforeAll(async () => {
  neo4j = await OwnNeo4j.start('writes');
  api = await new TestApi(neo4j.connection).start();
  await seed(api.graph, undefined, smallSeed);
  url = await api.listen(auth);
});

afterAll(async () => {
  await api?.stop();
  await neo4j?.remove();
});

const RECOGNIZE = `mutation ($input: RecognitionInput!) { recordRecognition(input: $input) { id country { code } recognized { code } since sincePrecision until sources { publisher title } } }`;

describe('who may write', () => {
  const input = { country: 'MN', recognized: 'XK', since: '2026-01-01', source };

  it.each([
    ['no token', null, 'UNAUTHENTICATED'],
    ['a reader token', reader, 'FORBIDDEN'],
  ])('refuses a mutation with %s and changes nothing', async (_, actor, code) => {
    const before = await fingerprint(api.graph);
    const result = await api.query(RECOGNIZE, { input }, actor);
    expect(result.errors![0]!.extensions?.code).toBe(code);
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('over HTTP: a wrong token is 401 even for reads, a reader token reads, an editor token writes', async () => {
    const post = (token: string | null, query: string, variables = {}) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    const wrong = await post('not-a-valid-token-at-all', '{ country(code: "RS") { name } }');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const read = await post('reader-token-0123456789', '{ country(code: "RS") { name } }');
    expect(await read.json()).toEqual({ data: { country: { name: 'Serbia' } } });
    const forbidden = await post('reader-token-0123456789', RECOGNIZE, { input });
    expect(((await forbidden.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('bad input is refused before any Cypher runs, with a code, and changes nothing', () => {
  const huge = 'x'.repeat(100_000);
  const injection = "XK'}) MATCH (n) DETACH DELETE n //";
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['a malformed state code', RECOGNIZE, { input: { country: 'Serbia', recognized: 'XK', source } }, 'BAD_USER_INPUT'],
    ['an injection attempt as a code', RECOGNIZE, { input: { country: injection, recognized: 'XK', source } }, 'BAD_USER_INPUT'],
    ['an impossible date', RECOGNIZE, { input: { country: 'MN', recognized: 'XK', since: '2026-02-30', source } }, 'BAD_USER_INPUT'],
    ['an unknown precision', RECOGNIZE, { input: { country: 'MN', recognized: 'XK', sincePrecision: 'DECADE', source } }, 'BAD_USER_INPUT'],
    ['a state recognizing itself', RECOGNIZE, { input: { country: 'XK', recognized: 'XK', source } }, 'BAD_USER_INPUT'],
    ['an unknown state', RECOGNIZE, { input: { country: 'QZ', recognized: 'XK', source } }, 'NOT_FOUND'],
    ['a missing source', RECOGNIZE, { input: { country: 'MN', recognized: 'XK' } }, 'BAD_USER_INPUT'],
    ['an empty source title', RECOGNIZE, { input: { country: 'MN', recognized: 'XK', source: { ...source, title: '  ' } } }, 'BAD_USER_INPUT'],
    ['a source URL that is not http', RECOGNIZE, { input: { country: 'MN', recognized: 'XK', source: { ...source, url: 'javascript:alert(1)' } } }, 'BAD_USER_INPUT'],
    ['a huge note', RECOGNIZE, { input: { country: 'MN', recognized: 'XK', note: huge, source } }, 'BAD_USER_INPUT'],
    [
      'a huge alias list',
      'mutation ($input: CountryInput!) { upsertCountry(input: $input) { code } }',
      { input: { code: 'MN', name: 'Mongolia', aliases: Array.from({ length: 500 }, (_, i) => `alias ${i}`), source } },
      'BAD_USER_INPUT',
    ],
    [
      'an injection attempt as a name',
      'mutation ($input: PersonInput!) { upsertPerson(input: $input) { id } }',
      { input: { id: "x') DETACH DELETE n //", name: injection, source } },
      'BAD_USER_INPUT',
    ],
    [
      'an end before the start',
      'mutation ($input: OfficeInput!) { recordOffice(input: $input) { role } }',
      { input: { person: 'avdullah-hoti', country: 'XK', role: 'Prime Minister', since: '2021-01-01', until: '2020-01-01', source } },
      'BAD_USER_INPUT',
    ],
    [
      'ending a recognition that is not on record',
      'mutation ($input: EndRecognitionInput!) { endRecognition(input: $input) { id } }',
      { input: { country: 'RS', recognized: 'XK', until: '2026-01-01', source } },
      'NOT_FOUND',
    ],
    [
      'an agreement with one party',
      'mutation ($input: AgreementInput!) { recordAgreement(input: $input) { id } }',
      { input: { title: 'Solo', kind: 'OTHER', status: 'SIGNED', summary: 'x', parties: ['RS'], source } },
      'BAD_USER_INPUT',
    ],
    [
      'an agreement naming an unknown signatory',
      'mutation ($input: AgreementInput!) { recordAgreement(input: $input) { id } }',
      { input: { title: 'Ghost deal', kind: 'OTHER', status: 'SIGNED', summary: 'x', parties: ['RS', 'XK'], signatories: [{ person: 'nobody-at-all' }], source } },
      'NOT_FOUND',
    ],
  ];

  // One whole-graph fingerprint around all the cases (not two per case): if any of them wrote, the last test fails.
  let before: string;
  beforeAll(async () => {
    before = await fingerprint(api.graph);
  });

  it.each(cases)('%s', async (_, query, variables, code) => {
    const result = await api.query(query, variables, editor);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('none of them changed anything in the graph', async () => {
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('rejects deep, wide and alias-flooded queries', async () => {
    const deep = `{ country(code: "IL") ${'{ recognizes { recognized '.repeat(8)}{ name }${' } }'.repeat(8)} }`;
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: country(code: "RS") { name }`).join(' ')} }`;
    const tokens = `{ ${Array.from({ length: 1500 }, () => 'countries { code }').join(' ')} }`;
    for (const [query, limit] of [
      [deep, /Query depth limit of \d+ exceeded/],
      [aliases, /Aliases limit of \d+ exceeded/],
      [tokens, /more that \d+ tokens/],
    ] as const) {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as any;
      expect(response.status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0].message).toMatch(limit);
      expect(body.errors[0].extensions.code).toMatch(/^GRAPHQL_(VALIDATION|PARSE)_FAILED$/);
    }
  });
});

describe('writing facts', () => {
  it('records a recognition with its source, idempotently, and audits it once', async () => {
    const input = { country: 'MN', recognized: 'XK', since: '2026-01-01', source };
    const version = async () => (await api.graph.read<{ version: number }>('graph-version', {}))[0]!.version;
    const versionBefore = await version();
    const first = await api.data(RECOGNIZE, { input }, editor);
    expect(first.recordRecognition).toEqual({
      id: 'rec-MN-XK',
      country: { code: 'MN' },
      recognized: { code: 'XK' },
      since: '2026-01-01',
      sincePrecision: 'DAY',
      until: null,
      sources: [{ publisher: 'Test Gazette', title: 'A report used by the tests' }],
    });
    const graphAfterFirst = await fingerprint(api.graph);
    // the audit entry is numbered next: the graph's version moves by one, and not for the repeat
    expect(await version()).toBe(versionBefore + 1);
    await api.data(RECOGNIZE, { input }, editor);
    expect(await fingerprint(api.graph)).toBe(graphAfterFirst);
    expect(await version()).toBe(versionBefore + 1);
    const { history } = await api.data('{ history(of: "rec-MN-XK") { actor mutation before after source { publisher } } }', {}, reader);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: 'test-editor', mutation: 'recordRecognition', before: null, source: { publisher: 'Test Gazette' } });
    expect(JSON.parse(history[0].after)).toMatchObject({ validFrom: '2026-01-01', precision: 'DAY' });
    const status = await api.data('{ recognitionStatuses(of: "XK", status: UNKNOWN) { items { country { code } } } }');
    expect(status.recognitionStatuses.items.map((i: any) => i.country.code)).not.toContain('MN');
  });

  it('ends a recognition by closing its interval, keeping the history', async () => {
    const { endRecognition } = await api.data(
      'mutation ($input: EndRecognitionInput!) { endRecognition(input: $input) { id since until } }',
      { input: { country: 'MN', recognized: 'XK', until: '2026-06-01', source } },
      editor,
    );
    expect(endRecognition).toEqual({ id: 'rec-MN-XK', since: '2026-01-01', until: '2026-06-01' });
    const during = await api.data('{ recognitions(of: "XK", asOf: "2026-03-01") { country { code } } }');
    const after = await api.data('{ recognitions(of: "XK", asOf: "2026-07-01") { country { code } } }');
    expect(during.recognitions.map((r: any) => r.country.code)).toContain('MN');
    expect(after.recognitions.map((r: any) => r.country.code)).not.toContain('MN');
    const { history } = await api.data('{ history(of: "MN") { mutation before after } }', {}, reader);
    expect(history.map((h: any) => h.mutation)).toEqual(['endRecognition', 'recordRecognition']);
    expect(JSON.parse(history[0].before).validTo).toBeUndefined();
    expect(JSON.parse(history[0].after).validTo).toBe('2026-06-01');
  });

  it('records an agreement with parties, signatories and mediators, and it answers the contract query', async () => {
    await api.data(
      'mutation ($input: PersonInput!) { upsertPerson(input: $input) { id } }',
      { input: { name: 'Test Envoy', aliases: ['T. Envoy'], source } },
      editor,
    );
    const { recordAgreement } = await api.data(
      `mutation ($input: AgreementInput!) { recordAgreement(input: $input) {
        id title parties { id } signatories { person { name } onBehalfOf { code } } mediators { actor { __typename id } role } sources { publisher } } }`,
      {
        input: {
          id: 'test-mn-xk-accord-2026',
          title: 'Test accord',
          date: '2026-01-02',
          kind: 'DIPLOMATIC_RELATIONS',
          status: 'SIGNED',
          summary: 'A made-up agreement the tests record.',
          parties: ['MN', 'XK'],
          signatories: [{ person: 'avdullah-hoti', onBehalfOf: 'XK', role: 'Prime Minister', date: '2026-01-02' }],
          mediators: [{ actor: 'test-envoy', role: 'envoy' }, { actor: 'EU', role: 'facilitator' }],
          source,
        },
      },
      editor,
    );
    expect(recordAgreement).toMatchObject({
      id: 'test-mn-xk-accord-2026',
      parties: [{ id: 'XK' }, { id: 'MN' }],
      signatories: [{ person: { name: 'Avdullah Hoti' }, onBehalfOf: { code: 'XK' } }],
      sources: [{ publisher: 'Test Gazette' }],
    });
    expect(recordAgreement.mediators.map((m: any) => m.actor.id)).toEqual(['EU', 'test-envoy']);
    const { agreements } = await api.data('{ agreements(between: ["MN", "XK"]) { id } }');
    expect(agreements).toEqual([{ id: 'test-mn-xk-accord-2026' }]);
  });

  it('records embassy events, an office and diplomatic relations', async () => {
    const embassy = await api.data(
      'mutation ($input: EmbassyEventInput!) { recordEmbassyEvent(input: $input) { country { code } city { name } host { code } status since } }',
      { input: { country: 'MN', city: 'Jerusalem', host: 'IL', status: 'PLEDGED', date: '2026-01-02', source } },
      editor,
    );
    expect(embassy.recordEmbassyEvent).toEqual({ country: { code: 'MN' }, city: { name: 'Jerusalem' }, host: { code: 'IL' }, status: 'PLEDGED', since: '2026-01-02' });
    const office = await api.data(
      'mutation ($input: OfficeInput!) { recordOffice(input: $input) { person { name } country { code } role since } }',
      { input: { person: 'test-envoy', country: 'MN', role: 'Ambassador', since: '2026-01-01', source } },
      editor,
    );
    expect(office.recordOffice).toEqual({ person: { name: 'Test Envoy' }, country: { code: 'MN' }, role: 'Ambassador', since: '2026-01-01' });
    const relations = await api.data(
      'mutation ($input: DiplomaticRelationsInput!) { recordDiplomaticRelations(input: $input) { code } }',
      { input: { a: 'XK', b: 'MN', since: '2026-01-02', source } },
      editor,
    );
    expect(relations.recordDiplomaticRelations).toEqual({ code: 'XK' });
  });

  it('records an organization and corrects it, auditing both', async () => {
    const mutation = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { code name aliases } }';
    await api.data(mutation, { input: { code: 'au', name: 'African Union', source } }, editor);
    const { upsertOrganization } = await api.data(mutation, { input: { code: 'AU', name: 'African Union', aliases: ['AU', 'Union africaine'], source } }, editor);
    expect(upsertOrganization).toEqual({ code: 'AU', name: 'African Union', aliases: ['AU', 'Union africaine'] });
    const { history } = await api.data('{ history(of: "AU") { mutation } }', {}, reader);
    expect(history).toHaveLength(2);
  });

  it('keeps exactly one node when 50 identical upserts race, and audits one change', async () => {
    const input = { code: 'QZ', name: 'Testland', aliases: ['Republic of Testland'], source };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => api.query('mutation ($input: CountryInput!) { upsertCountry(input: $input) { code name } }', { input }, editor)),
    );
    for (const result of results) expect(result).toEqual({ data: { upsertCountry: { code: 'QZ', name: 'Testland' } } });
    const count = await api.graph.driver.executeQuery("MATCH (c:Country {code: 'QZ'}) RETURN count(c) AS n", {}, { database: api.graph.database });
    expect(count.records[0]!.get('n')).toBe(1);
    const { history } = await api.data('{ history(of: "QZ") { mutation } }', {}, reader);
    expect(history).toEqual([{ mutation: 'upsertCountry' }]);
    const byName = await api.data('{ countryByName(name: "republic of testland") { code } }');
    expect(byName.countryByName.code).toBe('QZ');
  });
});

describe('when Neo4j goes away', () => {
  it('fails fast with SERVICE_UNAVAILABLE, reports not ready, and recovers by itself with every acknowledged write kept', async () => {
    const acknowledged = await api.data(
      'mutation ($input: CountryInput!) { upsertCountry(input: $input) { code } }',
      { input: { code: 'QY', name: 'Acknowledgedland', source } },
      editor,
    );
    expect(acknowledged.upsertCountry.code).toBe('QY');

    await neo4j.stop();
    const started = Date.now();
    const down = await api.query('{ country(code: "QY") { name } }');
    const waited = Date.now() - started;
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).not.toMatch(/bolt|127\.0\.0\.1|ECONNREFUSED/);
    expect(waited).toBeLessThan(30_000); // a hang would be the test's 180 s timeout
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    await neo4j.restart();
    let answer;
    for (let attempt = 0; attempt < 20; attempt++) {
      answer = await api.query('{ country(code: "QY") { name } }');
      if (!answer.errors) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(answer).toEqual({ data: { country: { name: 'Acknowledgedland' } } });
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    const kept = await api.data('{ recognitions(of: "XK", asOf: "2026-03-01") { country { code } } }');
    expect(kept.recognitions.map((r: any) => r.country.code)).toContain('MN');
  });
});
