import { int } from 'neo4j-driver';
import { loadQueries } from '../../src/graph/queries';
import { pageParams } from '../../src/graph/repositories/countries';
import { testGraph } from '../helpers';

/**
 * Every named query runs against the seeded Neo4j with realistic parameters and returns what the
 * seed data implies. A new file in cypher/queries without a row here fails the first test.
 */
const graph = testGraph();
afterAll(() => graph.close());

const page = (skip: number, limit: number) => pageParams({ skip, limit });

const cases: Record<string, { params: Record<string, unknown>; check: (rows: any[]) => void }> = {
  countries: {
    params: { codes: null, nameKey: null, region: null, memberOf: 'EU', asOf: '2021-01-01', parts: [], ...page(0, 3) },
    check: (rows) => expect(rows.map((r) => r.country.code)).toEqual(['AT', 'BE', 'BG']),
  },
  recognitions: {
    params: { of: 'XN', asOf: null, parts: ['evidence'], ...page(0, 10) },
    check: (rows) => {
      expect(rows).toHaveLength(1);
      expect(rows[0].targetKnown).toBe(true);
      expect(rows[0].recognitions.map((r: any) => r.country.code)).toEqual(['TR']);
      expect(rows[0].recognitions[0].sources.map((s: any) => s.id)).toContain('dataset-recognition-cyprus-north-abkhazia-south-ossetia-somaliland');
    },
  },
  'recognition-statuses': {
    params: { of: 'XK', asOf: null, country: null, status: 'DOES_NOT_RECOGNIZE', region: null, memberOf: 'NATO', ...page(0, 10) },
    check: (rows) => {
      expect(rows[0].total).toBe(4);
      expect(rows[0].items.map((i: any) => i.country.code)).toEqual(['GR', 'RO', 'SK', 'ES']);
    },
  },
  'recognition-timeline': {
    params: { of: 'XK' },
    check: (rows) => {
      expect(rows[0].years[0]).toEqual({ year: 2008, recognitions: rows[0].years[0].recognitions, cumulative: rows[0].years[0].recognitions, withdrawalClaims: 0, withdrawals: 0 });
      // Togo's withdrawal, the one dated withdrawal of a recognition of Kosovo
      expect(rows[0].years.find((y: any) => y.year === 2019).withdrawals).toBe(1);
    },
  },
  'contested-states': {
    params: { asOf: '2026-01-01' },
    check: (rows) => {
      expect(rows.map((r) => r.country.code)).toEqual(['XA', 'IL', 'XK', 'XN', 'PS', 'XS', 'XO', 'TW', 'EH']);
      expect(rows.find((r) => r.country.code === 'XN').counts).toMatchObject({ recognizes: 1, withdrawn: 2 });
    },
  },
  'graph-version': {
    params: {},
    check: (rows) => {
      // the number of the last audit entry; the seed's imports wrote entries, every one numbered, none twice
      expect(typeof rows[0].version).toBe('number');
      expect(rows[0].version).toBeGreaterThanOrEqual(0);
    },
  },
  'recognition-changes': {
    params: { of: 'TW', from: '2016-01-01', to: '2018-01-01', ...page(0, 10) },
    check: (rows) =>
      expect(rows.map((r) => [r.item.change, r.item.date, r.item.country.code])).toEqual([
        ['STOPPED', '2016-12-20', 'ST'],
        ['STOPPED', '2017-06-12', 'PA'],
      ]),
  },
  'recognizes-but-not': {
    params: { recognizes: 'XK', butNot: 'IL', asOf: '2020-01-01', ...page(0, 10) },
    // On record refusing Israel (or recognizing it only later: Bahrain, in September 2020)
    check: (rows) => expect(rows.map((r) => r.country.code)).toEqual(['AF', 'BH', 'BD', 'BN', 'KM', 'DJ', 'KW', 'LY', 'MY', 'MV']),
  },
  'non-recognizers': {
    params: { of: 'XK', asOf: null, region: null, memberOf: 'EU', parts: [], ...page(0, 10) },
    check: (rows) => expect(rows.map((r) => r.country.code)).toEqual(['CY', 'GR', 'RO', 'SK', 'ES']),
  },
  'country-known': {
    params: { codes: ['XK', 'ZZ', 'RS'] },
    check: (rows) => expect(rows[0].known.sort()).toEqual(['RS', 'XK']),
  },
  'embassy-events': {
    params: { cityKey: 'jerusalem', country: 'PY', parts: ['evidence'] },
    check: (rows) => expect(rows.map((r) => r.event.status)).toEqual(['OPENED', 'MOVED_BACK', 'PLEDGED', 'REOPENED']),
  },
  agreements: {
    params: { ids: null, party: null, between: ['XK', 'IL'], parts: [], ...page(0, 10) },
    check: (rows) => expect(rows.map((r) => r.agreement.id)).toEqual(['xk-il-diplomatic-relations-2021', 'xk-il-mutual-recognition-2020']),
  },
  people: {
    params: { nameKey: 'gabriel ashkenazi', ids: null },
    check: (rows) => expect(rows.map((r) => r.person.id)).toEqual(['gabi-ashkenazi']),
  },
  leaders: {
    params: { codes: ['IL', 'GB', 'ZZ'], roles: ['head of government'], asOf: '2021-07-01', ...page(0, 10) },
    check: (rows) => {
      expect(rows.map((r) => [r.code, r.known])).toEqual([['IL', true], ['GB', true], ['ZZ', false]]);
      expect(rows[0].offices.map((o: any) => o.person.name)).toEqual(['Naftali Bennett']);
      expect(rows[1].offices.map((o: any) => o.person.name)).toEqual(['Boris Johnson']);
    },
  },
  organizations: {
    params: {},
    check: (rows) => expect(rows.map((r) => r.organization.code)).toEqual(['CTA', 'EU', 'NATO', 'QUEBEC', 'SMOM', 'UN']),
  },
  history: {
    params: { of: 'XK', ...page(0, 10) },
    check: (rows) => expect(rows).toEqual([]), // the read tests' graph is never written through the API
  },
  sources: {
    params: { ...page(0, 2), workspace: false },
    check: (rows) => expect(rows).toHaveLength(2),
  },
  gazetteer: {
    params: {},
    check: (rows) => {
      const serbia = rows[0].countries.find((c: any) => c.code === 'RS');
      expect(serbia).toMatchObject({ name: 'Serbia', demonyms: ['Serbian'], capitals: ['Belgrade'] });
      expect(rows[0].people.find((p: any) => p.id === 'avdullah-hoti')).toMatchObject({ aliases: expect.arrayContaining(['Abdullah Hoti']), countries: ['XK'] });
      expect(rows[0].organizations.map((o: any) => o.code)).toEqual(['CTA', 'EU', 'NATO', 'QUEBEC', 'SMOM', 'UN']);
    },
  },
  'candidate-context': {
    params: { pairs: [{ subject: 'RS', object: 'XK' }, { subject: 'gabi-ashkenazi', object: 'IL' }], partySets: [['XK', 'IL']] },
    check: (rows) => {
      expect(rows[0].facts.map((f: any) => `${f.type} ${f.id}`).sort()).toEqual(['DOES_NOT_RECOGNIZE nonrec-RS-XK', 'HOLDS_OFFICE office-ashkenazi-il-fm']);
      expect(rows[0].agreements.map((a: any) => a.agreement.id).sort()).toEqual(['xk-il-diplomatic-relations-2021', 'xk-il-mutual-recognition-2020']);
    },
  },
  candidates: {
    params: { ids: null, status: 'PENDING', source: null, type: null, ...page(0, 10) },
    check: (rows) => expect(rows).toEqual([]), // the read tests' graph has ingested nothing
  },
  missions: {
    params: {
      scopes: null, scopeRole: null, ids: null, sender: 'XK', host: null, accreditedTo: null, cityKey: 'jerusalem', type: null, near: null,
      includeUnlisted: false, relationsEvidence: ['EMBASSY'], embassyTypes: ['EMBASSY'], parts: ['history', 'accreditations', 'evidence'], ...page(0, 10),
    },
    check: (rows) => {
      expect(rows).toHaveLength(1);
      expect(rows[0].totalCount).toBe(1);
      expect(rows[0].items[0]).toMatchObject({ type: 'EMBASSY', host: { code: 'IL' }, accreditedTo: [{ code: 'IL' }], evidenceOfRelations: true });
      expect(rows[0].items[0].history.map((e: any) => e.status)).toEqual(['PLEDGED', 'OPENED']);
    },
  },
  'embassy-missions': {
    params: { pairs: [{ country: 'US', city: 'jerusalem' }, { country: 'FR', city: 'jerusalem' }], embassyTypes: ['EMBASSY'] },
    check: (rows) => expect(rows.map((r) => `${r.country} ${r.mission}`)).toEqual(['US Q53492009']),
  },
  'diplomatic-networks': {
    params: { codes: ['XK', 'US'], groups: { embassies: ['EMBASSY'], consulates: ['CONSULATE_GENERAL', 'CONSULATE'], honorary: ['HONORARY_CONSULATE'] }, ...page(0, 10) },
    check: (rows) => {
      expect(rows.map((r) => r.network.country.code)).toEqual(['US', 'XK']);
      expect(rows[0].network.rank).toBeLessThan(rows[1].network.rank);
    },
  },
  'diplomatic-relations': {
    params: { codes: ['XK', 'TW'], with: 'AL', parts: ['evidence'], ...page(0, 10) },
    check: (rows) => {
      const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
      expect(byCode.XK.items.map((r: any) => [r.country.code, r.inferred])).toEqual([['AL', true]]);
      expect(byCode.TW.totalCount).toBe(0);
    },
  },
  'changes-since': {
    params: { after: int(0), limit: int(2) },
    check: (rows) => {
      // the seed's imports are the first entries of the trail, in the order of their numbers
      expect(rows).toHaveLength(2);
      expect(rows[0].change.seq).toBeGreaterThan(0);
      expect(rows[1].change.seq).toBeGreaterThan(rows[0].change.seq);
      expect(rows[0].change).toMatchObject({ mutation: 'importDataset', before: null });
      expect(rows[0].change.involves).toContain(rows[0].change.target);
    },
  },
  'sources-by-ids': {
    params: { ids: ['rferl-2021-02-01', 'no-such-source'] },
    check: (rows) => expect(rows.map((r) => r.source.id)).toEqual(['rferl-2021-02-01']),
  },
  'recognitions-by-id': {
    params: { ids: ['rec-US-XK'] },
    check: (rows) => {
      expect(rows).toHaveLength(1);
      expect(rows[0].recognition).toMatchObject({ id: 'rec-US-XK', since: '2008-02-18', country: { code: 'US' }, recognized: { code: 'XK' } });
      expect(rows[0].recognition.sources.length).toBeGreaterThan(0);
    },
  },
  'source-by-url': {
    params: { url: 'https://www.rferl.org/a/kosovo-israel-establish-relations-/31079492.html' },
    check: (rows) => expect(rows.map((r) => r.source.id)).toEqual(['rferl-2021-02-01']),
  },
};

