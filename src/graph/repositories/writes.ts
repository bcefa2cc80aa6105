import { createHash } from 'node:crypto';
import type { Graph, Params } from '../graph';
import type { ChangeRecord } from '../records';
import { pageParams, type Page } from './countries';

export interface SourceInput {
  /** An existing Source's id (an ingested article's); otherwise derived below. */
  id?: string | null;
  publisher: string;
  title: string;
  date?: string | null;
  url?: string | null;
}

/** A source's id is derived from its URL (or publisher, title and date), so citing it twice finds one node. */
export function sourceId(source: SourceInput): string {
  if (source.id) return source.id;
  const basis = source.url ?? `${source.publisher}\u0000${source.title}\u0000${source.date ?? ''}`;
  return `src-${createHash('sha256').update(basis).digest('hex').slice(0, 12)}`;
}

function stable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}

interface Written {
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  target: string;
  involves: string[];
}

export interface WriteResult {
  target: string;
  /** False when the write repeated what the graph already held (nothing was recorded). */
  changed: boolean;
}

/**
 * Every change to the graph goes through here: the named write query and its audit entry run in
 * one transaction, and an entry is written only when something actually changed.
 */
export class WriteRepository {
  constructor(private readonly graph: Graph) {}

  /** Runs `query`; undefined when it wrote nothing because something it needs is not in the graph. */
  async apply(mutation: string, query: string, params: Params, actor: string, source: SourceInput): Promise<WriteResult | undefined> {
    const id = sourceId(source);
    const props = Object.fromEntries(Object.entries({ ...source, id: undefined, credits: [] }).filter(([, v]) => v !== undefined && v !== null));
    return this.graph.writeTransaction(async (run) => {
      const [row] = await run<Written>(query, { ...params, source: { id, props } });
      if (!row) return undefined;
      const before = stable(row.before);
      const after = stable(row.after)!;
      if (before === after) return { target: row.target, changed: false };
      await run('record-change', { actor, mutation, target: row.target, involves: row.involves, before, after, sourceId: id });
      return { target: row.target, changed: true };
    });
  }

  /** The audit trail of a country, person, agreement or fact, newest first. */
  async history(of: string, page: Page): Promise<ChangeRecord[]> {
    return (await this.graph.read<{ change: ChangeRecord }>('history', { of, ...pageParams(page) })).map((r) => r.change);
  }
}

