import { isDate, isDateTime, isInt, isNode, isRelationship, type Date as Neo4jDate, type Record as Neo4jRecord } from 'neo4j-driver';

const num = (v: unknown): number => (isInt(v) ? v.toNumber() : Number(v));

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A DATE as YYYY-MM-DD without the driver's Integer arithmetic (years outside 1..9999: the driver's own form). */
function isoDate(date: Pick<Neo4jDate, 'year' | 'month' | 'day' | 'toString'>): string {
  const year = num(date.year);
  return year >= 1000 && year <= 9999 ? `${year}-${pad(num(date.month))}-${pad(num(date.day))}` : date.toString();
}

/**
 * Neo4j values as plain JSON-like values: dates become ISO strings, integers numbers, nodes their
 * properties. Called on every value of every row, so the common cases (strings, numbers, lists,
 * maps) are decided first.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (value.constructor === Object) {
    const plain: Record<string, unknown> = {};
    for (const key in value) plain[key] = toPlain((value as Record<string, unknown>)[key]);
    return plain;
  }
  if (isInt(value)) return value.toNumber();
  if (isDate(value)) return isoDate(value);
  if (isDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  return value;
}

export function recordToPlain<T>(record: Neo4jRecord): T {
  return toPlain(record.toObject()) as T;
}