describe('cypher/queries', () => {
  it('has a test case for every named query file', () => {
    expect([...loadQueries('queries').keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.keys(cases))('%s.cypher runs and answers as the seed implies', async (name) => {
    const rows = await graph.read<any>(name, cases[name]!.params);
    cases[name]!.check(rows);
  });
});

describe('$parts: the lists a read fetches', () => {
  const kosovo = async (parts: string[]) =>
    (await graph.read<any>('countries', { codes: ['XK'], nameKey: null, region: null, memberOf: null, asOf: null, parts, ...page(0, 1) }))[0].country;

  it('fetches only the named lists of a country, and their sources only with evidence', async () => {
    const bare = await kosovo(['recognizes']);
    expect(bare.recognizes.length).toBeGreaterThan(0);
    expect(bare.recognizes.every((r: any) => r.sources.length === 0 && r.withdrawalClaim === null)).toBe(true);
    expect([bare.recognizedBy, bare.officials, bare.embassyEvents, bare.agreements, bare.memberships, bare.sources]).toEqual([[], [], [], [], [], []]);
    const full = await kosovo(['recognizes', 'recognizedBy', 'officials', 'agreements', 'evidence']);
    expect(full.recognizes.map((r: any) => r.id)).toEqual(bare.recognizes.map((r: any) => r.id));
    expect(full.recognizes.every((r: any) => r.sources.length > 0)).toBe(true);
    expect(full.recognizedBy.length).toBeGreaterThan(100);
    expect(full.agreements.map((a: any) => a.id)).toContain('rs-xk-economic-normalization-2020');
    expect(bare.aliases).toBeNull();
    expect(bare.recognizes[0].note).toBeNull();
    const named = await kosovo(['recognizes', 'aliases', 'notes']);
    expect(named.aliases).toContain('Republic of Kosovo');
    expect(named.recognizes.some((r: any) => r.note)).toBe(true);
    expect(named.recognizes[0].recognized.aliases.length).toBeGreaterThan(0);
  });

  it('finds agreements by id, by one party or by all of several, the same with or without lists', async () => {
    const ids = async (params: Record<string, unknown>, parts: string[] = []) =>
      (await graph.read<any>('agreements', { ids: null, party: null, between: null, parts, ...page(0, 10), ...params })).map((r) => r.agreement.id);
    const all = await ids({});
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(await ids({ ids: ['xk-il-mutual-recognition-2020', 'no-such-agreement'] })).toEqual(['xk-il-mutual-recognition-2020']);
    expect((await ids({ party: 'RS' })).sort()).toEqual(['eu-belgrade-pristina-dialogue', 'rs-xk-economic-normalization-2020']);
    expect(await ids({ party: 'IL', between: ['XK', 'IL'] }, ['parties', 'mediators', 'evidence'])).toEqual(['xk-il-diplomatic-relations-2021', 'xk-il-mutual-recognition-2020']);
    expect(await ids({ between: ['RS', 'IL'] })).toEqual([]);
    const [withLists] = await graph.read<any>('agreements', { ids: ['rs-xk-economic-normalization-2020'], party: null, between: null, parts: ['parties', 'mediators', 'evidence'], ...page(0, 1) });
    expect(withLists.agreement.parties.map((p: any) => p.code).sort()).toEqual(['RS', 'XK']);
    expect(withLists.agreement.mediators[0].sources.length).toBeGreaterThan(0);
    expect(withLists.agreement.signatories).toEqual([]);
  });
});

describe('recognizes-but-not.cypher on facts made up inside a rolled-back transaction', () => {
  it('keeps the state that recognizes X and refuses Y, and drops the ones recognizing both or silent about Y', async () => {
    const session = graph.driver.session({ database: graph.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(`
        CREATE (x:Country {code: 'QX', name: 'Test X'}), (y:Country {code: 'QY', name: 'Test Y'}),
               (a:Country {code: 'QM', name: 'Test A'}), (b:Country {code: 'QN', name: 'Test B'}), (c:Country {code: 'QP', name: 'Test C'}),
               (d:Country {code: 'QR', name: 'Test D'})
        CREATE (a)-[:RECOGNIZES {validFrom: date('2001-01-01')}]->(x), (a)-[:DOES_NOT_RECOGNIZE]->(y),
               (b)-[:RECOGNIZES {validFrom: date('2001-01-01')}]->(x), (b)-[:RECOGNIZES {validFrom: date('2001-01-01')}]->(y),
               (c)-[:RECOGNIZES {validFrom: date('2001-01-01')}]->(x),
               (d)-[:RECOGNIZES {validFrom: date('2001-01-01')}]->(x), (d)-[:RECOGNIZES {validFrom: date('2010-01-01')}]->(y)`);
      const result = await tx.run(loadQueries('queries').get('recognizes-but-not')!.text, { recognizes: 'QX', butNot: 'QY', asOf: '2005-01-01', ...page(0, 10) });
      expect(result.records.map((r) => r.get('country').code)).toEqual(['QM', 'QR']);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});

describe('cypher/constraints', () => {
  it('every file has created its constraint or index, and the indexes are online', async () => {
    const result = await graph.driver.executeQuery('SHOW INDEXES YIELD name, state', {}, { database: graph.database });
    const state = new Map(result.records.map((r) => [r.get('name'), r.get('state')]));
    for (const { name, text } of loadQueries('constraints').values()) {
      const created = /CREATE (?:CONSTRAINT|(?:FULLTEXT |TEXT |RANGE |POINT )?INDEX) (\w+)/.exec(text)?.[1];
      expect({ file: name, state: created && state.get(created) }).toEqual({ file: name, state: 'ONLINE' });
    }
  });
});
