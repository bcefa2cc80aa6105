import fs from 'node:fs';
import path from 'node:path';
import { testGraph } from '../helpers';

/** docs/model.md against the live, seeded database: labels, relationship types and properties. */
const graph = testGraph();
afterAll(() => graph.close());

interface Documented {
  properties: Set<string>;
  notYetInData: Set<string>;
  /** Heading says the label or type appears only once the API has written (e.g. Change). */
  writtenLater: boolean;
}

function parseModelDoc(): { nodes: Map<string, Documented>; relationships: Map<string, Documented> } {
  const nodes = new Map<string, Documented>();
  const relationships = new Map<string, Documented>();
  let current: Documented | undefined;
  for (const line of fs.readFileSync(path.join(__dirname, '../../docs/model.md'), 'utf8').split('\n')) {
    const heading = /^### `(.+)`/.exec(line);
    if (heading) {
      current = { properties: new Set(), notYetInData: new Set(), writtenLater: line.includes('not in the seed data yet') };
      const type = /\[:(\w+)\]/.exec(heading[1]!)?.[1];
      (type ? relationships : nodes).set(type ?? heading[1]!, current);
      continue;
    }
    if (line.startsWith('## ')) current = undefined;
    const row = /^\| `(\w+)` \|/.exec(line);
    if (row && current) {
      current.properties.add(row[1]!);
      if (line.includes('not in the seed data yet')) current.notYetInData.add(row[1]!);
    }
  }
  return { nodes, relationships };
}

async function liveSchema(): Promise<{ nodes: Map<string, Set<string>>; relationships: Map<string, Set<string>> }> {
  const run = async (query: string) => (await graph.driver.executeQuery(query, {}, { database: graph.database })).records;
  const nodes = new Map<string, Set<string>>();
  for (const r of await run('CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName RETURN nodeLabels, propertyName')) {
    for (const label of r.get('nodeLabels') as string[]) {
      nodes.set(label, (nodes.get(label) ?? new Set()).add(r.get('propertyName')));
    }
  }
  const relationships = new Map<string, Set<string>>();
  for (const r of await run('CALL db.schema.relTypeProperties() YIELD relType, propertyName RETURN relType, propertyName')) {
    const type = String(r.get('relType')).replace(/^:`|`$/g, '');
    const set = relationships.get(type) ?? new Set<string>();
    if (r.get('propertyName')) set.add(r.get('propertyName'));
    relationships.set(type, set);
  }
  return { nodes, relationships };
}

describe('docs/model.md', () => {
  const doc = parseModelDoc();

  it('describes exactly the labels and relationship types in the database', async () => {
    const live = await liveSchema();
    const expected = (documented: Map<string, Documented>, actual: Map<string, Set<string>>) =>
      [...documented.entries()].filter(([name, d]) => !d.writtenLater || actual.has(name)).map(([name]) => name).sort();
    expect(expected(doc.nodes, live.nodes)).toEqual([...live.nodes.keys()].sort());
    expect(expected(doc.relationships, live.relationships)).toEqual([...live.relationships.keys()].sort());
  });

  it('describes every property the database holds, and no property the database lacks', async () => {
    const live = await liveSchema();
    for (const [kind, documented, actual] of [
      ['label', doc.nodes, live.nodes],
      ['relationship type', doc.relationships, live.relationships],
    ] as const) {
      for (const [name, properties] of actual) {
        const missing = [...properties].filter((p) => !documented.get(name)?.properties.has(p));
        expect({ [`${kind} ${name} undocumented`]: missing }).toEqual({ [`${kind} ${name} undocumented`]: [] });
      }
      for (const [name, { properties, notYetInData, writtenLater }] of documented) {
        if (writtenLater && !actual.has(name)) continue;
        const absent = [...properties].filter((p) => !actual.get(name)?.has(p) && !notYetInData.has(p));
        expect({ [`${kind} ${name} documented but absent`]: absent }).toEqual({ [`${kind} ${name} documented but absent`]: [] });
      }
    }
  });
});
