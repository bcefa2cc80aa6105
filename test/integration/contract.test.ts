import { TestApi } from '../helpers';

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

describe('who has not recognized Kosovo (articles and world data together)', () => {
  it('names Serbia, Russia and China among the 76 non-recognizers today (Togo withdrew in 2019), and not the United States or Israel', async () => {
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "XK") { code name } }');
    const list = codes(nonRecognizers);
    expect(list).toEqual(expect.arrayContaining(['CN', 'RS', 'RU', 'ES', 'IN', 'BR']));
    expect(list).not.toEqual(expect.arrayContaining(['US']));
    expect(list).not.toContain('IL');
    expect(list).toHaveLength(76);
  });

  it('also names Israel the day before the mutual recognition of 4 September 2020', async () => {
    const before = await api.data('{ nonRecognizers(of: "XK", asOf: "2020-09-03") { code } }');
    const on = await api.data('{ nonRecognizers(of: "XK", asOf: "2020-09-04") { code } }');
    expect(codes(before.nonRecognizers)).toContain('IL');
    expect(codes(on.nonRecognizers)).not.toContain('IL');
  });

  it('shows the stated refusals of Serbia, Russia and China with the articles among their sources', async () => {
    const { country } = await api.data('{ country(code: "XK") { notRecognizedBy { country { code } sources { id } } } }');
    const byCode = new Map(country.notRecognizedBy.map((n: any) => [n.country.code, n.sources.map((s: any) => s.id)]));
    for (const code of ['RS', 'RU', 'CN']) expect(byCode.get(code)).toEqual(expect.arrayContaining(['teller-2020-09-04', 'rferl-2021-02-01']));
    for (const refusal of country.notRecognizedBy) expect(refusal.sources.length).toBeGreaterThan(0);
  });
});

describe('who recognizes Kosovo', () => {
  it("has the United States from 2008-02-18, the day given by the data, with the article, the table's page and the table's data set as sources", async () => {
    const { recognitions } = await api.data('{ recognitions(of: "XK") { country { code } since sincePrecision sources { id } } }');
    const us = recognitions.find((r: any) => r.country.code === 'US');
    expect(us).toMatchObject({ since: '2008-02-18', sincePrecision: 'DAY' });
    expect(us.sources.map((s: any) => s.id)).toEqual(expect.arrayContaining(['teller-2020-09-04']));
    expect(us.sources.length).toBe(3);
  });

  it('keeps both dates for Israel where the article and the table disagree, and says so', async () => {
    const { recognitions } = await api.data('{ recognitions(of: "XK") { country { code } since note sources { id } } }');
    const il = recognitions.find((r: any) => r.country.code === 'IL');
    expect(il.since).toBe('2020-09-04');
    expect(il.note).toMatch(/Sources disagree on the date: 2020-09-04 .* and 2021-02-01/);
    expect(il.sources.length).toBeGreaterThan(2);
  });

  it('lists Costa Rica first, on the day after the declaration, and pages by first/offset', async () => {
    const first = await api.data('{ recognitions(of: "xk", first: 2) { country { code } since } }');
    expect(first.recognitions).toEqual([
      { country: { code: 'CR' }, since: '2008-02-17' },
      { country: { code: 'AF' }, since: '2008-02-18' },
    ]);
    const next = await api.data('{ recognitions(of: "XK", first: 1, offset: 1) { country { code } } }');
    expect(next.recognitions).toEqual([{ country: { code: 'AF' } }]);
  });

  it('fetches sources only when asked, and gives the same recognitions either way', async () => {
    const light = await api.data('{ recognitions(of: "XK") { id since } }');
    const full = await api.data('{ recognitions(of: "XK") { id since sources { id } } }');
    expect(light.recognitions).toEqual(full.recognitions.map((r: any) => ({ id: r.id, since: r.since })));
    expect(full.recognitions.every((r: any) => r.sources.length > 0)).toBe(true);
    const viaFragment = await api.data('{ recognitions(of: "XK", first: 1) { ...R } } fragment R on Recognition { sources { id } }');
    expect(viaFragment.recognitions[0].sources.length).toBeGreaterThan(0);
  });

  it('has Kosovo and Israel recognizing each other', async () => {
    const { country } = await api.data('{ country(code: "IL") { recognizes { recognized { code } } recognizedBy { country { code } } } }');
    expect(country.recognizes.map((r: any) => r.recognized.code)).toEqual(['XK', 'XS']);
    expect(country.recognizedBy.map((r: any) => r.country.code)).toContain('XK');
  });
});

