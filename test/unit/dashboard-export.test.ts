import { parse } from 'csv-parse/sync';
import { citeText, sourcesCell, toCsv, toJson, type Table } from '../../web/dashboard/export';

const sources = [
  { id: 'web-1', publisher: 'Example "Gazette"', title: 'Recognition, at last', date: '2008-02-18', url: 'https://example.org/a' },
  { id: 'dataset-recognition-example', publisher: 'diplograph', title: 'Who recognizes Example', date: null, url: 'seeds/example.csv' },
];
const table: Table = {
  name: 'recognition-of-XK-2009-12-31',
  columns: ['state', 'status', 'inferred', 'since', 'sources'],
  rows: [
    { state: 'Bosnia, and "Herzegovina"', status: 'DOES_NOT_RECOGNIZE', inferred: false, since: null, sources: sourcesCell(sources) },
    { state: 'Line\nbreak', status: 'RECOGNIZES', inferred: true, since: '2008-02-18', sources: '' },
  ],
};

describe("the dashboard's exports", () => {
  it('writes CSV that a CSV reader gives back cell for cell, quotes, commas and line breaks included', () => {
    const rows = parse(toCsv(table), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { state: 'Bosnia, and "Herzegovina"', status: 'DOES_NOT_RECOGNIZE', inferred: 'false', since: '', sources: 'Example "Gazette": Recognition, at last (2008-02-18) <https://example.org/a> | diplograph: Who recognizes Example <seeds/example.csv>' },
      { state: 'Line\nbreak', status: 'RECOGNIZES', inferred: 'true', since: '2008-02-18', sources: '' },
    ]);
  });

  it('writes JSON with every column, null where a cell is empty', () => {
    expect(JSON.parse(toJson(table))[0]).toEqual({ state: 'Bosnia, and "Herzegovina"', status: 'DOES_NOT_RECOGNIZE', inferred: false, since: null, sources: expect.stringContaining('Example "Gazette"') });
  });

  it('cites the data sets by name and the date of the view', () => {
    const text = citeText({ subject: 'Recognition of Kosovo', date: '2009-12-31', url: 'http://localhost:4000/dashboard?of=XK&date=2009-12-31', accessed: '2026-01-02', sources: [...sources, sources[0]!] });
    expect(text).toBe(
      'diplograph, "Recognition of Kosovo", as of 2009-12-31. http://localhost:4000/dashboard?of=XK&date=2009-12-31 (accessed 2026-01-02). Data sets: diplograph, "Who recognizes Example", seeds/example.csv. With 1 further published source cited row by row in the export.',
    );
  });
});
