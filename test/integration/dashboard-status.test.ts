import { ENTITY_QUERY, type EntityData } from '../../web/dashboard/api';
import { standingOn, timeline, todayUtc } from '../../web/dashboard/status';
import { TestApi } from '../helpers';

/**
 * The dashboard loads every state's facts about an entity once and works out the standing on any
 * day in the browser (web/dashboard/status.ts). Here, for every contested state and on days around
 * the changes, what it works out must be the service's own answer, state by state; and its
 * timeline the service's recognitionTimeline.
 */
let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(async () => {
  await api?.stop();
});

const DAYS = ['1950-06-30', '1975-01-01', '1988-11-15', '1995-12-31', '2008-02-17', '2008-02-18', '2010-12-31', '2016-12-31', '2019-09-16', '2021-06-30', '2024-12-31', todayUtc()];

describe('standings worked out in the browser', () => {
  it('are the service\'s on every day, for every contested state, and so are the timelines', async () => {
    const { contestedStates } = await api.data<{ contestedStates: { country: { code: string } }[] }>('{ contestedStates { country { code } } }');
    const codes = contestedStates.map((c) => c.country.code);
    expect(codes).toEqual(expect.arrayContaining(['XK', 'PS', 'TW', 'IL', 'EH', 'XN', 'XA', 'XO', 'XS']));
    let compared = 0;
    for (const of of codes) {
      const data = await api.data<EntityData>(ENTITY_QUERY, { of, withAgreements: false });
      const records = data.recognitionStatuses.items;
      expect(records.length).toBe(data.recognitionStatuses.total);
      for (const day of DAYS) {
        const server = await api.data<{ recognitionStatuses: { items: { country: { code: string }; status: string; withdrawn: boolean; inferred: boolean }[] } }>(
          'query ($of: ID!, $asOf: Date) { recognitionStatuses(of: $of, asOf: $asOf, first: 300) { items { country { code } status withdrawn inferred } } }',
          { of, asOf: day },
        );
        const theirs = Object.fromEntries(server.recognitionStatuses.items.map((i) => [i.country.code, { status: i.status, withdrawn: i.withdrawn, inferred: i.inferred }]));
        const ours = Object.fromEntries(records.map((r) => [r.country.code, standingOn(r, day)]));
        expect({ of, day, standings: ours }).toEqual({ of, day, standings: theirs });
        compared += Object.keys(theirs).length;
      }
      const { recognitionTimeline } = await api.data<{ recognitionTimeline: { undated: number; years: Record<string, number>[] } }>(
        'query ($of: ID!) { recognitionTimeline(of: $of) { undated years { year recognitions cumulative withdrawals withdrawalClaims } } }',
        { of },
      );
      const mine = timeline(records);
      expect({ of, undated: mine.undated, years: mine.years.map(({ year, recognitions, cumulative, withdrawals, withdrawalClaims }) => ({ year, recognitions, cumulative, withdrawals, withdrawalClaims })) }).toEqual({
        of,
        ...recognitionTimeline,
      });
    }
    // nine entities, a dozen days, about two hundred states each
    expect(compared).toBeGreaterThan(9 * DAYS.length * 150);
  });
});
