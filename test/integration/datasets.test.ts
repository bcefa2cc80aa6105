import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConnection } from '../../src/config';
import { runImport } from '../../src/cli/import';
import { importDataset, DatasetFileError, type ImportOptions } from '../../src/datasets/pipeline';
import { unMembership } from '../../src/datasets/un-membership';
import { RECOGNITION_DATASETS } from '../../src/datasets/recognition';
import { wikidataLeaders } from '../../src/datasets/wikidata-leaders';
import { wikidataDiplomaticMissions } from '../../src/datasets/wikidata-diplomatic-missions';
import { seed } from '../../src/graph/seed';
import { fingerprint, TestApi, OwnNeo4j } from '../helpers';

/**
 * The data set pipeline on a Neo4j of its own (imports close and reopen facts, which the read
 * tests must not see), seeded as `npm start` seeds: the world, then every bundled data set.
 */
// A whole seed of every data set on a Neo4j of its own, on a busy CI machine, takes minutes.
jest.setTimeout(300_000);

const fixture = (name: string) => path.join(__dirname, '../fixtures/datasets', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-import-reports-'));

let neo4j: OwnNeo4j;
let connection: Neo4jConnection;
let api: TestApi;
let seeded: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  neo4j = await OwnNeo4j.start('datasets');
  connection = neo4j.connection;
  api = await new TestApi(connection).start();
  seeded = await seed(api.graph, undefined, { reportDir });
});

afterAll(async () => {
  await api?.stop();
  await neo4j?.remove();
  fs.rmSync(reportDir, { recursive: true, force: true });
});

const load = (file: string | undefined, extra: ImportOptions = {}) => importDataset(api.graph, unMembership, { file, reportDir, ...extra });

/** A fact's properties as plain values (dates as strings). */
async function fact(id: string): Promise<Record<string, any>> {
  const [row] = await api.graph.readText<{ props: Record<string, any> }>('MATCH ()-[r:MEMBER_OF {id: $id}]->() RETURN properties(r) AS props', { id });
  return row!.props;
}

describe('the bundled UN membership data set', () => {
  it("gives South Sudan's UN membership its admission on 2011-07-14, with the data set's Source and the row's origin", async () => {
    const { country } = await api.data(`{ country(code: "SS") { memberships { organization { code } status since sincePrecision sources { id publisher url } } } }`);
    expect(country.memberships).toEqual([
      {
        organization: { code: 'UN' },
        status: 'MEMBER',
        since: '2011-07-14',
        sincePrecision: 'DAY',
        sources: expect.arrayContaining([
          { id: 'dataset-un-membership', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Member_states_of_the_United_Nations' },
          expect.objectContaining({ id: 'npm-world-countries-5.1.0' }),
        ]),
      },
    ]);
    const membership = await fact('member-SS-UN');
    expect(membership).toMatchObject({ dataset: 'un-membership', datasetRow: 'SS', origins: ['https://en.wikipedia.org/wiki/Member_states_of_the_United_Nations'] });
    const [source] = await api.graph.readText<any>("MATCH (s:Source {id: 'dataset-un-membership'}) RETURN s {.license, .file, .contentHash, .dataset} AS s");
    expect(source.s).toEqual({ license: 'CC BY-SA 4.0', file: 'un-membership.csv', contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), dataset: 'un-membership' });
  });

  it('adds the dates to the world seed\'s one membership per state instead of a second fact, and keeps the continuity notes', async () => {
    const [counts] = await api.graph.readText<any>(
      `MATCH (c:Country)-[m:MEMBER_OF]->(:Organization {code: 'UN'}) WITH c, count(m) AS n
       RETURN max(n) AS most, count(c) AS states`,
    );
    expect(counts).toEqual({ most: 1, states: 195 });
    expect((await fact('member-CN-UN')).note).toMatch(/Republic of China until 1971-10-25/);
    expect(await fact('member-VA-UN')).toMatchObject({ status: 'OBSERVER' });
    expect((await fact('member-VA-UN')).dataset).toBeUndefined();
  });

  it('records each import that changed the graph in the audit trail, numbered; an import that changes nothing records none', async () => {
    const { records } = await api.graph.driver.executeQuery(
      `MATCH (c:Change {mutation: 'importDataset'}) RETURN c.target AS dataset, toFloat(c.seq) AS seq ORDER BY seq`,
    );
    // the seed of this file's fresh Neo4j imported every bundled data set once
    expect(records.map((r) => r.get('dataset'))).toEqual(expect.arrayContaining(['un-membership', 'wikidata-diplomatic-missions', 'wikidata-leaders', 'recognition-kosovo']));
    const [version] = await api.graph.read<{ version: number }>('graph-version', {});
    expect(version!.version).toBe(Math.max(...records.map((r) => Number(r.get('seq')))));
  });

  it('changes nothing when the same file is imported again, and says every row is unchanged', async () => {
    const before = await fingerprint(api.graph);
    const report = await load(undefined);
    expect(await fingerprint(api.graph)).toBe(before);
    expect(report).toMatchObject({ read: 193, created: 0, updated: 0, unchanged: 193, closed: 0, rejected: 0 });
  });

  it('survives a reseed: the seed keeps what the data set added to its facts', async () => {
    const before = await fingerprint(api.graph);
    const report = await seed(api.graph, undefined, { reportDir });
    expect(await fingerprint(api.graph)).toBe(before);
    expect(report.datasets[0]).toMatchObject({ dataset: 'un-membership', unchanged: 193 });
  });
});

