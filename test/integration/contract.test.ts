import { TestApi } from '../helpers';

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();

describe('who has not recognized Kosovo', () => {
  it('names Serbia, Russia and China today, and not the United States or Israel', async () => {
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "XK") { code name } }');
    expect(codes(nonRecognizers)).toEqual(['CN', 'RS', 'RU']);
  });

  it('also names Israel before the mutual recognition of 4 September 2020', async () => {
    const before = await api.data('{ nonRecognizers(of: "XK", asOf: "2020-09-03") { code } }');
    const on = await api.data('{ nonRecognizers(of: "XK", asOf: "2020-09-04") { code } }');
    expect(codes(before.nonRecognizers)).toEqual(['CN', 'IL', 'RS', 'RU']);
    expect(codes(on.nonRecognizers)).toEqual(['CN', 'RS', 'RU']);
  });

  it('shows the stated refusals with their sources', async () => {
    const { country } = await api.data('{ country(code: "XK") { notRecognizedBy { country { code } sources { publisher } } } }');
    expect(codes(country.notRecognizedBy.map((n: any) => n.country))).toEqual(['CN', 'RS', 'RU']);
    for (const refusal of country.notRecognizedBy) expect(refusal.sources.length).toBeGreaterThan(0);
  });
});

describe('who recognizes Kosovo', () => {
  it('lists the United States (2008, year only) and Israel (2020-09-04), with their sources', async () => {
    const { recognitions } = await api.data(`{ recognitions(of: "XK") {
      country { code } since sincePrecision sources { id publisher date title } } }`);
    expect(recognitions.map((r: any) => [r.country.code, r.since, r.sincePrecision])).toEqual([
      ['US', '2008-01-01', 'YEAR'],
      ['IL', '2020-09-04', 'DAY'],
    ]);
    expect(recognitions[1].sources.map((s: any) => s.publisher)).toEqual(['Teller Report', 'Radio Free Europe/Radio Liberty']);
  });

  it('accepts a lower-case code and an as-of date before any recognition', async () => {
    const { recognitions } = await api.data('{ recognitions(of: "xk", asOf: "2007-12-31") { country { code } } }');
    expect(recognitions).toEqual([]);
  });

  it('has Kosovo and Israel recognizing each other', async () => {
    const { country } = await api.data('{ country(code: "IL") { recognizes { recognized { code } } recognizedBy { country { code } } } }');
    expect(country.recognizes.map((r: any) => r.recognized.code)).toEqual(['XK']);
    expect(country.recognizedBy.map((r: any) => r.country.code)).toEqual(['XK']);
  });
});

describe('embassies in Jerusalem', () => {
  const query = `query ($city: String, $status: EmbassyStatus, $asOf: Date) {
    embassies(city: $city, status: $status, asOf: $asOf) {
      country { code } city { name } host { code } status since sincePrecision sources { publisher }
    } }`;

  it('has the US embassy opened in May 2018 and the Kosovo and Serbia pledges of 4 September 2020', async () => {
    const { embassies } = await api.data(query, { city: 'Jerusalem' });
    expect(embassies.map((e: any) => [e.country.code, e.status, e.since, e.sincePrecision, e.host.code])).toEqual([
      ['XK', 'PLEDGED', '2020-09-04', 'DAY', 'IL'],
      ['RS', 'PLEDGED', '2020-09-04', 'DAY', 'IL'],
      ['US', 'OPENED', '2018-05-01', 'MONTH', 'IL'],
    ]);
    expect(embassies[2].sources).toEqual([{ publisher: 'Radio Free Europe/Radio Liberty' }]);
  });

  it('filters by status and finds only the US embassy open in 2019', async () => {
    const opened = await api.data(query, { city: 'jerusalem', status: 'OPENED' });
    expect(opened.embassies.map((e: any) => e.country.code)).toEqual(['US']);
    const in2019 = await api.data(query, { city: 'Jerusalem', asOf: '2019-01-01' });
    expect(in2019.embassies.map((e: any) => [e.country.code, e.status])).toEqual([['US', 'OPENED']]);
  });

  it('is empty for a city with no embassies on record', async () => {
    expect((await api.data(query, { city: 'Tel Aviv' })).embassies).toEqual([]);
  });
});

describe('the Serbia–Kosovo economic normalization agreement', () => {
  const query = `{ agreements(between: ["RS", "XK"]) {
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
    expect(country.embassies).toEqual([{ city: { name: 'Jerusalem' }, status: 'PLEDGED' }]);
    expect(country.officials).toEqual([{ person: { name: 'Aleksandar Vučić' }, role: 'President' }]);
    expect(country.agreements.map((a: any) => a.id)).toEqual(['rs-xk-economic-normalization-2020', 'eu-belgrade-pristina-dialogue']);
    expect(country.agreements[0].parties.map((p: any) => p.id)).toEqual(['XK', 'RS']);
  });

  it('resolves deep fields of nested countries (Israel → recognizes → Kosovo → officials)', async () => {
    const { country } = await api.data('{ country(code: "IL") { recognizes { recognized { officials { person { name } } } } } }');
    expect(country.recognizes[0].recognized.officials.map((o: any) => o.person.name).sort()).toEqual(['Avdullah Hoti', 'Meliza Haradinaj-Stublla']);
  });

  it('lists officials in office on a date: Trump is not US president on 2021-06-01', async () => {
    const { country } = await api.data('{ country(code: "US") { officials(asOf: "2021-06-01") { person { name } } all: officials { person { name } } } }');
    expect(country.all.map((o: any) => o.person.name)).toContain('Donald Trump');
    expect(country.officials.map((o: any) => o.person.name)).not.toContain('Donald Trump');
  });

  it('lists all six countries of the articles by name', async () => {
    const { countries } = await api.data('{ countries { code } }');
    expect(countries.map((c: any) => c.code)).toEqual(['CN', 'IL', 'XK', 'RU', 'RS', 'US']);
  });

  it('lists the three articles as sources with publisher, date and title', async () => {
    const { sources } = await api.data('{ sources { id publisher date title url } }');
    expect(sources.map((s: any) => [s.id, s.date])).toEqual([
      ['rferl-2021-02-01', '2021-02-01'],
      ['afp-ibtimes-2020-09-04', '2020-09-04'],
      ['teller-2020-09-04', '2020-09-04'],
    ]);
  });
});
