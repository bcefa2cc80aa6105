import { DEFAULT_VIEW, isDay, parseView, serializeView, type ViewState } from '../../web/dashboard/url-state';

describe("the dashboard's address", () => {
  it('gives back the same view after a round trip through the address', () => {
    const views: ViewState[] = [
      { of: 'TW', date: '1990-12-31', sel: 'LC', tab: 'network', missions: 'in' },
      { of: 'XK', date: null, sel: null, tab: 'recognition', missions: 'abroad' },
      { of: 'EH', date: '2009-02-28', sel: null, tab: 'agreements', missions: 'abroad' },
    ];
    for (const view of views) expect(parseView(serializeView(view))).toEqual(view);
  });

  it('writes only what differs from the default, the entity always', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('?of=XK');
    expect(serializeView({ of: 'PS', date: '2012-11-29', sel: 'FR', tab: 'network', missions: 'in' })).toBe('?of=PS&date=2012-11-29&sel=FR&tab=network&missions=in');
  });

  it('reads codes in either case and falls back to the default for anything malformed', () => {
    expect(parseView('?of=tw&sel=lc')).toEqual({ of: 'TW', date: null, sel: 'LC', tab: 'recognition', missions: 'abroad' });
    expect(parseView('?of=Taiwan&date=2021-02-30&sel=1&tab=admin&missions=everywhere')).toEqual(DEFAULT_VIEW);
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('takes only real calendar days as dates', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2008-2-17')).toBe(false);
  });
});
