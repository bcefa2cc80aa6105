import { TestApi } from '../helpers';

/**
 * One round trip per root field: the Cypher statements an operation runs over HTTP (what `npm start`
 * serves), counted on the Graph the resolvers use. And a query that fetches only what it selects
 * answers as a query fetching everything.
 */
let api: TestApi;
let url: string;
let statements: { name: string; parts?: unknown }[] = [];
beforeAll(async () => {
  api = await new TestApi().start();
  const read = api.graph.read.bind(api.graph);
  jest.spyOn(api.graph, 'read').mockImplementation((name, params) => {
    // The graph version an answer's ETag is made from is read before the operation, not for it (README "Caching").
    if (name !== 'graph-version') statements.push({ name, parts: params?.parts });
    return read(name, params);
  });
  url = `${await api.listen()}/graphql`;
});
afterAll(() => api.stop());

async function counted(query: string) {
  statements = [];
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return { data: body.data, statements: statements.map((s) => s.name), parts: statements.map((s) => s.parts) };
}

describe('Cypher statements per operation', () => {
  it.each([
    ['nonRecognizers', '{ nonRecognizers(of: "XK") { code name } }', ['non-recognizers']],
    ['recognitions', '{ recognitions(of: "XK") { country { code name } since sources { id } withdrawalClaim { since } } }', ['recognitions']],
    ['embassies', '{ embassies(city: "Jerusalem") { country { code } status since sources { id } history { status } } }', ['embassy-events']],
    ['agreements', '{ agreements(between: ["RS", "XK"], first: 10) { title parties { name } signatories { person { name } sources { id } } mediators { actor { name } } sources { id } } }', ['agreements']],
    [
      'country with nested lists',
      '{ country(code: "RS") { name recognizes(first: 50) { recognized { name } } recognizedBy { country { code } } officials { person { name } } embassies { city { name } status } agreements { id } memberships { organization { code } } sources { id } } }',
      ['countries'],
    ],
  ])('%s runs one statement', async (_, query, expected) => {
    expect((await counted(query)).statements).toEqual(expected);
  });

  it('asks the graph only for the lists the query selects, and their sources only when selected', async () => {
    expect((await counted('{ country(code: "RS") { name region } }')).parts).toEqual([[]]);
    expect((await counted('{ country(code: "RS") { officials { person { name } } embassies { status } } }')).parts).toEqual([['embassyEvents', 'officials']]);
    expect((await counted('{ country(code: "RS") { officials { sources { id } } } }')).parts).toEqual([['officials', 'evidence']]);
    expect((await counted('{ agreements(party: "RS") { title mediators { actor { name } } } }')).parts).toEqual([['mediators']]);
    expect((await counted('{ nonRecognizers(of: "XK") { code } }')).parts).toEqual([[]]);
    expect((await counted('{ recognitions(of: "XK") { note country { aliases } } }')).parts).toEqual([['aliases', 'notes']]);
    expect((await counted('{ embassies(city: "Jerusalem") { history { sources { id } } } }')).parts).toEqual([['evidence']]);
  });

  it('gives aliases and notes when they are asked for, wherever they are asked', async () => {
    const { data } = await counted('{ nonRecognizers(of: "XK", first: 300) { code aliases } recognitions(of: "XK") { note country { code } } embassies(city: "Jerusalem") { country { code } note city { aliases } } }');
    expect(data.nonRecognizers.find((c: any) => c.code === 'RS').aliases).toContain('Republic of Serbia');
    expect(data.recognitions.filter((r: any) => r.note).length).toBeGreaterThan(10);
    expect(data.embassies.find((e: any) => e.country.code === 'US')).toMatchObject({ note: expect.stringContaining('Jerusalem'), city: { aliases: expect.arrayContaining(['Al-Quds']) } });
  });

  it('loads the countries nested under many recognitions in one batched statement', async () => {
    const { data, statements: run } = await counted('{ recognitions(of: "XK") { country { officials { person { name } } } } }');
    expect(data.recognitions.length).toBeGreaterThan(100);
    expect(run).toEqual(['recognitions', 'countries']);
  });
});

describe('fetching only what is selected', () => {
  const lists: Record<string, string> = {
    recognizes: 'recognizes { id since recognized { code } sources { id } withdrawalClaim { since } }',
    recognizedBy: 'recognizedBy { id country { code } sources { id } }',
    notRecognizedBy: 'notRecognizedBy { country { code } sources { id } }',
    officials: 'officials { person { id } role sources { id } }',
    embassies: 'embassies { city { id } status sources { id } history { status } }',
    agreements: 'agreements { id }',
    memberships: 'memberships { organization { code } sources { id } }',
    sources: 'sources { id }',
  };

  it('answers each list of a country as the query asking for everything does', async () => {
    for (const code of ['XK', 'RS', 'US']) {
      const full = (await counted(`{ country(code: "${code}") { ${Object.values(lists).join(' ')} } }`)).data.country;
      for (const [list, field] of Object.entries(lists)) {
        const alone = (await counted(`{ country(code: "${code}") { ${field} } }`)).data.country;
        expect({ code, list, value: alone[list] }).toEqual({ code, list, value: full[list] });
      }
    }
    const kosovo = (await counted(`{ country(code: "XK") { ${lists.recognizedBy} } }`)).data.country;
    expect(kosovo.recognizedBy.length).toBeGreaterThan(100);
    expect(kosovo.recognizedBy.every((r: any) => r.sources.length > 0)).toBe(true);
  });

  it('sees lists asked for through fragments and on countries reached from other types', async () => {
    const { country } = (await counted('{ country(code: "IL") { ...Lists } } fragment Lists on Country { recognizes(first: 5) { recognized { ...Deep } } } fragment Deep on Country { recognizedBy { country { code } sources { id } } }')).data;
    const byIsrael = country.recognizes[0].recognized.recognizedBy;
    expect(byIsrael.length).toBeGreaterThan(100);
    expect(byIsrael.find((r: any) => r.country.code === 'IL').sources.length).toBeGreaterThan(0);
  });

  it('gives agreements their parties, signatories and mediators whichever are asked', async () => {
    const full = (await counted('{ agreements(party: "RS", first: 50) { id parties { id } signatories { person { id } sources { id } } mediators { actor { id } } sources { id } } }')).data.agreements;
    const parties = (await counted('{ agreements(party: "RS") { id parties { id } } }')).data.agreements;
    const mediators = (await counted('{ agreements(party: "RS") { mediators { actor { id } } } }')).data.agreements;
    expect(parties).toEqual(full.map((a: any) => ({ id: a.id, parties: a.parties })));
    expect(mediators).toEqual(full.map((a: any) => ({ mediators: a.mediators })));
    expect(full[0].signatories.every((s: any) => s.sources.length > 0)).toBe(true);
  });
});
