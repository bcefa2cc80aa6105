import {
  getNamedType,
  getNullableType,
  isCompositeType,
  getIntrospectionQuery,
  graphqlSync,
  isListType,
  isInterfaceType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { costLimitExceeded } from '../errors';

/** A list field's bound, read from its `@listSize` directive in the SDL. */
export interface ListSize {
  assumedSize: number;
  slicingArguments: string[];
  sizedFields: string[];
}

const bounds = new WeakMap<GraphQLField<unknown, unknown>, ListSize | null>();

/** The `@listSize` of a field definition, or null when it has none. */
export function listSize(field: GraphQLField<unknown, unknown>): ListSize | null {
  const known = bounds.get(field);
  if (known !== undefined) return known;
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'listSize');
  let size: ListSize | null = null;
  if (directive) {
    const arg = (name: string) => {
      const node = directive.arguments?.find((a) => a.name.value === name);
      return node ? valueFromASTUntyped(node.value) : undefined;
    };
    size = {
      assumedSize: Number(arg('assumedSize') ?? 0),
      slicingArguments: (arg('slicingArguments') as string[] | undefined) ?? [],
      sizedFields: (arg('sizedFields') as string[] | undefined) ?? [],
    };
  }
  bounds.set(field, size);
  return size;
}

/**
 * List fields of the schema (outputs only) that the cost model cannot bound: no `@listSize` of their
 * own, and not the `sizedFields` of a field that returns their type.
 */
export function unboundedLists(schema: GraphQLSchema): string[] {
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t))) as (GraphQLObjectType | GraphQLInterfaceType)[];
  const sized = new Set<string>();
  for (const type of types) {
    for (const field of Object.values(type.getFields())) {
      for (const name of listSize(field)?.sizedFields ?? []) sized.add(`${getNamedType(field.type).name}.${name}`);
    }
  }
  const missing: string[] = [];
  for (const type of types) {
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      if (isListType(getNullableType(field.type)) && !listSize(field) && !sized.has(name)) missing.push(name);
    }
  }
  return missing;
}

/**
 * How many items one occurrence of the field can return: the page a slicing argument asks for
 * (literal, variable or left out), never more than the largest page; the assumed size otherwise.
 */
function itemsOf(size: ListSize, args: Record<string, unknown>): number {
  for (const name of size.slicingArguments) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.min(Math.max(Math.trunc(value), 1), size.assumedSize);
  }
  return size.assumedSize;
}

const introspectionSizes = new WeakMap<GraphQLSchema, number>();

/** Values in a JSON-like answer: every object field and list item counts one. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + 1 + countValues(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + 1 + countValues(v), 0);
  return 0;
}

/**
 * What one `__schema` or `__type` can return: the whole introspection of this schema, counted once by
 * running it. The schema's own types carry no `@listSize`; multiplying their widest lists together
 * would refuse the playground's own introspection query, while this bound is exact and still grows
 * with every alias.
 */
function introspectionSize(schema: GraphQLSchema): number {
  let size = introspectionSizes.get(schema);
  if (size === undefined) {
    size = countValues(graphqlSync({ schema, source: getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, specifiedByUrl: true, inputValueDeprecation: true }) }).data);
    introspectionSizes.set(schema, size);
  }
  return size;
}

/**
 * Cost = the number of values a query can return: every field counts one per occurrence, a list
 * multiplies what is below it by its bound. A field with `sizedFields` (a page object) multiplies
 * its whole selection by the page size, which over-counts the page's own scalars (total, counts)
 * and never under-counts its items.
 */
function valuesEstimator(schema: GraphQLSchema): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__schema' || field.name === '__type') return introspectionSize(schema);
    if (type.name.startsWith('__')) return 0;
    const size = listSize(field as GraphQLField<unknown, unknown>);
    const composite = isCompositeType(getNamedType(field.type));
    const perItem = composite ? 1 + childComplexity : 1;
    if (!size) return perItem;
    const items = itemsOf(size, args);
    if (size.sizedFields.length > 0) return 1 + items * childComplexity;
    return items * perItem;
  };
}

/**
 * Why a cost could not be computed: too many selections to walk (refuse), or variables that do not
 * fit the operation (let execution refuse them with its own error before any resolver runs).
 */
export class CostError extends Error {
  constructor(
    readonly kind: 'too-many-selections' | 'bad-variables',
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The cost of running `document`'s operation with `variables`. Fragments, aliases, @skip/@include
 * and variables are resolved by graphql-query-complexity; it walks at most `maxNodes` selections
 * (fragment spreads counted each time), so a fragment bomb is refused rather than walked.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined, maxNodes = 10_000): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [valuesEstimator(schema)], maxQueryNodes: maxNodes });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CostError(/maximum allowed number of nodes/.test(message) ? 'too-many-selections' : 'bad-variables', message);
  }
}

/**
 * The cost of an operation, or the COST_LIMIT_EXCEEDED error that refuses it (over `maxCost`, or not
 * weighable): one rule for HTTP and WebSocket.
 */
export function weigh(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined, maxCost: number): { cost: number; refusal: null } | { cost: number | null; refusal: GraphQLError } {
  let cost: number;
  try {
    cost = queryCost(schema, document, variables, operationName);
  } catch (error) {
    if (!(error instanceof CostError)) throw error;
    return { cost: null, refusal: costLimitExceeded(null, maxCost, error.kind === 'too-many-selections' ? 'Its selections are too many to weigh' : `Its cost cannot be weighed (${error.message})`) };
  }
  return cost > maxCost ? { cost, refusal: costLimitExceeded(cost, maxCost) } : { cost, refusal: null };
}