describe('the bundled diplomatic missions data set', () => {
  it("holds Afghanistan's embassy in Canberra: sent by Afghanistan, in Canberra in Australia, accredited to three states, at its coordinates, from its Wikidata item", async () => {
    const [mission] = await api.graph.readText<any>(
      `MATCH (sender)-[:SENDS]->(m:Mission {id: 'Q106450319'})-[:LOCATED_IN]->(city:City)-[:LOCATED_IN]->(host:Country)
       RETURN sender.code AS sender, m.type AS type, m.typeLabel AS typeLabel, m.website AS website, m.location.latitude AS latitude, m.location.longitude AS longitude,
              m.origins AS origins, m.sources AS sources, city {.id, .name} AS city, host.code AS host,
              COLLECT { MATCH (m)-[:ACCREDITED_TO]->(c:Country) RETURN c.code ORDER BY c.code } AS accredited`,
    );
    expect(mission).toEqual({
      sender: 'AF',
      type: 'EMBASSY',
      typeLabel: 'embassy',
      website: 'https://www.canberra.mfa.af/',
      latitude: -35.32355,
      longitude: 149.09222,
      origins: ['https://www.wikidata.org/wiki/Q106450319'],
      sources: ['dataset-wikidata-diplomatic-missions'],
      city: { id: 'Q3114', name: 'Canberra' },
      host: 'AU',
      accredited: ['AU', 'FJ', 'NZ'],
    });
  });

  it('reports the senders and hosts it cannot resolve with a reason (Hong Kong, Macau, territories) and the repeated mission id, and loads those of the Order of Malta, Quebec and the states with limited recognition', async () => {
    const report = seeded.datasets.find((d) => d.dataset === 'wikidata-diplomatic-missions')!;
    expect(report).toMatchObject({ read: 9852, rejected: 16 });
    const reasons = report.rejections.map((r) => r.reason);
    expect(reasons.filter((r) => r.startsWith('Hong Kong is a special administrative region'))).toHaveLength(4);
    expect(reasons.filter((r) => /Malta|Quebec|Somaliland/.test(r))).toEqual([]);
    expect(report.rejections.find((r) => r.key === 'Q106686567')?.reason).toMatch(/repeats the key Q106686567 of line \d+; the first row is kept/);
    // The data set adds no state: the 204 are the seed's (200 from world-countries, and XA, XO, XN, XS).
    const { countries } = await api.data('{ countries { code } }');
    expect(countries).toHaveLength(204);
  });

  it("keeps jurisdictions that are not states on the mission as Wikidata names them: Japan's consulate general in Munich serves Bavaria and Baden-Württemberg", async () => {
    const [munich] = await api.graph.readText<any>(
      `MATCH (:Country {code: 'JP'})-[:SENDS]->(m:Mission {id: 'Q49869908'})-[:LOCATED_IN]->(city:City)-[:LOCATED_IN]->(host:Country)
       RETURN m.type AS type, m.otherJurisdictions AS other, city.name AS city, host.code AS host, COUNT { (m)-[:ACCREDITED_TO]->() } AS accreditations`,
    );
    expect(munich).toEqual({ type: 'CONSULATE_GENERAL', other: ['Bavaria', 'Baden-Württemberg'], city: 'Munich', host: 'DE', accreditations: 0 });
  });

  it('changes nothing when imported again', async () => {
    const before = await fingerprint(api.graph);
    const report = await importDataset(api.graph, wikidataDiplomaticMissions, { reportDir });
    expect(await fingerprint(api.graph)).toBe(before);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 9836, closed: 0, rejected: 16 });
  });
});

