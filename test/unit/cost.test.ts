import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getNamedType, isEnumType, isListType, isNonNullType, parse, typeFromAST, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config';
import { CostError, queryCost, unboundedLists } from '../../src/limits/cost';
import { readmeExamples } from '../../src/pages';
import { typeDefs } from '../../src/server';
import { OPERATIONS as DASHBOARD_OPERATIONS } from '../../web/dashboard/api';

const schema = buildASTSchema(typeDefs);
const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables, undefined);

/** Values for an operation's required variables, as a client would send (a code, a date, a name). */
function sampleVariables(query: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of parse(query).definitions as OperationDefinitionNode[]) {
    for (const v of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type as never)!;
      if (!isNonNullType(type)) continue;
      const named = getNamedType(type);
      const one = isEnumType(named) ? named.getValues()[0]!.value : named.name === 'Date' ? '2020-01-01' : named.name === 'Int' ? 10 : named.name === 'Boolean' ? true : 'XK';
      values[v.variable.name.value] = isListType(type.ofType) ? [one, 'RS'] : one;
    }
  }
  return values;
}
const { maxCost } = loadConfig({}).limits;

/** The queries people and dashboards send today: the README's examples, the typed client's operations, the dashboard's. */
function everydayQueries(): { name: string; query: string }[] {
  const root = path.join(__dirname, '..', '..');
  const fromReadme = readmeExamples().map((e) => ({ name: `README: ${e.title}`, query: e.query }));
  const dir = path.join(root, 'client', 'operations');
  const operations = fs.readdirSync(dir).flatMap((file) =>
    parse(fs.readFileSync(path.join(dir, file), 'utf8')).definitions.map((d) => ({
      name: `client: ${'name' in d && d.name ? d.name.value : file}`,
      query: d.loc!.source.body.slice(d.loc!.start, d.loc!.end),
    })),
  );
  const fromDashboard = Object.entries(DASHBOARD_OPERATIONS).map(([name, query]) => ({ name: `dashboard: ${name}`, query }));
  return [...fromReadme, ...operations, ...fromDashboard];
}

describe('the cost model', () => {
  it('bounds every list field of the schema', () => {
    expect(unboundedLists(schema)).toEqual([]);
  });

  it('counts one per value and multiplies lists down the tree', () => {
    expect(cost('{ country(code: "XK") { code name } }')).toBe(3);
    expect(cost('{ countries(first: 10) { code } }')).toBe(20);
    expect(cost('{ countries { code } }')).toBe(600);
    expect(cost('{ countries(first: 10) { code recognizedBy(first: 5) { since } } }')).toBe(10 * (1 + 1 + 5 * 2));
  });

  it('gives the figures the README states', () => {
    expect(cost('{ recognitionStatuses(of: "XK") { items { status country { name } } } }')).toBe(1_201);
    expect(cost('{ country(code: "XK") { recognizedBy { recognized { recognizedBy { recognized { recognizedBy { id } } } } } } }')).toBe(54_180_601);
    expect(cost('{ country(code: "XK") { recognizedBy(first: 10) { recognized { recognizedBy(first: 10) { since } } } } }')).toBe(221);
  });

  it('reads a page size given as a variable, and a left-out one as the largest page', () => {
    expect(cost('query ($n: Int) { countries(first: $n) { code } }', { n: 7 })).toBe(14);
    expect(cost('query ($n: Int) { countries(first: $n) { code } }', {})).toBe(600);
    expect(cost('query ($n: Int = 4) { countries(first: $n) { code } }', {})).toBe(8);
  });

  it('never counts a page as larger than the largest page, nor smaller than one item', () => {
    expect(cost('{ countries(first: 100000) { code } }')).toBe(600);
    expect(cost('{ countries(first: -5) { code } }')).toBe(2);
  });

  it('applies a page size to the page object it sizes', () => {
    expect(cost('{ recognitionStatuses(of: "XK", first: 10) { items { status } } }')).toBe(1 + 10 * (1 + 1));
  });

  it('counts aliases, fragments and inline fragments, and skips what @skip leaves out', () => {
    const one = cost('{ countries(first: 10) { code } }');
    expect(cost('{ a: countries(first: 10) { code } b: countries(first: 10) { code } }')).toBe(2 * one);
    expect(cost('{ countries(first: 10) { ...C } } fragment C on Country { code }')).toBe(one);
    expect(cost('{ countries(first: 10) { ... on Country { code } } }')).toBe(one);
    expect(cost('query ($s: Boolean!) { countries(first: 10) { code name @skip(if: $s) } }', { s: true })).toBe(one);
  });

  describe('refuses the fan-out that took the service down, in every shape', () => {
    const nested = (inner: string, levels: number) => {
      let body = inner;
      for (let i = 0; i < levels; i++) body = `recognizedBy${'ARGS'} { recognized { ${body} } }`;
      return body;
    };
    const cases: [string, string, Record<string, unknown> | undefined][] = [
      ['as reported (no first)', `{ country(code:"XK") { ${nested('recognizedBy { id }', 3).replace(/ARGS/g, '')} } }`, undefined],
      ['one level shorter', `{ country(code:"XK") { ${nested('recognizedBy { id }', 2).replace(/ARGS/g, '')} } }`, undefined],
      ['with first as a literal', `{ country(code:"XK") { ${nested('recognizedBy(first: 300) { id }', 3).replace(/ARGS/g, '(first: 300)')} } }`, undefined],
      ['with first as a variable', `query ($n: Int) { country(code:"XK") { ${nested('recognizedBy(first: $n) { id }', 3).replace(/ARGS/g, '(first: $n)')} } }`, { n: 300 }],
      ['deeper', `{ country(code:"XK") { ${nested('recognizedBy { id }', 5).replace(/ARGS/g, '')} } }`, undefined],
      ['through aliases', `{ a: country(code:"XK") { ${nested('x: recognizedBy { id }', 2).replace(/ARGS/g, '')} } b: country(code:"RS") { recognizes { since } } }`, undefined],
      ['through fragments', `{ country(code:"XK") { ...F } } fragment F on Country { recognizedBy { recognized { recognizedBy { recognized { recognizedBy { id } } } } } }`, undefined],
    ];
    it.each(cases)('%s', (_name, query, variables) => {
      expect(cost(query, variables)).toBeGreaterThan(maxCost);
    });
  });

  it('refuses to walk a fragment bomb rather than walking it', () => {
    const levels = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const fragments = levels.map((name, i) => `fragment ${name} on Country { ${i === levels.length - 1 ? 'code' : Array(4).fill(`...${levels[i + 1]}`).join(' ')} }`);
    const bomb = `{ country(code: "XK") { ...A } } ${fragments.join(' ')}`;
    expect(() => cost(bomb)).toThrow(CostError);
    try {
      cost(bomb);
    } catch (error) {
      expect((error as CostError).kind).toBe('too-many-selections');
    }
  });

  it('lets through every query the README, the typed client and the dashboard send', () => {
    const queries = everydayQueries();
    expect(queries.length).toBeGreaterThan(10);
    const costs = queries.map((q) => ({ ...q, cost: cost(q.query, sampleVariables(q.query)) }));
    const over = costs.filter((q) => q.cost > maxCost);
    expect(over.map((q) => `${q.name}: ${q.cost}`)).toEqual([]);
  });
});
