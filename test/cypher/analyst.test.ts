import fs from 'node:fs';
import path from 'node:path';
import { runCypher } from '../../src/cli/cypher';
import { loadConfig } from '../../src/config';
import { loadQueries } from '../../src/graph/queries';
import { testGraph } from '../helpers';

/** Every analyst query runs with its example parameters (line 2) and gives the answer the data implies. */
const graph = testGraph();
afterAll(() => graph.close());
const analyst = loadQueries('analyst');

async function run(name: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const query = analyst.get(name)!;
  const example = JSON.parse(/^\/\/ params: (.*)$/m.exec(query.text)![1]!);
  const result = await graph.driver.executeQuery(query.text, { ...example, ...params }, { database: graph.database });
  return result.records.map((r) => r.toObject());
}

const expectations: Record<string, () => Promise<void>> = {
  'missions-of-state': async () => {
    const rows = await run('missions-of-state');
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.filter((r) => r.type === 'EMBASSY').map((r) => r.city)).toEqual(expect.arrayContaining(['Tirana', 'Washington, D.C.', 'Ankara', 'Jerusalem']));
    expect(rows.every((r) => /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/.test(r.wikidata))).toBe(true);
  },
  'diplomatic-network-ranking': async () => {
    const rows = await run('diplomatic-network-ranking');
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(['US', 'FR']));
    for (let i = 1; i < rows.length; i++) expect(rows[i].embassies).toBeLessThanOrEqual(rows[i - 1].embassies);
  },
  'relations-inferred-from-missions': async () => {
    const rows = await run('relations-inferred-from-missions');
    expect(rows.map((r) => r.code)).toContain('PY');
    expect(rows.map((r) => r.code)).not.toContain('US');
    expect(rows.every((r) => r.inferred === true && r.evidence.length > 0)).toBe(true);
  },
  'non-recognizers': async () => {
    const today = await run('non-recognizers');
    // Togo withdrew its recognition in 2019
    expect(today).toHaveLength(76);
    expect(today.map((r) => r.code)).toEqual(expect.arrayContaining(['RS', 'RU', 'CN', 'ES']));
    expect(today.map((r) => r.code)).not.toContain('MN');
    const before = (await run('non-recognizers', { asOf: '2020-09-03' })).map((r) => r.code);
    expect(before).toHaveLength(81);
    expect(before).toEqual(expect.arrayContaining(['IL', 'KE', 'TG']));
  },
  'recognition-timeline': async () => {
    const years = await run('recognition-timeline');
    expect(years[0]).toMatchObject({ year: 2008, recognitions: 54, cumulative: 54 });
    expect(years.at(-1).cumulative).toBe(121);
  },
  'mediators-between': async () => {
    const rows = await run('mediators-between');
    expect(rows.map((r) => [r.kind, r.mediator])).toEqual([
      ['Country', 'United States'],
      ['Person', 'Donald Trump'],
      ['Person', 'Richard Grenell'],
      ['Person', "Robert O'Brien"],
      ['Organization', 'European Union'],
    ]);
  },
  'embassies-in-city': async () => {
    const rows = await run('embassies-in-city', { city: 'Al-Quds' });
    expect(rows.filter((r) => r.state === 'Paraguay').map((r) => r.status)).toEqual(['OPENED', 'MOVED_BACK', 'PLEDGED', 'REOPENED']);
    expect(rows[0]).toMatchObject({ state: 'United States', status: 'OPENED', precision: 'DAY' });
    expect(rows.find((r) => r.state === 'Dominican Republic')).toMatchObject({ status: 'PLEDGED', precision: 'YEAR' });
  },
  'shortest-chain': async () => {
    const [chain] = await run('shortest-chain');
    expect(chain.steps[0]).toBe('Richard Grenell');
    expect(chain.steps.at(-1)).toBe('Gabi Ashkenazi');
    // through the US–Israel relations the missions data set evidences
    expect(chain.steps).toEqual(['Richard Grenell', 'United States', 'Israel', 'Gabi Ashkenazi']);
    expect(chain.relations).toEqual(['HOLDS_OFFICE', 'HAS_DIPLOMATIC_RELATIONS_WITH', 'HOLDS_OFFICE']);
    expect(chain.hops).toBe(3);
  },
  'contested-states': async () => {
    const rows = await run('contested-states');
    expect(rows.map((r) => r.code)).toEqual(['XA', 'IL', 'XK', 'XN', 'PS', 'XS', 'XO', 'TW', 'EH']);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('TW')).toMatchObject({ recognizing: 12, withdrawn: 20 });
    expect(byCode.get('IL')).toMatchObject({ recognizing: 167, ofWhichInferred: 122, onRecordRefusing: 21, withdrawn: 7 });
    expect(byCode.get('XN')).toMatchObject({ recognizing: 1, withdrawn: 2 });
  },
  'recognition-switches': async () => {
    const rows = await run('recognition-switches');
    expect(rows.slice(0, 3).map((r) => [r.code, r.ended, r.began])).toEqual([
      ['NR', '2024-01-15', '2024-01-24'],
      ['HN', '2023-03-25', '2023-03-26'],
      ['NI', '2021-12-09', '2021-12-10'],
    ]);
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(['PA', 'DO', 'SV', 'BF', 'SB', 'KI', 'ST']));
  },
  'allies-not-recognizing': async () => {
    expect((await run('allies-not-recognizing')).map((r) => r.code)).toEqual(['CN', 'RU']);
  },
  'officials-on-date': async () => {
    const on = async (date: string) => (await run('officials-on-date', { date })).map((r) => r.person).sort();
    // The leaders data set adds every head of state and of government of the day to the articles' officials.
    expect(await on('2020-09-04')).toEqual(expect.arrayContaining(['Aleksandar Vučić', 'Avdullah Hoti', 'Benjamin Netanyahu', 'Donald Trump', 'Richard Grenell', "Robert O'Brien"]));
    const later = await on('2021-02-01');
    expect(later).toContain('Gabi Ashkenazi');
    expect(later).not.toContain('Donald Trump');
  },
  'leaders-on-date': async () => {
    const rows = await run('leaders-on-date', { date: '2021-07-01' });
    const held = (code: string, role: string) => rows.filter((r) => r.code === code && r.role === role).map((r) => r.person);
    expect(held('IL', 'head of government')).toEqual(['Naftali Bennett']);
    expect(held('GB', 'head of state')).toEqual(['Elizabeth II']);
  },
  'facts-by-source': async () => {
    const rows = await run('facts-by-source');
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['signed-ashkenazi-relations-2021', 'dipl-XK-IL', 'nonrec-RU-XK']));
    expect(rows.every((r) => typeof r.fact === 'string')).toBe(true);
  },
  'unsourced-facts': async () => {
    expect(await run('unsourced-facts')).toEqual([]);
  },
};