describe('embassies in Jerusalem', () => {
  const query = `query ($city: String, $country: ID, $status: EmbassyStatus, $asOf: Date) {
    embassies(city: $city, country: $country, status: $status, asOf: $asOf) {
      country { code } city { name } host { code } status since sincePrecision sources { id }
    } }`;

  it('has the US embassy opened on 14 May 2018 (the article’s May 2018, made exact by the table), with both sources', async () => {
    const { embassies } = await api.data(query, { city: 'Jerusalem', country: 'US' });
    expect(embassies).toHaveLength(1);
    expect(embassies[0]).toMatchObject({ status: 'OPENED', since: '2018-05-14', sincePrecision: 'DAY', host: { code: 'IL' } });
    expect(embassies[0].sources.map((s: any) => s.id)).toContain('rferl-2021-02-01');
  });

  it('records the Kosovo and Serbia pledges of 4 September 2020, then Kosovo’s opening and Serbia’s lapsed pledge', async () => {
    const then = await api.data(query, { city: 'jerusalem', asOf: '2020-12-31', status: 'PLEDGED' });
    expect(codes(then.embassies.map((e: any) => e.country))).toEqual(expect.arrayContaining(['RS', 'XK']));
    const now = await api.data(query, { city: 'Jerusalem' });
    const status = new Map(now.embassies.map((e: any) => [e.country.code, e.status]));
    expect(status.get('XK')).toBe('OPENED');
    expect(status.get('RS')).toBe('PLEDGE_LAPSED');
  });

  it.each([
    ['2018-06-01', 'OPENED', '2018-05-21'],
    ['2019-01-01', 'MOVED_BACK', '2018-09-05'],
    ['2025-01-01', 'REOPENED', '2024-12-12'],
  ])('has Paraguay’s embassy as of %s: %s since %s', async (asOf, status, since) => {
    const { embassies } = await api.data(query, { city: 'Jerusalem', country: 'PY', asOf });
    expect(embassies.map((e: any) => [e.status, e.since])).toEqual([[status, since]]);
  });

  it('names the states open in Jerusalem as of September 2025: the US, Guatemala, Kosovo, Honduras, Papua New Guinea, Fiji, and Paraguay reopened', async () => {
    const opened = await api.data(query, { city: 'Jerusalem', asOf: '2025-09-30', status: 'OPENED' });
    expect(codes(opened.embassies.map((e: any) => e.country))).toEqual(['FJ', 'GT', 'HN', 'PG', 'US', 'XK']);
    const reopened = await api.data(query, { city: 'Jerusalem', asOf: '2025-09-30', status: 'REOPENED' });
    expect(codes(reopened.embassies.map((e: any) => e.country))).toEqual(['PY']);
  });

  it('lists the states whose embassy moved or whose pledge lapsed, with the whole history', async () => {
    const { embassyChanges } = await api.data('{ embassyChanges(city: "Jerusalem") { country { code } history { status date } } }');
    expect(embassyChanges.map((e: any) => e.country.code)).toEqual(['PY', 'RS']);
    expect(embassyChanges[0].history.map((h: any) => h.status)).toEqual(['OPENED', 'MOVED_BACK', 'PLEDGED', 'REOPENED']);
  });

  it('gives the same embassies whether or not sources are asked for', async () => {
    const light = await api.data('{ embassies(city: "Jerusalem") { country { code } status since } }');
    const full = await api.data('{ embassies(city: "Jerusalem") { country { code } status since sources { id } } }');
    expect(light.embassies).toEqual(full.embassies.map(({ sources: _sources, ...rest }: any) => rest));
    expect(full.embassies.every((e: any) => e.sources.length > 0)).toBe(true);
  });

  it('is empty for a city with no embassies on record', async () => {
    expect((await api.data(query, { city: 'Tel Aviv' })).embassies).toEqual([]);
  });
});

describe('the Serbia–Kosovo economic normalization agreement', () => {
  const query = `{ agreements(between: ["RS", "XK"], first: 10) {
    id title date kind status
    parties { id name }
    signatories { person { name } onBehalfOf { code } role date }
    mediators { role actor { __typename id name } }
    sources { id }
  } }`;

  it('was signed on 4 September 2020 by Vučić for Serbia and Hoti for Kosovo', async () => {
    const { agreements } = await api.data(query);
    const deal = agreements.find((a: any) => a.id === 'rs-xk-economic-normalization-2020');
    expect(deal).toMatchObject({ date: '2020-09-04', kind: 'ECONOMIC_NORMALIZATION', status: 'SIGNED' });
    expect(deal.parties.map((p: any) => p.id)).toEqual(['XK', 'RS']);
    expect(deal.signatories.map((s: any) => [s.person.name, s.onBehalfOf.code, s.date])).toEqual([
      ['Aleksandar Vučić', 'RS', '2020-09-04'],
      ['Avdullah Hoti', 'XK', '2020-09-04'],
    ]);
    expect(deal.sources.map((s: any) => s.id).sort()).toEqual(['afp-ibtimes-2020-09-04', 'rferl-2021-02-01', 'teller-2020-09-04']);
  });

  it('was mediated by the United States, O’Brien and Grenell (with Trump as convener)', async () => {
    const { agreements } = await api.data(query);
    const deal = agreements.find((a: any) => a.id === 'rs-xk-economic-normalization-2020');
    expect(deal.mediators.map((m: any) => [m.actor.__typename, m.actor.name])).toEqual([
      ['Country', 'United States'],
      ['Person', 'Donald Trump'],
      ['Person', 'Richard Grenell'],
      ['Person', "Robert O'Brien"],
    ]);
  });

  it('sits beside the EU-led dialogue, the only other agreement between the two', async () => {
    const { agreements } = await api.data(query);
    expect(agreements.map((a: any) => a.id)).toEqual(['rs-xk-economic-normalization-2020', 'eu-belgrade-pristina-dialogue']);
    expect(agreements[1].mediators.map((m: any) => [m.actor.__typename, m.actor.id])).toEqual([['Organization', 'EU']]);
  });

  it('lists Kosovo–Israel agreements for party IL, newest first', async () => {
    const { agreements } = await api.data('{ agreements(party: "IL") { id signatories { person { name } } } }');
    expect(agreements.map((a: any) => a.id)).toEqual(['xk-il-diplomatic-relations-2021', 'xk-il-mutual-recognition-2020']);
    expect(agreements[0].signatories.map((s: any) => s.person.name)).toEqual(['Gabi Ashkenazi', 'Meliza Haradinaj-Stublla']);
  });
});

