import { importDataset } from '../../src/datasets/pipeline';
import { wikidataLeaders } from '../../src/datasets/wikidata-leaders';
import { TestApi } from '../helpers';

/** Heads of state and of government from the bundled Wikidata snapshot, as the global seed loaded it. */
jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const names = (offices: { person: { name: string } }[]) => offices.map((o) => o.person.name);

describe('leaders on a date', () => {
  it("answers that Israel's head of government was Benjamin Netanyahu on 2021-02-01 and Naftali Bennett on 2021-07-01", async () => {
    const data = await api.data(`{
      before: leaders(of: "IL", role: HEAD_OF_GOVERNMENT, asOf: "2021-02-01") { role person { name wikidata } since until untilInferred }
      after: country(code: "IL") { headOfGovernment(asOf: "2021-07-01") { person { name } since until } } }`);
    expect(data.before).toEqual([{ role: 'head of government', person: { name: 'Benjamin Netanyahu', wikidata: 'Q43723' }, since: '2009-03-31', until: '2021-06-13', untilInferred: false }]);
    expect(names(data.after.headOfGovernment)).toEqual(['Naftali Bennett']);
  });

  it("names the UK's head of state on 2023-01-01 Charles III, keeping the snapshot's Portuguese label only as an alias", async () => {
    const { country } = await api.data('{ country(code: "GB") { headOfState(asOf: "2023-01-01") { person { name aliases wikidata } since origins sources { id } } } }');
    expect(country.headOfState).toEqual([
      {
        person: { name: 'Charles III', aliases: ['Carlos III do Reino Unido'], wikidata: 'Q43274' },
        since: '2022-09-08',
        origins: ['https://www.wikidata.org/wiki/Q43274'],
        sources: [{ id: 'dataset-wikidata-leaders' }],
      },
    ]);
  });

  it('finds a leader by any name variant: the English name, or the Portuguese label in any case', async () => {
    for (const name of ['Charles III', 'carlos iii do reino unido', 'Carlos III do Reino Unido']) {
      const { person } = await api.data(`query ($name: String!) { person(name: $name) { id name wikidata } }`, { name });
      expect(person).toEqual({ id: 'charles-iii', name: 'Charles III', wikidata: 'Q43274' });
    }
  });

  it("pages through a state's many terms (Japan's), newest first, in one statement per page", async () => {
    const data = await api.data(`{
      first: leaders(of: "JP", first: 5) { person { name } since }
      next: leaders(of: "JP", first: 5, offset: 5) { person { name } since }
      all: leaders(of: "JP", first: 300) { since } }`);
    expect(data.first).toHaveLength(5);
    expect(data.next).toHaveLength(5);
    const since = data.all.map((o: { since: string | null }) => o.since).filter(Boolean);
    expect(since).toEqual([...since].sort().reverse());
    expect(data.all.slice(5, 10).map((o: { since: string }) => o.since)).toEqual(data.next.map((o: { since: string }) => o.since));
    expect(data.all.length).toBeGreaterThan(40);
  });

  it("answers the heads of government of many states on one date in one request (the UK's Boris Johnson, Germany's Angela Merkel on 2021-07-01)", async () => {
    const { countries } = await api.data('{ countries(region: "Europe") { code headOfGovernment(asOf: "2021-07-01") { person { name } } } }');
    const byCode = Object.fromEntries(countries.map((c: { code: string; headOfGovernment: { person: { name: string } }[] }) => [c.code, c.headOfGovernment.map((o) => o.person.name)]));
    expect(countries.length).toBeGreaterThan(40);
    expect(byCode.GB).toEqual(['Boris Johnson']);
    expect(byCode.DE).toEqual(['Angela Merkel']);
  });

  it('refuses a state the graph does not hold with NOT_FOUND', async () => {
    const result = await api.query('{ leaders(of: "ZZ") { role } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('cleaning the snapshot', () => {
  it("merges one person's split rows into one term with a note, keeping the person's item as its origin (Ilir Meta, Albania's president 2017-2022)", async () => {
    const { leaders } = await api.data('{ leaders(of: "AL", role: HEAD_OF_STATE, asOf: "2020-01-01") { person { name } since until untilInferred note origins } }');
    expect(leaders).toEqual([
      {
        person: { name: 'Ilir Meta' },
        since: '2017-07-24',
        until: '2022-07-24',
        untilInferred: false,
        note: expect.stringMatching(/^One term made of 2 touching or overlapping rows of the snapshot/),
        origins: ['https://www.wikidata.org/wiki/Q727132'],
      },
    ]);
  });

  it("returns an end the snapshot does not give, closed at the successor's start, as inferred (Burundi's prime minister Gervais Ndirakobuca)", async () => {
    const { person } = await api.data('{ person(name: "Gervais Ndirakobuca") { offices { role country { code } until untilInferred note } } }');
    expect(person.offices).toContainEqual({
      role: 'head of government',
      country: { code: 'BI' },
      until: '2025-08-05',
      untilInferred: true,
      note: expect.stringMatching(/inferred as the start of the successor's term/),
    });
  });

  it('matches a person the seed already holds by name instead of making a second one, and gives them the Wikidata item', async () => {
    const [row] = await api.graph.readText<{ people: { id: string; wikidata: string | null }[] }>(
      "MATCH (p:Person) WHERE 'benjamin netanyahu' IN p.nameKeys RETURN collect(p {.id, .wikidata}) AS people",
    );
    expect(row!.people).toEqual([{ id: 'benjamin-netanyahu', wikidata: 'Q43723' }]);
    const { person } = await api.data('{ person(name: "Donald Trump") { id wikidata offices { role country { code } since until } } }');
    expect(person.id).toBe('donald-trump');
    expect(person.wikidata).toBe('Q22686');
    // The seed's article-attested office and the data set's terms coexist: different roles, different sources.
    expect(person.offices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'President', country: { code: 'US' } }),
        { role: 'head of state', country: { code: 'US' }, since: '2017-01-20', until: '2021-01-20' },
      ]),
    );
  });
});

