import { TestApi } from '../helpers';

/**
 * The diplomatic missions of the wikidata-diplomatic-missions data set through the API: filters,
 * cursor paging, the network ranking, the embassy history reconciled with the mission, and the
 * diplomatic relations inferred from accreditations.
 */
let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

interface MissionNode {
  id: string;
  type: string;
  city: { name: string } | null;
  host: { code: string } | null;
}

describe('missions', () => {
  it("lists Kosovo's embassies, among them those in Tirana, Washington, D.C., Ankara and Jerusalem, each in its host state", async () => {
    const { missions } = await api.data(`{ missions(sender: "XK", type: EMBASSY, first: 100) {
      totalCount nodes { id type city { name } host { code } sender { id name } } } }`);
    expect(missions.totalCount).toBe(missions.nodes.length);
    expect(missions.totalCount).toBeGreaterThanOrEqual(30);
    const places = missions.nodes.map((m: MissionNode) => `${m.city?.name} (${m.host?.code})`);
    expect(places).toEqual(expect.arrayContaining(['Tirana (AL)', 'Washington, D.C. (US)', 'Ankara (TR)', 'Jerusalem (IL)']));
    expect(new Set(missions.nodes.map((m: { sender: { id: string } }) => m.sender.id))).toEqual(new Set(['XK']));
  });

  it('keeps the US embassy in Jerusalem one mission, with its 2018 opening as its history and the Wikidata item as its source', async () => {
    const { missions } = await api.data(`{ missions(sender: "US", city: "Jerusalem") { totalCount nodes {
      id wikidata type evidenceOfRelations host { code } accreditedTo { code }
      history { status date }
      sources { id origins } } } }`);
    expect(missions.totalCount).toBe(1);
    const [mission] = missions.nodes;
    expect(mission).toMatchObject({ id: 'Q53492009', wikidata: 'https://www.wikidata.org/wiki/Q53492009', type: 'EMBASSY', evidenceOfRelations: true, host: { code: 'IL' } });
    expect(mission.history).toEqual([{ status: 'OPENED', date: '2018-05-14' }]);
    expect(mission.sources).toEqual([{ id: 'dataset-wikidata-diplomatic-missions', origins: ['https://www.wikidata.org/wiki/Q53492009'] }]);
    // the embassies query's embassy is the same mission
    const { embassies } = await api.data('{ embassies(city: "Jerusalem", country: "US") { status since mission { id } } }');
    expect(embassies).toEqual([{ status: 'OPENED', since: '2018-05-14', mission: { id: 'Q53492009' } }]);
  });

  it("gives a consulate in Jerusalem none of its sender's embassy history", async () => {
    const { missions } = await api.data('{ missions(city: "Jerusalem", type: CONSULATE_GENERAL) { nodes { sender { id } history { status } } } }');
    expect(missions.nodes.length).toBeGreaterThan(0);
    for (const m of missions.nodes) expect(m.history).toEqual([]);
  });

  it('pages with cursors until the last page, and the pages add up to the total', async () => {
    const query = `query($after: String) { missions(host: "BE", first: 40, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 20; pages++) {
      const { missions }: { missions: any } = await api.data(query, { after });
      total = missions.totalCount;
      seen.push(...missions.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(missions.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!missions.pageInfo.hasNextPage) break;
      after = missions.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('finds the missions near a point, nearest first, each with its distance', async () => {
    const { missions } = await api.data(`{ missions(near: {latitude: 31.7683, longitude: 35.2137, km: 10}, first: 100) {
      totalCount nodes { id distanceKm sender { id } } } }`);
    expect(missions.totalCount).toBeGreaterThan(3);
    const distances = missions.nodes.map((m: { distanceKm: number }) => m.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(10);
    expect(missions.nodes.map((m: { id: string }) => m.id)).toContain('Q53492009');
  });

  it('answers one mission by its item id, and NOT_FOUND or BAD_USER_INPUT for the wrong ones', async () => {
    const { mission } = await api.data('{ mission(id: "Q53492009") { sender { id } city { name } } }');
    expect(mission).toEqual({ sender: { id: 'US' }, city: { name: 'Jerusalem' } });
    expect((await api.query('{ mission(id: "Q1") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.query('{ mission(id: "embassy") { id } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.query('{ missions(after: "nonsense!") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.query('{ missions(near: {latitude: 95, longitude: 0, km: 5}) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.query('{ missions(host: "ZZ") { totalCount } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("sends the European Parliament's liaison office as the EU's, an Organization", async () => {
    const { missions } = await api.data('{ missions(sender: "EU", first: 5) { totalCount nodes { type sender { __typename id } host { code } } } }');
    expect(missions.totalCount).toBe(1);
    expect(missions.nodes[0]).toEqual({ type: 'LIAISON_OFFICE', sender: { __typename: 'Organization', id: 'EU' }, host: { code: 'US' } });
  });
});

describe('missions under a country', () => {
  it('pages a country with hundreds of missions abroad, those it hosts and those accredited to it, for several countries in one request', async () => {
    const data = await api.data(`{ us: country(code: "US") {
      missions(first: 10) { totalCount nodes { sender { id } } pageInfo { hasNextPage } }
      consulates: missions(type: CONSULATE_GENERAL, first: 300) { totalCount nodes { type } }
      hostedMissions(first: 5) { totalCount nodes { host { code } } }
      accreditations(first: 5) { totalCount nodes { accreditedTo { code } } } }
      fr: country(code: "FR") { missions(first: 10) { totalCount } } }`);
    expect(data.us.missions.totalCount).toBeGreaterThan(200);
    expect(data.us.missions.nodes).toHaveLength(10);
    expect(data.us.missions.pageInfo.hasNextPage).toBe(true);
    for (const m of data.us.missions.nodes) expect(m.sender.id).toBe('US');
    expect(new Set(data.us.consulates.nodes.map((m: { type: string }) => m.type))).toEqual(new Set(['CONSULATE_GENERAL']));
    expect(data.us.consulates.nodes).toHaveLength(data.us.consulates.totalCount);
    expect(data.us.hostedMissions.totalCount).toBeGreaterThan(150);
    for (const m of data.us.hostedMissions.nodes) expect(m.host.code).toBe('US');
    for (const m of data.us.accreditations.nodes) expect(m.accreditedTo.map((c: { code: string }) => c.code)).toContain('US');
    expect(data.fr.missions.totalCount).toBeGreaterThan(200);
  });
});

describe('diplomatic networks', () => {
  it('ranks states by their posts abroad, largest first, and gives one state its own rank and counts', async () => {
    const { diplomaticNetworks, country } = await api.data(`{
      diplomaticNetworks(first: 10) { rank total embassies consulates otherPosts honoraryConsulates hostStates accreditedStates country { code } }
      country(code: "XK") { diplomaticNetwork { rank total embassies consulates hostStates } } }`);
    expect(diplomaticNetworks).toHaveLength(10);
    expect(diplomaticNetworks[0].rank).toBe(1);
    for (const [i, n] of diplomaticNetworks.entries()) {
      expect(n.total).toBe(n.embassies + n.consulates + n.otherPosts);
      if (i > 0) expect(n.total).toBeLessThanOrEqual(diplomaticNetworks[i - 1].total);
    }
    const top = diplomaticNetworks.map((n: { country: { code: string } }) => n.country.code);
    expect(top).toEqual(expect.arrayContaining(['US', 'FR']));
    expect(country.diplomaticNetwork.embassies).toBeGreaterThanOrEqual(30);
    expect(country.diplomaticNetwork.rank).toBeGreaterThan(10);
    const { diplomaticNetworks: all } = await api.data('{ diplomaticNetworks(first: 300) { rank total country { code } } }');
    const kosovo = all.find((n: { country: { code: string } }) => n.country.code === 'XK');
    expect(kosovo).toEqual({ rank: country.diplomaticNetwork.rank, total: country.diplomaticNetwork.total, country: { code: 'XK' } });
    expect(all.filter((n: { total: number }) => n.total > kosovo.total)).toHaveLength(kosovo.rank - 1);
  });
});

describe('diplomatic relations inferred from missions', () => {
  it('infers relations from an embassy accredited to a state, with the mission as evidence', async () => {
    const { country } = await api.data(`{ country(code: "XK") { diplomaticRelations(with: "AL") {
      country { code } inferred evidence { id type sender { id } } sources { id origins } } } }`);
    expect(country.diplomaticRelations).toHaveLength(1);
    const [relation] = country.diplomaticRelations;
    expect(relation.country.code).toBe('AL');
    expect(relation.evidence.length).toBeGreaterThan(0);
    for (const m of relation.evidence) expect(['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE']).toContain(m.type);
    const datasetSource = relation.sources.find((s: { id: string }) => s.id === 'dataset-wikidata-diplomatic-missions');
    expect(datasetSource.origins).toEqual(relation.evidence.map((m: { id: string }) => `https://www.wikidata.org/wiki/${m.id}`));
  });

  it("does not count Taiwan's de facto embassy in the United States as diplomatic relations", async () => {
    const { missions } = await api.data('{ missions(sender: "TW", host: "US") { nodes { type evidenceOfRelations } } }');
    expect(missions.nodes.some((m: { type: string }) => m.type === 'DE_FACTO_EMBASSY')).toBe(true);
    for (const m of missions.nodes) expect(m.evidenceOfRelations).toBe(false);
    const { country } = await api.data('{ country(code: "TW") { us: diplomaticRelations(with: "US") { inferred } all: diplomaticRelations { country { code } } } }');
    expect(country.us).toEqual([]);
    // Taiwan's embassies with the states that recognize it are evidence
    expect(country.all.map((r: { country: { code: string } }) => r.country.code)).toContain('PY');
  });
});
