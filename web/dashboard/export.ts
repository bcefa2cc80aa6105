import { stringify } from 'csv-stringify/sync';
import type { SourceRef } from './status';

/**
 * The tables behind the charts, as the reader downloads them: CSV (RFC 4180, by csv-stringify) and
 * JSON, every row with the sources of its facts; and the "cite this" text. Pure functions; the page
 * only turns their strings into downloads.
 */

export type Cell = string | number | boolean | null;

export interface Table {
  /** A file name without extension: `recognition-XK-2009-12-31`. */
  name: string;
  columns: string[];
  rows: Record<string, Cell>[];
}

/** One source as one line: publisher, title, date and address. */
export function sourceText(s: SourceRef): string {
  return `${s.publisher}: ${s.title}${s.date ? ` (${s.date})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

/** A fact's sources in one cell, separated by " | ". */
export function sourcesCell(sources: SourceRef[]): string {
  return sources.map(sourceText).join(' | ');
}

export function toCsv(table: Table): string {
  return stringify(
    table.rows.map((row) => table.columns.map((c) => row[c] ?? '')),
    { header: true, columns: table.columns, cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } },
  );
}

export function toJson(table: Table): string {
  return `${JSON.stringify(table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]))), null, 2)}\n`;
}

export interface Citation {
  /** What the view shows: "Recognition of Kosovo". */
  subject: string;
  /** The view's day, YYYY-MM-DD. */
  date: string;
  /** The view's address. */
  url: string;
  /** The day the reader looked, YYYY-MM-DD. */
  accessed: string;
  /** Every source behind the view's facts. */
  sources: SourceRef[];
}

/** Sources that are data sets (their ids start with "dataset-"), each once, by title. */
export function dataSets(sources: SourceRef[]): SourceRef[] {
  const byId = new Map(sources.filter((s) => s.id.startsWith('dataset-')).map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}

export function citeText(c: Citation): string {
  const sets = dataSets(c.sources);
  const others = new Set(c.sources.filter((s) => !s.id.startsWith('dataset-')).map((s) => s.id)).size;
  const named = sets.map((s) => `${s.publisher}, "${s.title}"${s.date ? ` (${s.date})` : ''}${s.url ? `, ${s.url}` : ''}`);
  const from = named.length ? ` Data sets: ${named.join('; ')}.` : '';
  const more = others ? ` With ${others} further published source${others === 1 ? '' : 's'} cited row by row in the export.` : '';
  return `diplograph, "${c.subject}", as of ${c.date}. ${c.url} (accessed ${c.accessed}).${from}${more}`;
}
