import fs from 'node:fs';
import path from 'node:path';
import { TestApi } from '../helpers';

/** The README's examples are real: each GraphQL block followed by a JSON block must answer exactly that. */
const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```\n```json\n([\s\S]*?)```/g)].map((m) => ({ query: m[1]!, expected: m[2]! }));
const cypherBlocks = [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!);

let api: TestApi;
beforeAll(async () => {
  api = await new TestApi().start();
});
afterAll(() => api.stop());

describe('README examples', () => {
  it('has GraphQL examples with their output', () => expect(examples.length).toBeGreaterThanOrEqual(5));

  it.each(examples.map((e) => [e.query.trim().split('\n')[0], e]))('%s', async (_, example) => {
    const result = await api.query(example.query);
    expect(result).toEqual(JSON.parse(example.expected));
  });

  it('has a Cypher example for analysts that runs and names the five EU members, each with sources', async () => {
    expect(cypherBlocks).toHaveLength(1);
    const result = await api.graph.driver.executeQuery(cypherBlocks[0]!, {}, { database: api.graph.database });
    expect(result.records.map((r) => r.get('country'))).toEqual(['Cyprus', 'Greece', 'Romania', 'Slovakia', 'Spain']);
    for (const record of result.records) expect(record.get('sources').length).toBeGreaterThan(0);
  });
});
