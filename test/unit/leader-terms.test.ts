import { cleanTerms, holdersAtOnce, wikidataDay, type Term } from '../../src/datasets/leader-terms';

let line = 1;
const term = (qid: string, start: string | null, end: string | null, extra: Partial<Term> = {}): Term => ({
  line: ++line, qid, label: qid, code: 'XX', role: 'head of government', start, end, endUnknown: false, ...extra,
});
const spans = (terms: ReturnType<typeof cleanTerms>) => terms.map((t) => [t.qid, t.start, t.end, t.inferredFrom?.qid ?? null]);

describe('reading a Wikidata timestamp', () => {
  it.each([
    ['2021-06-13T00:00:00Z', { day: '2021-06-13' }],
    ['', { unknown: 'empty' }],
    ['http://www.wikidata.org/.well-known/genid/703f0681a16cec92e12644493d9bbeb1', { unknown: 'unknown-value' }],
  ])('reads %j as %j', (text, expected) => expect(wikidataDay(text, 'start')).toEqual(expected));

  it.each(['-0065-01-01T00:00:00Z', '+0000-00-00T00:00:00Z', '2021-02-30T00:00:00Z', '20254-04-01T00:00:00Z'])('rejects the impossible %j with a reason', (text) => {
    expect(wikidataDay(text, 'start')).toEqual({ reason: expect.stringMatching(/impossible/) });
  });
});

describe('cleaning the terms of one role in one country', () => {
  it("merges one person's overlapping and touching rows into one term, keeping every row's line", () => {
    const [merged, ...rest] = cleanTerms([term('Q1', '2010-01-01', '2014-05-01'), term('Q1', '2014-05-02', '2018-01-01'), term('Q1', '2012-01-01', '2013-01-01')]);
    expect(rest).toEqual([]);
    expect([merged!.start, merged!.end, merged!.lines.length, merged!.inferredFrom]).toEqual(['2010-01-01', '2018-01-01', 3, null]);
  });

  it("keeps a person's terms apart when someone else held the office in between", () => {
    expect(spans(cleanTerms([term('Q1', '2000-01-01', '2004-01-01'), term('Q2', '2004-01-01', '2008-01-01'), term('Q1', '2008-01-01', '2012-01-01')]))).toEqual([
      ['Q1', '2000-01-01', '2004-01-01', null],
      ['Q2', '2004-01-01', '2008-01-01', null],
      ['Q1', '2008-01-01', '2012-01-01', null],
    ]);
  });

  it("closes a term without an end at its successor's start, marked inferred, and leaves the last one open", () => {
    expect(spans(cleanTerms([term('Q1', '2000-01-01', null), term('Q2', '2005-03-01', null)]))).toEqual([
      ['Q1', '2000-01-01', '2005-03-01', 'Q2'],
      ['Q2', '2005-03-01', null, null],
    ]);
  });

  it('does not call an inferred end inferred when a merged row gives that end itself', () => {
    const [first] = cleanTerms([term('Q1', '2000-01-01', null), term('Q1', '2000-01-01', '2005-03-01'), term('Q2', '2005-03-01', null)]);
    expect([first!.end, first!.inferredFrom, first!.lines.length]).toEqual(['2005-03-01', null, 2]);
  });

  it('leaves the open terms of a role held by two at once (co-princes) open, and reports them as such', () => {
    const joint = [
      term('BISHOP1', '1990-01-01', '2003-01-01'), term('PRES1', '1995-05-17', '2007-05-16'), term('PRES2', '2007-05-16', '2012-05-15'),
      term('BISHOP2', '2003-05-12', null), term('PRES3', '2017-05-14', null),
    ];
    expect(holdersAtOnce(joint)).toBe(2);
    const cleaned = cleanTerms(joint);
    expect(cleaned.filter((t) => t.end === null).map((t) => [t.qid, t.concurrent])).toEqual([['BISHOP2', true], ['PRES3', false]]);
  });

  it('counts one person with overlapping rows once when asking how many hold a role at once', () => {
    expect(holdersAtOnce([term('Q1', '2021-12-10', '2022-06-23'), term('Q1', '2021-12-11', '2022-06-24'), term('Q2', '2022-06-24', '2023-01-01')])).toBe(1);
  });

  it('neither merges nor uses as a successor a term whose start is unknown', () => {
    expect(spans(cleanTerms([term('Q1', '2000-01-01', null), term('Q2', null, '2010-01-01')]))).toEqual([
      ['Q1', '2000-01-01', null, null],
      ['Q2', null, '2010-01-01', null],
    ]);
  });
});