describe('rows that cannot be loaded', () => {
  it('reports bad mission rows (coordinates out of range, an item id for a name, an unknown sender, an impossible date, a repeated id) and writes nothing of them', async () => {
    const vienna = await api.graph.readText<any>("MATCH (m:Mission {id: 'Q104602592'}) RETURN properties(m) AS m");
    const report = await importDataset(api.graph, wikidataDiplomaticMissions, {
      file: fixture('wikidata-diplomatic-missions-bad-rows.csv'),
      snapshotDate: null,
      reportDir,
    });
    expect(report).toMatchObject({ read: 6, valid: 1, rejected: 5, unchanged: 1, closed: 0 });
    expect(report.rejections.map((r) => [r.line, r.key, r.reason])).toEqual([
      [3, 'Q104602592', 'coordinates 123.4,16.3738 are out of range (latitude -90..90, longitude -180..180)'],
      [4, 'Q1854458', 'operator "Q12345" is only a Wikidata item id, not a name'],
      [5, 'Q107557497', 'operator "Atlantis" resolves to no state or organization in the graph'],
      [6, 'Q61064773', 'created "2021-02-30" is impossible: there is no such day'],
      [7, 'Q106450319', 'repeats the key Q106450319 of line 2; the first row is kept'],
    ]);
    expect(await api.graph.readText<any>("MATCH (m:Mission {id: 'Q104602592'}) RETURN properties(m) AS m")).toEqual(vienna);
    const [sender] = await api.graph.readText<any>("MATCH (s)-[:SENDS]->(:Mission {id: 'Q106450319'}) RETURN s.code AS code");
    expect(sender.code).toBe('AF');
    // The bundled snapshot back, as the other tests expect it.
    await importDataset(api.graph, wikidataDiplomaticMissions, { reportDir });
  });

  it('reports each bad row with its line and reason, writes nothing of it, and loads the rest', async () => {
    const mali = await fact('member-ML-UN');
    const report = await load(fixture('un-membership-bad-rows.csv'));
    expect(report).toMatchObject({ read: 7, valid: 2, rejected: 5 });
    expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, expect.stringMatching(/"Atlantis" resolves to no state/)],
      [4, expect.stringMatching(/iso2 ZZ \(Narnia\) is no state/)],
      [5, expect.stringMatching(/admitted "1960-02-30" is impossible/)],
      [6, expect.stringMatching(/"Q12345" is only a Wikidata item id/)],
      [7, expect.stringMatching(/has 6 fields where the header has 5/)],
    ]);
    expect(await fact('member-ML-UN')).toEqual(mali);
    const [atlantis] = await api.graph.readText<any>("RETURN COUNT { MATCH (c:Country) WHERE c.name IN ['Atlantis', 'Narnia', 'Q12345'] } AS n");
    expect(atlantis.n).toBe(0);
    // The rest loaded: France's row differs from the bundled one only by its source text, so it is unchanged.
    expect((await fact('member-SS-UN')).validFrom).toBe('2011-07-14');
    const file = JSON.parse(fs.readFileSync(report.reportFile!, 'utf8'));
    expect(file.rejections).toHaveLength(5);
    expect(file.rejections[2]).toMatchObject({ line: 5, key: 'ML', row: { state: 'Mali', admitted: '1960-02-30' } });
    // The snapshot has no date, so what it does not list stays open and is said to.
    expect(report.closed).toBe(0);
    expect(report.leftOpen).toBe(190);
  });

  it('refuses a file with the wrong header as a whole, naming the columns, and writes nothing', async () => {
    const before = await fingerprint(api.graph);
    const refused = load(fixture('un-membership-wrong-header.csv'));
    await expect(refused).rejects.toThrow(DatasetFileError);
    await expect(refused).rejects.toThrow(
      /not the un-membership data set's \(missing state, iso2; unexpected country, code\)\. Expected the columns state, iso2, admitted, note, source; found country, code, admitted, note, source/,
    );
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('validates and reports in a dry run without writing anything', async () => {
    const before = await fingerprint(api.graph);
    const report = await load(fixture('un-membership-a.csv'), { dryRun: true, snapshotDate: '2024-01-01' });
    expect(report).toMatchObject({ dryRun: true, read: 4, valid: 4, rejected: 0, unchanged: 2, updated: 2, closed: 189 });
    expect(await fingerprint(api.graph)).toBe(before);
  });
});

