import { isDate, isDateTime, isInt, isNode, isRelationship, type Record as Neo4jRecord } from 'neo4j-driver';

/** Neo4j values as plain JSON-like values: dates become ISO strings, integers numbers, nodes their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

export function recordToPlain<T>(record: Neo4jRecord): T {
  return toPlain(record.toObject()) as T;
}