describe('cypher/analyst', () => {
  it('has an expected answer for every file, and every file says what it answers and how to call it', () => {
    expect([...analyst.keys()].sort()).toEqual(Object.keys(expectations).sort());
    for (const { text } of analyst.values()) expect(text.split('\n')[1]).toMatch(/^\/\/ params: \{/);
  });

  it.each(Object.keys(expectations))('%s.cypher answers as the data implies', (name) => expectations[name]!());
});

describe('index use', () => {
  function operators(plan: any): string[] {
    return [plan.operatorType, ...(plan.children ?? []).flatMap(operators)];
  }
  const explain = async (query: string, params: Record<string, unknown>) =>
    operators((await graph.driver.executeQuery(`EXPLAIN ${query}`, params, { database: graph.database })).summary.plan).join(' ');

  it.each([
    ['a country by code', 'MATCH (c:Country {code: $code}) RETURN c', { code: 'XK' }, /NodeUniqueIndexSeek/],
    ['a person by id', 'MATCH (p:Person {id: $id}) RETURN p', { id: 'avdullah-hoti' }, /NodeUniqueIndexSeek/],
    ['sources by ids', 'MATCH (s:Source) WHERE s.id IN $ids RETURN s', { ids: ['rferl-2021-02-01'] }, /NodeUniqueIndexSeek/],
    ['a recognition by id', 'MATCH ()-[r:RECOGNIZES {id: $id}]->() RETURN r', { id: 'rec-US-XK' }, /RelationshipUniqueIndexSeek|DirectedRelationshipUniqueIndexSeek|UndirectedRelationshipUniqueIndexSeek/],
    ['countries by region', 'MATCH (c:Country) WHERE c.region = $region RETURN c', { region: 'Europe' }, /NodeIndexSeek/],
    ['a person by Wikidata item', 'MATCH (p:Person {wikidata: $item}) RETURN p', { item: 'Q39318' }, /NodeUniqueIndexSeek/],
    ['the leaders of a state', "MATCH (:Country {code: $code})<-[o:HOLDS_OFFICE]-(p:Person) WHERE o.role = 'head of state' RETURN p, o", { code: 'GB' }, /NodeUniqueIndexSeek/],
    ['missions in a city by any name', "CALL db.index.fulltext.queryNodes('city_name_keys', $term) YIELD node MATCH (node)<-[:LOCATED_IN]-(m:Mission) RETURN m", { term: '"jerusalem"' }, /ProcedureCall/],
    ['a mission by its item id', 'MATCH (m:Mission) WHERE m.id IN $ids RETURN m', { ids: ['Q53492009'] }, /NodeUniqueIndexSeek/],
    ['missions near a point', 'MATCH (m:Mission) WHERE point.distance(m.location, point({latitude: $latitude, longitude: $longitude})) <= $meters RETURN m', { latitude: 31.77, longitude: 35.21, meters: 5000 }, /NodeIndexSeekByRange|PointDistance/],
    ['a state\'s relations fact by id', 'MATCH ()-[r:HAS_DIPLOMATIC_RELATIONS_WITH {id: $id}]-() RETURN r', { id: 'relations-AL-XK' }, /RelationshipUniqueIndexSeek/],
  ])('looks up %s through an index, not a label scan', async (_, query, params, seek) => {
    const plan = await explain(query, params);
    expect(plan).toMatch(seek);
    expect(plan).not.toMatch(/NodeByLabelScan|AllNodesScan/);
  });

  it.each(['mediators-between', 'allies-not-recognizing', 'recognition-timeline'])('%s.cypher starts from an index seek on the states named', async (name) => {
    const query = analyst.get(name)!.text;
    const params = JSON.parse(/^\/\/ params: (.*)$/m.exec(query)![1]!);
    expect(await explain(query, params)).toMatch(/NodeUniqueIndexSeek/);
  });

  it('finds names through the full-text index', async () => {
    const result = await graph.driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('name_search', $q) YIELD node RETURN node.name AS name LIMIT 1",
      { q: 'Abdullah~' },
      { database: graph.database },
    );
    expect(result.records[0]!.get('name')).toBe('Avdullah Hoti');
  });
});