describe('npm run import', () => {
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(argv, connection, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('imports a data set by name and prints its summary', async () => {
    const { code, out } = await cli('un-membership', '--report-dir', reportDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^un-membership: 193 rows read, 0 created, 0 updated, 0 reopened, 193 unchanged, 0 closed, 0 rejected in [\d.]+ s \(\d+ rows\/s\)/);
  });

  it('checks a file in a dry run, lists the rejected rows and writes nothing', async () => {
    const before = await fingerprint(api.graph);
    const { code, out } = await cli('un-membership', '--dry-run', '--file', fixture('un-membership-bad-rows.csv'), '--report-dir', reportDir);
    expect(code).toBe(0);
    expect(out).toMatch(/dry run, nothing written\): 7 rows read, 2 valid \(0 new, 0 changed, 0 to reopen, 2 unchanged\), 5 rejected/);
    expect(out).toMatch(/rejected line 5 \(ML\): admitted "1960-02-30" is impossible/);
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('refuses a wrong header with exit code 1, and an unknown data set with the usage', async () => {
    const refused = await cli('un-membership', '--file', fixture('un-membership-wrong-header.csv'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Expected the columns state, iso2, admitted, note, source/);
    const unknown = await cli('no-such-data-set');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/No data set "no-such-data-set"[\s\S]*Data sets: un-membership/);
  });
});

describe('a newer snapshot', () => {
  it('closes the facts it no longer lists on its date with a note, never deletes them, and reopens those that come back', async () => {
    await load(undefined);
    // the facts, not the audit trail: each of these imports is an entry of it
    const original = await fingerprint(api.graph, { audit: false });
    const version = async () => (await api.graph.read<{ version: number }>('graph-version', {}))[0]!.version;
    const versionBefore = await version();

    const a = await load(fixture('un-membership-a.csv'), { snapshotDate: '2024-01-01' });
    expect(a).toMatchObject({ read: 4, unchanged: 2, updated: 2, closed: 189 });
    expect(await fact('member-IT-UN')).toMatchObject({
      validFrom: '1955-12-14',
      validTo: '2024-01-01',
      unlistedSince: '2024-01-01',
      note: 'No longer listed in the data set un-membership as of 2024-01-01.',
    });

    const b = await load(fixture('un-membership-b.csv'), { snapshotDate: '2025-01-01' });
    expect(b).toMatchObject({ read: 3, unchanged: 2, updated: 1, closed: 1 });
    expect(await fact('member-SS-UN')).toMatchObject({ note: 'admitted five days after independence' });
    expect(await fact('member-DE-UN')).toMatchObject({
      validTo: '2025-01-01',
      note: 'West and East Germany were admitted 1973-09-18 No longer listed in the data set un-membership as of 2025-01-01.',
    });
    const { countries } = await api.data('{ countries(memberOf: "UN", asOf: "2024-06-01") { code } }');
    expect(countries.map((c: { code: string }) => c.code).sort()).toEqual(['DE', 'FR', 'RS', 'SS']);

    const again = await load(fixture('un-membership-a.csv'), { snapshotDate: '2026-01-01' });
    expect(again).toMatchObject({ read: 4, reopened: 1, updated: 1, unchanged: 2, closed: 0 });
    const germany = await fact('member-DE-UN');
    expect(germany).toMatchObject({ validFrom: '1973-09-18', note: 'West and East Germany were admitted 1973-09-18' });
    expect(germany.validTo).toBeUndefined();
    expect(germany.unlistedSince).toBeUndefined();

    // The bundled snapshot lists every member again: all reopen, and the graph is as it was (its Source too).
    const bundled = await load(undefined);
    expect(bundled).toMatchObject({ reopened: 189, closed: 0 });
    expect(await fingerprint(api.graph, { audit: false })).toBe(original);
    // and each of the four imports changed the graph: four audit entries, in order
    expect(await version()).toBe(versionBefore + 4);
  });
});

// Re-importing writes (and locks) facts: on this file's own Neo4j, not the shared one the read tests use.
describe('importing the recognition tables', () => {
  it('changes nothing when the bundled tables are imported again', async () => {
    const before = await fingerprint(api.graph);
    for (const mapping of RECOGNITION_DATASETS) {
      const report = await importDataset(api.graph, mapping, { reportDir: null });
      expect([mapping.name, report.rejected, report.created, report.updated, report.reopened, report.closed]).toEqual([mapping.name, 0, 0, 0, 0, 0]);
    }
    expect(await fingerprint(api.graph)).toBe(before);
  });

  it('reads 751 rows in six files and loads them all', async () => {
    let read = 0;
    for (const mapping of RECOGNITION_DATASETS) read += (await importDataset(api.graph, mapping, { reportDir: null, dryRun: true })).valid;
    expect(read).toBe(751);
  });

  it('reports each bad row with its reason and writes nothing of it', async () => {
    const mapping = RECOGNITION_DATASETS.find((m) => m.name === 'recognition-cyprus-north-abkhazia-south-ossetia-somaliland')!;
    // The data set's facts and the states they join (its Source records the file last imported, and is restored below).
    const facts = () =>
      api.graph.readText<any>('MATCH (a)-[r]->(b) WHERE r.dataset = $dataset RETURN a.code AS a, b.code AS b, properties(r) AS r ORDER BY r.id', { dataset: mapping.name });
    const countries = () => api.graph.readText<any>("MATCH (c:Country) WHERE c.name IN ['Atlantis', 'Narnia'] OR c.code = 'QQ' RETURN count(c) AS n");
    const before = await facts();
    const report = await importDataset(api.graph, mapping, { file: path.join(__dirname, '../fixtures/datasets/recognition-bad-rows.csv'), reportDir: null });
    const after = await facts();
    await importDataset(api.graph, mapping, { reportDir: null });
    expect(report).toMatchObject({ read: 8, valid: 1, unchanged: 1, rejected: 7 });
    expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'recognizer Atlantis (QQ) resolves to no state in the graph'],
      [4, 'recognizer Greece is GR by name, but its code says TR'],
      [5, 'status "maybe" is none of yes, no, withdrawn, withdrawn-claimed'],
      [6, 'date "2009-02-30" is impossible: there is no such day'],
      [7, 'withdrawn on 2010-01-01, before it was given (2011-05-23)'],
      [8, 'a "no" row gives a date of recognition (2020)'],
      [9, 'the row cites no address in its source column'],
    ]);
    expect(after).toEqual(before);
    expect(await countries()).toEqual([{ n: 0 }]);
  });
});

describe('importing the leaders snapshot again', () => {
  it('changes nothing: every row unchanged, the graph the same', async () => {
    const before = await fingerprint(api.graph);
    const report = await importDataset(api.graph, wikidataLeaders, { reportDir: null });
    expect(await fingerprint(api.graph)).toBe(before);
    expect([report.created, report.updated, report.reopened, report.closed, report.unchanged]).toEqual([0, 0, 0, 0, 4854]);
  });
});
