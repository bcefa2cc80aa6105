import type { EmbassyEventRecord } from '../../src/graph/records';
import { embassiesAsOf, holdsOn } from '../../src/graph/temporal';

const event = (id: string, status: EmbassyEventRecord['status'], date: string): EmbassyEventRecord => ({
  id,
  status,
  date,
  datePrecision: 'DAY',
  note: null,
  country: { code: 'PY', name: 'Paraguay', aliases: [] },
  city: { id: 'jerusalem', name: 'Jerusalem', aliases: [] },
  host: null,
  sources: [],
});

describe('as-of rules', () => {
  it('a fact holds from its start (inclusive) until its end (exclusive); unknown bounds are open', () => {
    expect(holdsOn({ since: '2020-09-04', until: null }, '2020-09-04')).toBe(true);
    expect(holdsOn({ since: '2020-09-04', until: null }, '2020-09-03')).toBe(false);
    expect(holdsOn({ since: null, until: '2021-02-01' }, '2021-02-01')).toBe(false);
    expect(holdsOn({ since: null, until: null }, '1900-01-01')).toBe(true);
  });

  it('an embassy has the status of its latest event by the day asked, and keeps its whole history', () => {
    const events = [event('b', 'MOVED_BACK', '2018-09-05'), event('a', 'OPENED', '2018-05-21')];
    expect(embassiesAsOf(events, '2018-05-20')).toEqual([]);
    expect(embassiesAsOf(events, '2018-06-01').map((e) => e.status)).toEqual(['OPENED']);
    const later = embassiesAsOf(events, '2019-01-01');
    expect(later.map((e) => [e.status, e.since])).toEqual([['MOVED_BACK', '2018-09-05']]);
    expect(later[0]!.history.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
