import { claimDate, pageSources, partialDate } from '../../src/graph/seed-inputs';

describe('reading the fact tables', () => {
  it.each([
    ['2008-02-17', { validFrom: '2008-02-17', precision: 'DAY' }],
    ['2011-08', { validFrom: '2011-08-01', precision: 'MONTH' }],
    ['2020', { validFrom: '2020-01-01', precision: 'YEAR' }],
    ['Feb 2008', undefined],
  ])('reads the date %j with its precision', (text, expected) => expect(partialDate(text)).toEqual(expected));

  it('turns a source cell into one source per page, with site, description or slug, and a date from the address', () => {
    const [a, b] = pageSources(
      'https://ina-online.net/sa-shtete/ (Gazeta Monitor reprint of Kosovo MFA list) | https://www.dailysabah.com/mideast/2018/09/05/netanyahu-orders-closure.html',
    );
    expect(a).toMatchObject({ publisher: 'ina-online.net', title: 'Gazeta Monitor reprint of Kosovo MFA list', date: null, url: 'https://ina-online.net/sa-shtete/' });
    expect(b).toMatchObject({ publisher: 'dailysabah.com', title: 'netanyahu orders closure', date: '2018-09-05' });
    expect(a!.id).not.toBe(b!.id);
    expect(pageSources('https://ina-online.net/sa-shtete/')[0]!.id).toBe(a!.id);
  });

  it.each([
    ['recognised 2008; Vucic claimed on 2023-01-04 that it withdrew', { validFrom: '2023-01-04', precision: 'DAY' }],
    ['recognised 23 Apr 2008 (SNORK); Serbia claimed Nauru became 17th state to withdraw (Nov 2019)', { validFrom: '2019-11-01', precision: 'MONTH' }],
    ['period of recognition 16 Oct 2012 - 15 Feb 2018 (Serbian claim)', { validFrom: '2018-02-15', precision: 'DAY' }],
    ['PM proclaimed support 3 Oct 2012; Serbia published a withdrawal note in Jul 2018', { validFrom: '2018-07-01', precision: 'MONTH' }],
    ['recognised 2012; nothing more said', undefined],
  ])('dates the withdrawal claim in %j', (note, expected) => expect(claimDate(note)).toEqual(expected));
});