describe('people by any name variant', () => {
  it.each(['Avdullah Hoti', 'Abdullah Hoti', 'abdullah hoti', '  AVDULLAH HOTI '])('finds Kosovo’s prime minister as %j', async (name) => {
    const { person } = await api.data('query ($name: String!) { person(name: $name) { id name offices { role country { code } } signed { id } } }', { name });
    expect(person).toEqual({
      id: 'avdullah-hoti',
      name: 'Avdullah Hoti',
      offices: [{ role: 'Prime Minister', country: { code: 'XK' } }],
      signed: [{ id: 'rs-xk-economic-normalization-2020' }],
    });
  });

  it('finds Vučić with or without diacritics, and Grenell as a mediator', async () => {
    const plain = await api.data('{ person(name: "Aleksandar Vucic") { id } }');
    expect(plain.person.id).toBe('aleksandar-vucic');
    const grenell = await api.data('{ person(name: "Richard Grenell") { mediated { id } offices { role } } }');
    expect(grenell.person.mediated).toEqual([{ id: 'rs-xk-economic-normalization-2020' }]);
    expect(grenell.person.offices).toEqual([{ role: 'Envoy to the Serbia–Kosovo negotiations' }]);
  });
});

describe('a country and its nested facts', () => {
  it('answers Serbia with its pledge, its president, its agreements and the facts about it', async () => {
    const { country } = await api.data(`{ country(code: "RS") {
      id code name aliases
      embassies { city { name } status }
      officials { person { name } role }
      agreements { id parties { id } }
      sources { id }
    } }`);
    expect(country).toMatchObject({ id: 'RS', code: 'RS', name: 'Serbia' });
    expect(country.aliases).toContain('Belgrade');
    expect(country.embassies).toEqual([{ city: { name: 'Jerusalem' }, status: 'PLEDGE_LAPSED' }]);
    // the article's office and the leaders data set's terms, side by side
    expect(country.officials).toContainEqual({ person: { name: 'Aleksandar Vučić' }, role: 'President' });
    expect(country.officials).toContainEqual({ person: { name: 'Aleksandar Vučić' }, role: 'head of state' });
    expect(country.agreements.map((a: any) => a.id)).toEqual(['rs-xk-economic-normalization-2020', 'eu-belgrade-pristina-dialogue']);
    expect(country.agreements[0].parties.map((p: any) => p.id)).toEqual(['XK', 'RS']);
  });

  it('resolves deep fields of nested countries (Israel → recognizes → Kosovo → officials)', async () => {
    const { country } = await api.data('{ country(code: "IL") { recognizes(first: 10) { recognized { officials { person { name } } } } } }');
    expect(country.recognizes[0].recognized.officials.map((o: any) => o.person.name).sort()).toEqual(['Avdullah Hoti', 'Meliza Haradinaj-Stublla']);
  });

  it('lists officials in office on a date: Trump is not US president on 2021-06-01', async () => {
    const { country } = await api.data('{ country(code: "US") { officials(asOf: "2021-06-01") { person { name } } all: officials { person { name } } } }');
    expect(country.all.map((o: any) => o.person.name)).toContain('Donald Trump');
    expect(country.officials.map((o: any) => o.person.name)).not.toContain('Donald Trump');
  });

  it('keeps the three articles among the sources, with publisher, date and title', async () => {
    const { sources } = await api.data('{ sources { id publisher date title url } }');
    const articles = sources.filter((s: any) => ['rferl-2021-02-01', 'afp-ibtimes-2020-09-04', 'teller-2020-09-04'].includes(s.id));
    expect(articles.map((s: any) => [s.id, s.date])).toEqual([
      ['rferl-2021-02-01', '2021-02-01'],
      ['afp-ibtimes-2020-09-04', '2020-09-04'],
      ['teller-2020-09-04', '2020-09-04'],
    ]);
  });
});
