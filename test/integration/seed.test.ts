import { planSeeds, seed, SeedError } from '../../src/graph/seed';
import { readSeedInputs } from '../../src/graph/seed-inputs';
import { fingerprint, testGraph } from '../helpers';

// A whole seed (every bundled data set) on a busy machine takes more than jest's default minute.
jest.setTimeout(240_000);

const graph = testGraph();
afterAll(() => graph.close());

describe('the seed loader', () => {
  it('is idempotent: loading again gives the same graph', async () => {
    const before = await fingerprint(graph);
    const report = await seed(graph);
    expect(await fingerprint(graph)).toBe(before);
    const counts = await graph.driver.executeQuery(
      // the audit trail (each import that changed the graph is an entry) is not what the seed states
      'RETURN COUNT { MATCH (n) WHERE NOT n:Change AND NOT n:ChangeLog } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships',
      {},
      { database: graph.database },
    );
    expect(counts.records[0]!.toObject()).toEqual({ nodes: report.nodes, relationships: report.relationships });
    expect(report.relationships).toBeGreaterThan(40);
  });

  it('keeps every data set\'s share of the facts and nodes while it reloads the seed files, so that a reader during a reseed sees the same graph', async () => {
    // The seed files load first and the data sets after them: a reload of the files alone must leave what the
    // data sets added (a person's Wikidata item and provenance, a fact's admission date) where it was.
    const before = await fingerprint(graph);
    try {
      await seed(graph, readSeedInputs(), { datasets: [] });
      expect(await fingerprint(graph)).toBe(before);
    } finally {
      await seed(graph);
    }
    const people = await graph.driver.executeQuery(
      "MATCH (p:Person {id: 'donald-trump'}) RETURN p.dataset AS dataset, 'dataset-' + p.dataset IN p.sources AS sourced",
      {},
      { database: graph.database },
    );
    expect(people.records[0]!.toObject()).toEqual({ dataset: 'wikidata-leaders', sourced: true });
  });

  it('records at least one existing source on every relationship in the graph', async () => {
    const result = await graph.driver.executeQuery(
      `MATCH ()-[r]->() WHERE size(coalesce(r.sources, [])) = 0 OR any(id IN r.sources WHERE NOT EXISTS { (:Source {id: id}) })
       RETURN count(r) AS unsourced`,
      {},
      { database: graph.database },
    );
    expect(result.records[0]!.get('unsourced')).toBe(0);
  });

  it('rejects a fact without a source, an unknown source and a dangling endpoint before writing anything', () => {
    const file = readSeedInputs().find((i) => i.name === 'articles-2020-2021.json');
    const data = JSON.parse(JSON.stringify(file!.data));
    data.relationships[0].sources = [];
    data.relationships[1].sources = ['no-such-source'];
    data.relationships[2].to = 'Country:ZZ';
    try {
      planSeeds([{ name: 'broken.json', data }]);
      throw new Error('planSeeds accepted broken data');
    } catch (err) {
      expect(err).toBeInstanceOf(SeedError);
      const problems = (err as SeedError).problems.join('\n');
      expect(problems).toMatch(/at least one source/);
    }
    data.relationships[0].sources = ['teller-2020-09-04'];
    expect(() => planSeeds([{ name: 'broken.json', data }])).toThrow(/no-such-source[\s\S]*Country:ZZ/);
  });
});
