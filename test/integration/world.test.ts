import { TestApi } from '../helpers';

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

describe('UN membership', () => {
  it('gives each member its admission date from the UN membership data set, and no membership to a non-member', async () => {
    const data = await api.data(`{
      ss: country(code: "SS") { unMembership { organization { code } since sincePrecision sources { id } } }
      cn: country(code: "CN") { unMembership { since note } }
      xk: country(code: "XK") { unMembership { since } }
      ps: country(code: "PS") { unMembership { since } } }`);
    expect(data.ss.unMembership).toMatchObject({ organization: { code: 'UN' }, since: '2011-07-14', sincePrecision: 'DAY' });
    expect(data.ss.unMembership.sources.map((s: { id: string }) => s.id)).toContain('dataset-un-membership');
    expect(data.cn.unMembership.since).toBe('1945-10-24');
    expect(data.cn.unMembership.note).toMatch(/1971/);
    expect(data.xk.unMembership).toBeNull();
    expect(data.ps.unMembership).toBeNull();
  });
});

describe('every state', () => {
  it('holds the 193 UN members, the two observers, Kosovo and the other partially recognized states', async () => {
    const { countries } = await api.data('{ countries { code } }');
    // 200 from the world-countries package, and Abkhazia, South Ossetia, Northern Cyprus and Somaliland.
    expect(countries).toHaveLength(204);
    const un = await api.data('{ countries(memberOf: "UN") { code } }');
    expect(un.countries).toHaveLength(193);
    expect(codes(un.countries)).not.toContain('VA');
    const { country } = await api.data('{ country(code: "VA") { name memberships { organization { code } status sources { publisher } } } }');
    expect(country.memberships).toEqual([{ organization: { code: 'UN' }, status: 'OBSERVER', sources: [{ publisher: 'United Nations' }] }]);
  });

  it.each([
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Türkiye', 'TR'],
    ['turkey', 'TR'],
    ['Republic of Kosovo', 'XK'],
    ['Cote d’Ivoire', 'CI'],
  ])('resolves %j to %s', async (name, code) => {
    const { countryByName } = await api.data('query ($name: String!) { countryByName(name: $name) { code } }', { name });
    expect(countryByName.code).toBe(code);
  });

  it('describes a state with its region, demonym and memberships over time', async () => {
    const { country } = await api.data(`{ country(code: "GB") {
      name region subregion demonyms
      now: memberships { organization { code } }
      in2019: memberships(asOf: "2019-06-01") { organization { code } since }
    } }`);
    expect(country).toMatchObject({ name: 'United Kingdom', region: 'Europe', subregion: 'Northern Europe' });
    expect(country.demonyms).toContain('British');
    expect(country.now.map((m: any) => m.organization.code)).toEqual(['NATO', 'UN']);
    expect(country.in2019.map((m: any) => m.organization.code)).toEqual(['EU', 'NATO', 'UN']);
    expect(country.in2019[0].since).toBe('1973-01-01');
  });
});

