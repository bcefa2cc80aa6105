import { loadQueries } from '../../src/graph/queries';
import { RELATIONS_EVIDENCE } from '../../src/graph/mission-types';
import { testGraph } from '../helpers';

/**
 * The inference the missions data set runs after each import, on made-up states and missions inside
 * a transaction that is rolled back: relations come from embassy-level accreditations only, and go
 * when a newer snapshot stops listing their evidence.
 */
const graph = testGraph();
afterAll(() => graph.close());

const derive = loadQueries('datasets').get('derive-relations-from-missions')!.text;
const params = { dataset: 'wikidata-diplomatic-missions', relationsEvidence: [...RELATIONS_EVIDENCE] };

describe('derive-relations-from-missions.cypher', () => {
  it('infers relations from an embassy accredited to a state, not from a de facto embassy, and drops them when the embassy is no longer listed', async () => {
    const session = graph.driver.session({ database: graph.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(`
        CREATE (a:Country {code: 'QA1', name: 'Test A'}), (b:Country {code: 'QB1', name: 'Test B'}), (c:Country {code: 'QC1', name: 'Test C'})
        CREATE (a)-[:SENDS {id: 'sends-QT1'}]->(:Mission {id: 'QT1', type: 'EMBASSY'})-[:ACCREDITED_TO {id: 'accredited-QT1-QB1'}]->(b)
        CREATE (a)-[:SENDS {id: 'sends-QT2'}]->(:Mission {id: 'QT2', type: 'DE_FACTO_EMBASSY'})-[:ACCREDITED_TO {id: 'accredited-QT2-QC1'}]->(c)`);
      const pairs = async () =>
        (
          await tx.run(`MATCH (x:Country)-[r:HAS_DIPLOMATIC_RELATIONS_WITH]-(y:Country) WHERE x.code IN ['QA1', 'QB1', 'QC1'] AND x.code < y.code
                        RETURN x.code + '-' + y.code AS pair, r.inferred AS inferred, r.evidenceMissions AS evidence, r.sources AS sources`)
        ).records.map((r) => r.toObject());

      await tx.run(derive, params);
      expect(await pairs()).toEqual([{ pair: 'QA1-QB1', inferred: true, evidence: ['QT1'], sources: ['dataset-wikidata-diplomatic-missions'] }]);

      // again: nothing to do
      const [again] = (await tx.run(derive, params)).records.map((r) => r.toObject());
      expect(again).toMatchObject({ created: 0, updated: 0, dropped: 0 });

      // a newer snapshot no longer lists the embassy: the relation that rested on it alone goes
      await tx.run("MATCH ()-[s:SENDS {id: 'sends-QT1'}]->() SET s.unlistedSince = date('2025-01-01')");
      const [after] = (await tx.run(derive, params)).records.map((r) => r.toObject());
      expect(after).toMatchObject({ created: 0, dropped: 1 });
      expect(await pairs()).toEqual([]);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });

  it('adds the evidence to relations a source asserts, keeps them asserted, and takes only the evidence away when it goes', async () => {
    const session = graph.driver.session({ database: graph.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(`
        CREATE (a:Country {code: 'QA2', name: 'Test A'}), (b:Country {code: 'QB2', name: 'Test B'})
        CREATE (a)-[:HAS_DIPLOMATIC_RELATIONS_WITH {id: 'dipl-QA2-QB2', validFrom: date('1990-01-01'), sources: ['some-article']}]->(b)
        CREATE (b)-[:SENDS {id: 'sends-QT3'}]->(:Mission {id: 'QT3', type: 'HIGH_COMMISSION'})-[:ACCREDITED_TO {id: 'accredited-QT3-QA2'}]->(a)`);
      const relation = async () =>
        (await tx.run("MATCH ()-[r:HAS_DIPLOMATIC_RELATIONS_WITH {id: 'dipl-QA2-QB2'}]-() RETURN DISTINCT properties(r) AS r")).records.map((r) => r.get('r'));

      await tx.run(derive, params);
      expect(await relation()).toEqual([
        expect.objectContaining({ sources: ['some-article', 'dataset-wikidata-diplomatic-missions'], evidenceMissions: ['QT3'], derivedFrom: 'wikidata-diplomatic-missions' }),
      ]);
      expect((await relation())[0].inferred).toBeUndefined();

      await tx.run("MATCH ()-[s:SENDS {id: 'sends-QT3'}]->() SET s.unlistedSince = date('2025-01-01')");
      await tx.run(derive, params);
      const [kept] = await relation();
      expect(kept.sources).toEqual(['some-article']);
      expect(kept.evidenceMissions).toBeUndefined();
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