describe('checking the bundled snapshot again', () => {
  let report: Awaited<ReturnType<typeof importDataset>>;
  // A dry run: it reads only, so it takes no locks on the shared Neo4j the other read tests use (the
  // writing re-import is in datasets.test.ts, on a Neo4j of its own).
  beforeAll(async () => {
    report = await importDataset(api.graph, wikidataLeaders, { reportDir: null, dryRun: true });
  });

  // That a dry run writes nothing, and that a real re-import changes nothing, are tested on the data set
  // test's own Neo4j: here the seed test may rewrite the shared graph between two fingerprints.
  it('finds every row already held: nothing to create, update, reopen or close', () => {
    expect([report.created, report.updated, report.reopened, report.closed]).toEqual([0, 0, 0, 0]);
    expect(report.read).toBe(9376);
    expect(report.unchanged).toBe(4854);
  });

  it('reports a label that is only an item id and a collective body, with their reasons, and writes neither', async () => {
    const reasons = (qid: string) => report.rejections.filter((r) => !Array.isArray(r.row) && r.row.person_qid === qid).map((r) => r.reason);
    expect(reasons('Q41395')).toEqual(['person "Q41395" is only a Wikidata item id, not a name']);
    expect(reasons('Q124846311')).toEqual([expect.stringMatching(/^Haiti's Transitional Presidential Council .* is a collective body, not a person; kept out of Person$/)]);
    expect(reasons('Q6852041')).toHaveLength(2);
    const [row] = await api.graph.readText<{ n: number }>(
      "MATCH (p:Person) WHERE p.wikidata IN ['Q41395', 'Q124846311', 'Q6852041'] OR p.name = 'Q41395' OR 'conselho presidencial de transicao' IN p.nameKeys RETURN count(p) AS n",
    );
    expect(row!.n).toBe(0);
  });

  it('reports impossible dates and terms that ended before 1945 with their reasons', () => {
    const reasons = report.rejections.map((r) => r.reason);
    expect(reasons).toContain('start "-0659-02-11T00:00:00Z" is impossible: before year 1');
    expect(reasons.filter((r) => r.startsWith('out of scope: the term ended on')).length).toBeGreaterThan(2000);
  });

  it('lists what the cleaning changed: merged terms, inferred ends, English names, matched people', () => {
    const kinds = new Set(report.changes.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['english-name', 'matched-person', 'merged', 'end-inferred', 'left-open-joint-role']));
    expect(report.changes).toContainEqual(expect.objectContaining({ kind: 'english-name', key: 'Q43274' }));
  });
});
