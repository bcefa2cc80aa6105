import { countsOn, standingOn, timeline, type FactRecord, type RecognitionFact } from '../../web/dashboard/status';

// Made-up states and facts: the rule, not the data (the data is checked against the service in
// test/integration/dashboard-status.test.ts).
const source = { id: 'src-1', publisher: 'Example Gazette', title: 'A made-up article', date: '2010-01-01', url: null };
const country = (code: string) => ({ code, name: `State ${code}`, isoNumeric: null, region: null });
const recognition = (r: Partial<RecognitionFact>): RecognitionFact => ({ id: 'rec', since: null, sincePrecision: null, until: null, withdrawal: null, inferred: false, note: null, sources: [source], ...r });
const record = (code: string, r: Partial<FactRecord>): FactRecord => ({ country: country(code), recognition: null, refusal: null, withdrawalClaim: null, ...r });

describe("a state's standing on a day, worked out in the browser", () => {
  it('recognizes from the day a recognition began, and not before', () => {
    const a = record('AA', { recognition: recognition({ since: '2008-02-18' }) });
    expect(standingOn(a, '2008-02-17')).toEqual({ status: 'DOES_NOT_RECOGNIZE', withdrawn: false, inferred: false });
    expect(standingOn(a, '2008-02-18').status).toBe('RECOGNIZES');
  });

  it('stops recognizing on the day a recognition ended, and says it was withdrawn', () => {
    const a = record('AA', { recognition: recognition({ since: '1990-01-01', until: '2019-09-16', withdrawal: 'WITHDRAWN' }) });
    expect(standingOn(a, '2019-09-15').status).toBe('RECOGNIZES');
    expect(standingOn(a, '2019-09-16')).toEqual({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, inferred: false });
  });

  it('never counts a recognition withdrawn at a date the sources do not give as holding', () => {
    const a = record('AA', { recognition: recognition({ since: '2000-05-01', withdrawal: 'FROZEN' }) });
    expect(standingOn(a, '2000-05-01')).toEqual({ status: 'DOES_NOT_RECOGNIZE', withdrawn: true, inferred: false });
    expect(standingOn(a, '2000-04-30')).toEqual({ status: 'DOES_NOT_RECOGNIZE', withdrawn: false, inferred: false });
  });

  it('shows a withdrawal claim from its date on, and an undated one on every day', () => {
    const dated = record('AA', { recognition: recognition({ since: '2008-03-01' }), withdrawalClaim: { id: 'w', since: '2018-11-01', claimedBy: { code: 'BB', name: 'State BB' }, note: null, sources: [source] } });
    expect(standingOn(dated, '2018-10-31').status).toBe('RECOGNIZES');
    expect(standingOn(dated, '2018-11-01').status).toBe('WITHDRAWAL_CLAIMED');
    const undated = record('AA', { recognition: recognition({ since: '2008-03-01' }), withdrawalClaim: { id: 'w', since: null, claimedBy: null, note: null, sources: [] } });
    expect(standingOn(undated, '2009-01-01').status).toBe('WITHDRAWAL_CLAIMED');
  });

  it('takes a refusal on record as not recognizing, and says when it is inferred', () => {
    const a = record('AA', { refusal: { id: 'n', since: '2008-02-17', inferred: true, note: null, sources: [source] } });
    expect(standingOn(a, '1990-01-01')).toEqual({ status: 'DOES_NOT_RECOGNIZE', withdrawn: false, inferred: true });
    expect(standingOn(record('BB', {}), '2020-01-01').status).toBe('UNKNOWN');
  });

  it('counts each state once per status, withdrawn and inferred apart', () => {
    const records = [
      record('AA', { recognition: recognition({ since: '2008-02-18' }) }),
      record('BB', { recognition: recognition({ since: '1990-01-01', until: '2000-01-01', withdrawal: 'WITHDRAWN' }) }),
      record('CC', { refusal: { id: 'n', since: null, inferred: true, note: null, sources: [] } }),
      record('DD', {}),
    ];
    expect(countsOn(records, '2010-01-01')).toEqual({ recognizes: 1, doesNotRecognize: 2, withdrawalClaimed: 0, unknown: 1, withdrawn: 1, inferred: 1 });
  });

  it('builds the timeline with the states and sources behind each year', () => {
    const records = [
      record('AA', { recognition: recognition({ since: '2008-02-18' }) }),
      record('BB', { recognition: recognition({ since: '2008-03-01', until: '2010-06-01', withdrawal: 'WITHDRAWN' }) }),
      record('CC', { recognition: recognition({}) }),
    ];
    const t = timeline(records);
    expect(t.undated).toBe(1);
    expect(t.years.map((y) => [y.year, y.recognitions, y.cumulative, y.withdrawals, y.holding])).toEqual([
      [2008, 2, 2, 0, 3],
      [2009, 0, 2, 0, 3],
      [2010, 0, 2, 1, 2],
    ]);
    expect(t.years[0]!.states.map((s) => s.code)).toEqual(['AA', 'BB']);
    expect(t.years[0]!.states[0]!.sources).toEqual([source]);
  });
});