describe('recognition of Kosovo over time', () => {
  it('names the five EU members that do not recognize Kosovo', async () => {
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "XK", memberOf: "EU") { code } }');
    expect(codes(nonRecognizers)).toEqual(['CY', 'ES', 'GR', 'RO', 'SK']);
  });

  it('counts 67 recognizing states on 2010-01-01 and 121 today, 25 of them with a withdrawal claimed (Togo withdrew in 2019); six states are unknown', async () => {
    const q = `query ($asOf: Date) { recognitionStatuses(of: "XK", asOf: $asOf) {
      total counts { recognizes doesNotRecognize withdrawalClaimed unknown } } }`;
    const then = await api.data(q, { asOf: '2010-01-01' });
    const now = await api.data(q);
    // Unknown: Mongolia, Western Sahara, and the four states with limited recognition the table has no row for (XA, XO, XN, XS).
    expect(then.recognitionStatuses.counts).toEqual({ recognizes: 67, doesNotRecognize: 130, withdrawalClaimed: 0, unknown: 6 });
    expect(now.recognitionStatuses.counts).toEqual({ recognizes: 96, doesNotRecognize: 76, withdrawalClaimed: 25, unknown: 6 });
    expect(now.recognitionStatuses.total).toBe(203);
  });

  it.each(['2008-03-01', '2012-06-30', '2020-09-03', '2024-01-01', null])(
    'lists as non-recognizers on %s exactly the states whose status is DOES_NOT_RECOGNIZE',
    async (asOf) => {
      const q = `query ($asOf: Date) {
        nonRecognizers(of: "XK", asOf: $asOf) { code }
        recognitionStatuses(of: "XK", asOf: $asOf, status: DOES_NOT_RECOGNIZE) { total items { country { code } } }
      }`;
      const { nonRecognizers, recognitionStatuses } = await api.data(q, { asOf });
      expect(codes(nonRecognizers)).toEqual(codes(recognitionStatuses.items.map((i: any) => i.country)));
      expect(nonRecognizers).toHaveLength(recognitionStatuses.total);
    },
  );

  it('reports Mongolia as unknown, never as not recognizing', async () => {
    const unknown = await api.data('{ recognitionStatuses(of: "XK", status: UNKNOWN) { items { country { code } status } } }');
    expect(unknown.recognitionStatuses.items.map((i: any) => i.country.code)).toContain('MN');
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "XK") { code } }');
    expect(codes(nonRecognizers)).not.toContain('MN');
  });

  it('shows a withdrawal claim as contested, keeping the recognition and both sides’ evidence', async () => {
    const { recognitionStatuses } = await api.data(`{ recognitionStatuses(of: "XK", status: WITHDRAWAL_CLAIMED, region: "Africa", first: 50) {
      items { country { code } status recognition { since withdrawalClaim { contested } } withdrawalClaim { claimedBy { code } since contested note sources { id } } }
    } }`);
    const ghana = recognitionStatuses.items.find((i: any) => i.country.code === 'GH');
    expect(ghana.status).toBe('WITHDRAWAL_CLAIMED');
    expect(ghana.recognition.since).toBe('2012-01-23');
    expect(ghana.withdrawalClaim).toMatchObject({ claimedBy: { code: 'RS' }, contested: true });
    expect(ghana.withdrawalClaim.note).toMatch(/fake news/);
    expect(ghana.withdrawalClaim.sources.length).toBeGreaterThan(0);
    const burundi = recognitionStatuses.items.find((i: any) => i.country.code === 'BI');
    expect(burundi.withdrawalClaim.since).toBe('2018-02-15');
  });

  it('does not count a claim before it was made: Burundi simply recognizes Kosovo in 2015', async () => {
    const { recognitionStatuses } = await api.data('{ recognitionStatuses(of: "XK", asOf: "2015-01-01", region: "Eastern Africa") { items { country { code } status } } }');
    expect(recognitionStatuses.items.find((i: any) => i.country.code === 'BI').status).toBe('RECOGNIZES');
  });

  it('gives a timeline per year with a running total', async () => {
    const { recognitionTimeline } = await api.data('{ recognitionTimeline(of: "XK") { undated years { year recognitions cumulative withdrawalClaims } } }');
    const y2008 = recognitionTimeline.years.find((y: any) => y.year === 2008);
    expect(y2008.recognitions).toBeGreaterThan(50);
    const last = recognitionTimeline.years.at(-1);
    expect(last.cumulative + recognitionTimeline.undated).toBe(122);
    expect(recognitionTimeline.years.reduce((n: number, y: any) => n + y.recognitions, 0)).toBe(last.cumulative);
  });

  it('groups non-recognizers by organization and by region, consistent with the totals', async () => {
    const byOrg = await api.data('{ nonRecognizersByGroup(of: "XK", groupBy: ORGANIZATION) { key count countries { code } } }');
    const eu = byOrg.nonRecognizersByGroup.find((g: any) => g.key === 'EU');
    expect(codes(eu.countries)).toEqual(['CY', 'ES', 'GR', 'RO', 'SK']);
    const byRegion = await api.data('{ nonRecognizersByGroup(of: "XK", groupBy: REGION) { key count } }');
    expect(byRegion.nonRecognizersByGroup.reduce((n: number, g: any) => n + g.count, 0)).toBe(76);
  });
});

describe('recognizes one state but not another', () => {
  it('finds the states recognizing Kosovo that do not recognize Israel (on record refusing, or withdrawn), and rejects unknown codes', async () => {
    const { recognizesButNot } = await api.data('{ recognizesButNot(recognizes: "XK", butNot: "IL") { code } }');
    expect(codes(recognizesButNot)).toEqual(['AF', 'BD', 'BN', 'DJ', 'KM', 'KW', 'LY', 'MR', 'MV', 'MY', 'NE', 'OM', 'PK', 'QA', 'SA', 'SO', 'SY', 'YE']);
    const bad = await api.query('{ recognizesButNot(recognizes: "XK", butNot: "QQ") { code } }');
    expect(bad.errors![0]!.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('paging', () => {
  it('pages countries by name and rejects pages over the maximum', async () => {
    const a = await api.data('{ countries(first: 3) { code } }');
    const b = await api.data('{ countries(first: 3, offset: 3) { code } }');
    expect(a.countries).toHaveLength(3);
    expect(codes(b.countries)).not.toEqual(expect.arrayContaining(codes(a.countries)));
    const tooBig = await api.query('{ countries(first: 5000) { code } }');
    expect(tooBig.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