describe('npm run cypher', () => {
  const connection = loadConfig().neo4j!;
  const capture = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCypher(argv, connection, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const file = (name: string) => path.join(__dirname, '../../cypher/analyst', `${name}.cypher`);

  it('runs a file with its example parameters and prints a table', async () => {
    const { code, out } = await capture(file('allies-not-recognizing'));
    expect(code).toBe(0);
    expect(out).toMatch(/China/);
    expect(out).toMatch(/Russia/);
    expect(out).toMatch(/2 rows$/);
  });

  it('takes --param values and prints CSV or JSON', async () => {
    const csv = await capture('MATCH (c:Country {code: $code}) RETURN c.code AS code, c.name AS name', '--param', 'code=RS', '--format', 'csv');
    expect(csv).toMatchObject({ code: 0, out: 'code,name\nRS,Serbia' });
    const json = await capture(file('officials-on-date'), '--param', 'date=2021-02-01', '--format', 'json');
    expect(JSON.parse(json.out).map((r: any) => r.person)).toContain('Gabi Ashkenazi');
    const number = await capture('RETURN $n + 1 AS next', '--param', 'n=41', '--format', 'json');
    expect(JSON.parse(number.out)).toEqual([{ next: 42 }]);
  });

  it.each([
    ['a syntax error', ['MATCH (c:Country RETURN c'], /Cypher syntax error/],
    ['a missing parameter', ['MATCH (c:Country {code: $code}) RETURN c'], /code.*--param name=value/],
    ['a write without --write', ["MATCH (c:Country {code: 'RS'}) SET c.touched = true"], /read-only unless you add --write/],
    ['a bad format', ['RETURN 1', '--format', 'xml'], /--format must be table, json or csv/],
    ['a missing file', ['no-such.cypher'], /No such file/],
  ])('explains %s and exits 2, changing nothing', async (_, argv, message) => {
    const { code, err } = await capture(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    const touched = await graph.driver.executeQuery('MATCH (c:Country) WHERE c.touched IS NOT NULL RETURN count(c) AS n', {}, { database: graph.database });
    expect(touched.records[0]!.get('n')).toBe(0);
  });

  it('says how to start Neo4j when it cannot be reached', async () => {
    const out: string[] = [];
    const code = await runCypher(['RETURN 1'], { ...connection, uri: 'bolt://127.0.0.1:1' }, { out: () => undefined, err: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(out.join()).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1.*npm run neo4j/);
  });
});

describe('what analysts are told to open', () => {
  const http = process.env.DIPLOGRAPH_TEST_NEO4J_HTTP;
  (http ? it : it.skip)('Neo4j Browser answers at /browser/ on the HTTP port, and the README names that address', async () => {
    const page = await (await fetch(`${http}/browser/`)).text();
    expect(page).toMatch(/<title>Neo4j Browser<\/title>/);
    expect(fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8')).toMatch(/http:\/\/127\.0\.0\.1:7474\/browser\//);
  });
});
