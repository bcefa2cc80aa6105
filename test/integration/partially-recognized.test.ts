import { importDataset } from '../../src/datasets/pipeline';
import { wikidataDiplomaticMissions } from '../../src/datasets/wikidata-diplomatic-missions';
import { fingerprint, TestApi } from '../helpers';

/**
 * States with limited recognition and the bodies that send missions without being states: Country
 * nodes marked PARTIALLY_RECOGNIZED (seeds/states-with-limited-recognition.json) and Organizations
 * (seeds/mission-senders.json), so that their missions in the Wikidata data set load.
 */
jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

describe('states with limited recognition', () => {
  it('knows Abkhazia as XA, a partially recognized state, by its Wikidata names, with its region and its sources', async () => {
    const { country } = await api.data(`{ country(code: "XA") { name officialName aliases region subregion statehood unMembership { since } sources { url } } }`);
    expect(country).toMatchObject({
      name: 'Abkhazia',
      officialName: 'Republic of Abkhazia',
      aliases: ['Republic of Abkhazia'],
      region: 'Asia',
      subregion: 'Western Asia',
      statehood: 'PARTIALLY_RECOGNIZED',
      unMembership: null,
    });
    expect(country.sources.map((s: { url: string }) => s.url)).toEqual(
      expect.arrayContaining(['https://www.wikidata.org/wiki/Q31354462', 'https://en.wikipedia.org/wiki/List_of_states_with_limited_recognition']),
    );
  });

  it('finds Northern Cyprus by its long name and by TRNC', async () => {
    for (const name of ['Turkish Republic of Northern Cyprus', 'TRNC', 'northern cyprus']) {
      const { countryByName } = await api.data('query ($name: String!) { countryByName(name: $name) { code } }', { name });
      expect(countryByName.code).toBe('XN');
    }
  });

  it('marks exactly the eight states with limited recognition, derives UN members and the observer from UN membership, and leaves the Cook Islands and Niue unknown', async () => {
    const { countries } = await api.data('{ countries { code statehood } }');
    const by = (statehood: string | null) => codes(countries.filter((c: { statehood: string | null }) => c.statehood === statehood));
    expect(by('PARTIALLY_RECOGNIZED')).toEqual(['EH', 'PS', 'TW', 'XA', 'XK', 'XN', 'XO', 'XS']);
    expect(by('OBSERVER')).toEqual(['VA']);
    expect(by('UN_MEMBER')).toHaveLength(193);
    expect(by(null)).toEqual(['CK', 'NU']);
    expect(countries).toHaveLength(204);
  });

  it('counts the new states as unknown towards Kosovo, never as not recognizing it', async () => {
    const { recognitionStatuses } = await api.data('{ recognitionStatuses(of: "XK", status: UNKNOWN) { total items { country { code statehood } } } }');
    expect(codes(recognitionStatuses.items.map((i: any) => i.country))).toEqual(['EH', 'MN', 'XA', 'XN', 'XO', 'XS']);
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "XK") { code } }');
    expect(codes(nonRecognizers)).not.toEqual(expect.arrayContaining(['XA']));
    expect(codes(nonRecognizers).filter((c) => ['XA', 'XO', 'XN', 'XS'].includes(c))).toEqual([]);
  });
});

describe('their missions', () => {
  it("loads Abkhazia's embassy in Moscow and Russia's embassy in Sukhumi, accredited to Abkhazia", async () => {
    const rows = await api.graph.readText<any>(
      `MATCH (sender:Country)-[:SENDS]->(m:Mission)-[:LOCATED_IN]->(city:City)-[:LOCATED_IN]->(host:Country)
       WHERE m.id IN ['Q4373960', 'Q4374039']
       RETURN m.id AS id, sender.code AS sender, city.name AS city, host.code AS host,
              COLLECT { MATCH (m)-[:ACCREDITED_TO]->(c:Country) RETURN c.code } AS accredited, m.origins AS origins
       ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'Q4373960', sender: 'XA', city: 'Tverskoy District', host: 'RU', accredited: ['RU'], origins: ['https://www.wikidata.org/wiki/Q4373960'] },
      { id: 'Q4374039', sender: 'RU', city: 'Sukhumi', host: 'XA', accredited: ['XA'], origins: ['https://www.wikidata.org/wiki/Q4374039'] },
    ]);
  });

  it("loads Northern Cyprus's six missions, South Ossetia's and Somaliland's", async () => {
    const [row] = await api.graph.readText<any>(
      `UNWIND ['XN', 'XO', 'XS'] AS code
       MATCH (c:Country {code: code})
       RETURN collect([code, COUNT { (c)-[:SENDS]->(:Mission) }]) AS sent`,
    );
    expect(row.sent).toEqual([['XN', 6], ['XO', 1], ['XS', 1]]);
  });

  it('has the Order of Malta, Quebec and the Central Tibetan Administration send their missions as Organizations, and the European Parliament’s office as the EU’s', async () => {
    const rows = await api.graph.readText<any>(
      `MATCH (o:Organization)-[:SENDS]->(m:Mission)
       RETURN o.code AS code, o.kind AS kind, o.sources AS sources, count(m) AS missions ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'CTA', kind: 'GOVERNMENT_IN_EXILE', sources: ['wikidata-Q326343'], missions: 3 },
      { code: 'EU', kind: 'INTERNATIONAL_ORGANIZATION', sources: expect.any(Array), missions: 1 },
      { code: 'QUEBEC', kind: 'SUBNATIONAL_GOVERNMENT', sources: ['wikidata-Q176'], missions: 16 },
      { code: 'SMOM', kind: 'SOVEREIGN_ORDER', sources: ['wikidata-Q190353'], missions: 33 },
    ]);
    const [malta] = await api.graph.readText<any>(
      `MATCH (:Organization {code: 'SMOM'})-[:SENDS]->(m:Mission)-[:LOCATED_IN]->(:City)-[:LOCATED_IN]->(host:Country)
       RETURN collect(DISTINCT host.code) AS hosts, COUNT { MATCH (:Country)-[:SENDS]->(:Mission)<-[:SENDS]-(:Organization {code: 'SMOM'}) } AS alsoFromAState`,
    );
    expect(malta.hosts).toEqual(expect.arrayContaining(['IT', 'AT', 'AL']));
    expect(malta.alsoFromAState).toBe(0);
  });

  it('still reports the rows it cannot place, each with its reason, and writes nothing in a dry run', async () => {
    const before = await fingerprint(api.graph);
    const report = await importDataset(api.graph, wikidataDiplomaticMissions, { dryRun: true, reportDir: null });
    expect(await fingerprint(api.graph)).toBe(before);
    expect(report).toMatchObject({ read: 9852, rejected: 16 });
    const reasons = report.rejections.map((r) => r.reason);
    expect(reasons.filter((r) => r.startsWith('Hong Kong is a special administrative region'))).toHaveLength(4);
    expect(reasons).toContain("Macau is a special administrative region of the People's Republic of China, not a state; the graph has no node for its government");
    expect(reasons).toContain('a ministry that does not say whose');
    expect(reasons).toContain('host country "Puerto Rico" resolves to no state in the graph');
    expect(report.rejections.find((r) => r.key === 'Q106686567')?.reason).toMatch(/repeats the key Q106686567 of line \d+; the first row is kept/);
    expect(reasons.filter((r) => /Malta|Quebec|Tibetan|Abkhazia|Ossetia|Cyprus|Somaliland|European Parliament/.test(r))).toEqual([]);
  });
});
