import { TestApi } from '../helpers';

/** Every contested state's recognitions, from the bundled recognition tables as the global seed loaded them. */
jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

const codes = (list: { code: string }[]) => list.map((c) => c.code).sort();
const recognizers = async (of: string, asOf: string | null = null) =>
  codes((await api.data('query ($of: ID!, $asOf: Date) { recognitions(of: $of, asOf: $asOf) { country { code } } }', { of, asOf })).recognitions.map((r: any) => r.country));
const standing = async (of: string, code: string, asOf: string | null = null) => {
  const { recognitionStatuses } = await api.data(
    'query ($of: ID!, $asOf: Date) { recognitionStatuses(of: $of, asOf: $asOf) { items { country { code } status withdrawn inferred recognition { since until withdrawal inferred } refusal { attestedOn inferred } } } }',
    { of, asOf },
  );
  return recognitionStatuses.items.find((i: any) => i.country.code === code);
};

describe('Taiwan and the PRC', () => {
  it("gives Taiwan's allies today as the 12 states of the file", async () => {
    expect(await recognizers('TW')).toEqual(['BZ', 'GT', 'HT', 'KN', 'LC', 'MH', 'PW', 'PY', 'SZ', 'TV', 'VA', 'VC']);
  });

  it('includes Panama (switched in 2017) and Nauru (switched in January 2024) among those recognizing Taiwan on 2016-01-01', async () => {
    const then = await recognizers('TW', '2016-01-01');
    expect(then).toEqual(expect.arrayContaining(['PA', 'NR', 'ST', 'SV', 'HN']));
    expect(then).toHaveLength(22);
  });

  it('has Nauru recognize the PRC from its 2024 switch and Taiwan no longer', async () => {
    expect(await recognizers('CN', '2024-01-23')).not.toContain('NR');
    expect(await recognizers('CN', '2024-01-24')).toContain('NR');
    expect(await recognizers('TW', '2024-01-14')).toContain('NR');
    const nauru = await standing('TW', 'NR', '2024-01-15');
    expect(nauru).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { since: '2005-05-14', until: '2024-01-15', withdrawal: 'WITHDRAWN' } });
  });

  it('names who switched away from Taiwan between 2016 and 2024, by the day, in one query', async () => {
    const { recognitionChanges } = await api.data('{ recognitionChanges(of: "TW", from: "2016-01-01", to: "2024-12-31") { change date datePrecision country { code } } }');
    expect(recognitionChanges.map((c: any) => [c.change, c.date, c.country.code])).toEqual([
      ['STOPPED', '2016-12-20', 'ST'],
      ['STOPPED', '2017-06-12', 'PA'],
      ['STOPPED', '2018-05-01', 'DO'],
      ['STOPPED', '2018-05-24', 'BF'],
      ['STOPPED', '2018-08-20', 'SV'],
      ['STOPPED', '2019-09-16', 'SB'],
      ['STOPPED', '2019-09-20', 'KI'],
      ['STOPPED', '2021-12-09', 'NI'],
      ['STOPPED', '2023-03-25', 'HN'],
      ['STOPPED', '2024-01-15', 'NR'],
    ]);
    const started = await api.data('{ recognitionChanges(of: "CN", from: "2016-01-01", to: "2024-12-31") { change country { code } } }');
    expect(started.recognitionChanges.every((c: any) => c.change === 'STARTED')).toBe(true);
    expect(codes(started.recognitionChanges.map((c: any) => c.country))).toEqual(expect.arrayContaining(['PA', 'NR', 'HN', 'NI']));
  });

  it('refuses a range whose start is after its end', async () => {
    const bad = await api.query('{ recognitionChanges(of: "TW", from: "2024-01-01", to: "2016-01-01") { change } }');
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});

describe('Palestine', () => {
  it('has the United Kingdom, Canada and Australia recognizing it from 2025-09-21, not on 2025-09-20', async () => {
    expect(await recognizers('PS', '2025-09-20')).not.toEqual(expect.arrayContaining(['GB']));
    for (const code of ['GB', 'CA', 'AU']) expect(await recognizers('PS', '2025-09-20')).not.toContain(code);
    expect(await recognizers('PS', '2025-09-21')).toEqual(expect.arrayContaining(['GB', 'CA', 'AU']));
  });

  it('has the United States and Germany on record as not recognizing it, with the date of the evidence', async () => {
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "PS") { code } }');
    expect(codes(nonRecognizers)).toEqual(expect.arrayContaining(['US', 'DE']));
    expect(await standing('PS', 'DE')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: false, refusal: { attestedOn: ['2025-12-01'], inferred: false } });
  });
});

describe('Israel', () => {
  it('has Saudi Arabia and Iran not recognizing it (Iran withdrew in 1979)', async () => {
    expect(await standing('IL', 'SA')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: false });
    expect(await standing('IL', 'IR')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { since: '1950-03-01', until: '1979-01-01' } });
    expect(await standing('IL', 'IR', '1975-01-01')).toMatchObject({ status: 'RECOGNIZES' });
  });

  it('has the UAE recognizing it from 2020-09-15, and not before', async () => {
    expect(await recognizers('IL', '2020-09-14')).not.toContain('AE');
    expect(await recognizers('IL', '2020-09-15')).toContain('AE');
  });

  it("marks a recognition that rests on a state's absence from a list as inferred, and counts such standings apart", async () => {
    expect(await standing('IL', 'DE')).toMatchObject({ status: 'RECOGNIZES', inferred: true, recognition: { inferred: true } });
    expect(await standing('IL', 'US')).toMatchObject({ status: 'RECOGNIZES', inferred: false });
    const { recognitionStatuses } = await api.data('{ recognitionStatuses(of: "IL") { counts { recognizes doesNotRecognize withdrawalClaimed unknown withdrawn inferred } } }');
    // 28 UN members do not recognize Israel (21 on record refusing, 7 withdrawn); 122 recognitions and 5 withdrawals are inferred.
    expect(recognitionStatuses.counts).toMatchObject({ doesNotRecognize: 28, withdrawn: 7, withdrawalClaimed: 1, inferred: 127 });
  });
});

describe('the states with limited recognition that no UN member but one recognizes', () => {
  it('has Northern Cyprus recognized by Turkey alone (Pakistan and Bangladesh withdrew in 1983)', async () => {
    expect(await recognizers('XN')).toEqual(['TR']);
    expect(await standing('XN', 'PK')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true });
  });

  it('has Somaliland recognized by Israel from 2025-12-26', async () => {
    expect(await recognizers('XS', '2025-12-25')).toEqual([]);
    expect(await recognizers('XS', '2025-12-26')).toEqual(['IL']);
  });
});

describe('unknown is never "no", and a withdrawal ends a recognition', () => {
  it('reports a state with no row (France for Taiwan) as UNKNOWN, never as not recognizing', async () => {
    expect(await standing('TW', 'FR')).toMatchObject({ status: 'UNKNOWN', withdrawn: false, inferred: false });
    const { nonRecognizers } = await api.data('{ nonRecognizers(of: "TW") { code } }');
    expect(codes(nonRecognizers)).not.toContain('FR');
  });

  it('does not count a withdrawn recognition after its withdrawal date (Honduras and Taiwan, 2023-03-25)', async () => {
    expect(await standing('TW', 'HN', '2023-03-24')).toMatchObject({ status: 'RECOGNIZES', withdrawn: false });
    expect(await standing('TW', 'HN', '2023-03-25')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { withdrawal: 'WITHDRAWN' } });
  });

  it('never counts a recognition withdrawn at an unknown date as holding after it began, and shows no end date for it (Seychelles and the Sahrawi Republic)', async () => {
    expect(await standing('EH', 'SC', '1990-01-01')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { since: '1977-10-25', until: null, withdrawal: 'WITHDRAWN' } });
  });

  it('keeps the word of a frozen or suspended recognition (Ecuador suspended its recognition of the Sahrawi Republic on 2024-10-22)', async () => {
    expect(await standing('EH', 'EC', '2024-10-22')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { until: '2024-10-22', withdrawal: 'SUSPENDED' } });
    expect(await standing('EH', 'CV')).toMatchObject({ recognition: { until: '2007-01-01', withdrawal: 'FROZEN' } });
  });
});

describe("Kosovo's figures", () => {
  it('are what they were, apart from Togo: recognizing from 2014 to 2019, withdrawn since (no longer a withdrawal claim)', async () => {
    const q = `query ($asOf: Date) { recognitionStatuses(of: "XK", asOf: $asOf) { counts { recognizes doesNotRecognize withdrawalClaimed unknown withdrawn inferred } } }`;
    expect((await api.data(q, { asOf: '2010-01-01' })).recognitionStatuses.counts).toEqual({ recognizes: 67, doesNotRecognize: 130, withdrawalClaimed: 0, unknown: 6, withdrawn: 0, inferred: 2 });
    expect((await api.data(q)).recognitionStatuses.counts).toEqual({ recognizes: 96, doesNotRecognize: 76, withdrawalClaimed: 25, unknown: 6, withdrawn: 1, inferred: 2 });
    expect(await standing('XK', 'TG', '2018-12-31')).toMatchObject({ status: 'RECOGNIZES' });
    expect(await standing('XK', 'TG', '2019-01-01')).toMatchObject({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, recognition: { since: '2014-07-02', until: '2019-01-01', withdrawal: 'WITHDRAWN' } });
  });

  it("keeps the article and the table's page as the sources of the US recognition, beside the data set", async () => {
    const { recognitions } = await api.data('{ recognitions(of: "XK") { country { code } since sources { id publisher } } }');
    const us = recognitions.find((r: any) => r.country.code === 'US');
    expect(us.since).toBe('2008-02-18');
    expect(us.sources.map((s: any) => s.id).sort()).toEqual(['dataset-recognition-kosovo', 'teller-2020-09-04', 'web-ina-online.net-e434f9b0d9']);
  });
});

describe('contested states', () => {
  it('lists each state with limited recognition, and Israel, with its counts on a date', async () => {
    const { contestedStates } = await api.data('{ contestedStates(asOf: "2026-01-01") { country { code statehood } counts { recognizes doesNotRecognize withdrawalClaimed unknown withdrawn inferred } } }');
    expect(codes(contestedStates.map((s: any) => s.country))).toEqual(['EH', 'IL', 'PS', 'TW', 'XA', 'XK', 'XN', 'XO', 'XS']);
    const counts = new Map(contestedStates.map((s: any) => [s.country.code, s.counts]));
    expect(counts.get('XN')).toMatchObject({ recognizes: 1, withdrawn: 2 });
    expect(counts.get('TW')).toMatchObject({ recognizes: 12, doesNotRecognize: 20, withdrawn: 20 });
    const statuses = await api.data('{ recognitionStatuses(of: "PS", asOf: "2026-01-01") { counts { recognizes doesNotRecognize withdrawalClaimed unknown withdrawn inferred } } }');
    expect(counts.get('PS')).toEqual(statuses.recognitionStatuses.counts);
  });
});
