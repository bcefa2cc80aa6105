import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../config';
import type { Graph } from '../graph/graph';
import { loadQueries, type NamedQuery } from '../graph/queries';
import { isRejection, neo4jDate, type DatasetMapping, type Element, type MappedRow } from './mapping';
import { Names } from './names';
import { progressBar } from './progress';
import { REPORT_DIR, summaryLines, writeReport, type DatasetReport, type RejectedRow } from './report';
import { calendarDay } from './validate';

/**
 * The one import pipeline: file -> mapping -> batches -> named write Cypher (cypher/datasets) ->
 * Neo4j. A snapshot's header is checked first (a wrong one refuses the file); every row is mapped
 * and checked before anything is written, and a bad row is reported, never half-written. Rows are
 * written in batches of thousands, one write transaction each (UNWIND). Every element keeps its
 * data set, its row's key and origins, and a hash of what the row says, so a re-import changes
 * nothing and counts created / updated / unchanged; facts an earlier snapshot listed and this one
 * does not are closed on this snapshot's date, and reopened should they come back.
 */

export const DATASETS_DIR = path.join(PROJECT_ROOT, 'seeds', 'datasets');
const BATCH_SIZE = 2_000;

/** A file refused as a whole (unreadable, or not this data set's columns). */
export class DatasetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetFileError';
  }
}

export interface ImportOptions {
  /** A snapshot to import instead of the bundled seeds/datasets/<name>.csv. */
  file?: string;
  /** Map, check and report; write nothing. */
  dryRun?: boolean;
  /** The snapshot's date, where the mapping's Source has none or this file is a newer snapshot. */
  snapshotDate?: string | null;
  batchSize?: number;
  /** A progress bar on stderr (shown only when stderr is a terminal). */
  progress?: boolean;
  /** Folder for the report file; null writes none. */
  reportDir?: string | null;
  /** Where the summary goes (nowhere by default). */
  log?: (line: string) => void;
}

export function bundledFile(mapping: DatasetMapping): string {
  return path.join(DATASETS_DIR, `${mapping.name}.csv`);
}

interface CsvRecord {
  line: number;
  values: string[];
}

/** The header and data rows of a CSV file, each row with the line it ends on. */
function readCsv(mapping: DatasetMapping, file: string, content: Buffer): { header: string[]; records: CsvRecord[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(content, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof parsed;
  } catch (err) {
    throw new DatasetFileError(`${file} is not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const [first, ...rest] = parsed;
  const header = first?.record ?? [];
  const expected = [...mapping.columns];
  const missing = expected.filter((c) => !header.includes(c));
  const unexpected = header.filter((c) => !expected.includes(c));
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (missing.length || unexpected.length || repeated.length) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unexpected.length ? `unexpected ${unexpected.join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw new DatasetFileError(
      `${file} was refused: its header is not the ${mapping.name} data set's (${problems.join('; ')}). ` +
        `Expected the columns ${expected.join(', ')}; found ${header.length ? header.join(', ') : 'no header'}. Nothing was written.`,
    );
  }
  return { header, records: rest.map(({ record, info }) => ({ line: info.lines, values: record })) };
}

/** JSON with keys in order and driver values (dates, points) as their text, for hashing. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (v.constructor !== Object) return String(v);
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function rowHash(element: Element, origins: string[]): string {
  return createHash('sha256').update(stable({ props: element.props, origins })).digest('hex').slice(0, 16);
}

interface ElementWrite {
  ref: string;
  props: Record<string, unknown>;
  hash: string;
  key: string;
  origins: string[];
}

interface Planned {
  line: number;
  mapped: MappedRow;
}

interface Status {
  ref: string;
  status: 'created' | 'updated' | 'reopened' | 'unchanged' | 'conflict';
  heldBy: string | null;
}

/** One row's standing from its elements': new if its anchor is new, else changed if anything changed. */
function rowStatus(statuses: Status['status'][]): 'created' | 'updated' | 'reopened' | 'unchanged' {
  if (statuses[0] === 'created') return 'created';
  if (statuses.includes('reopened')) return 'reopened';
  if (statuses.some((s) => s === 'created' || s === 'updated')) return 'updated';
  return 'unchanged';
}

function query(queries: Map<string, NamedQuery>, name: string): string {
  const found = queries.get(name);
  if (!found) throw new Error(`No named query cypher/datasets/${name}.cypher`);
  return found.text;
}

/** Imports one snapshot of a data set; returns (and logs, and files) its report. */
export async function importDataset(graph: Graph, mapping: DatasetMapping, options: ImportOptions = {}): Promise<DatasetReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const file = options.file ?? bundledFile(mapping);
  if (!fs.existsSync(file)) throw new DatasetFileError(`No such file: ${file}`);
  const snapshotDate = options.snapshotDate === undefined ? mapping.source.date : options.snapshotDate;
  if (snapshotDate !== null) {
    const checked = calendarDay(snapshotDate, 'snapshot date');
    if ('reason' in checked) throw new DatasetFileError(checked.reason);
  }
  const content = fs.readFileSync(file);
  const contentHash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
  const { header, records } = readCsv(mapping, file, content);
  const queries = loadQueries('datasets');
  const shape = query(queries, mapping.shape);

  // Map and check every row before writing any.
  const context = { names: await Names.load(graph) };
  const rejections: RejectedRow[] = [];
  const warnings: string[] = [];
  const keep = new Set<string>();
  const planned: Planned[] = [];
  const lineOfKey = new Map<string, number>();
  const lineOfFact = new Map<string, number>();
  for (const { line, values } of records) {
    if (values.length !== header.length) {
      rejections.push({ line, reason: `has ${values.length} fields where the header has ${header.length}`, row: values });
      continue;
    }
    const row = Object.fromEntries(header.map((column, i) => [column, values[i] ?? '']));
    const result = mapping.map(row, context);
    if (isRejection(result)) {
      rejections.push({ line, key: result.key, reason: result.reject, row });
      if (result.key) keep.add(result.key);
      continue;
    }
    const earlier = lineOfKey.get(result.key);
    const clash = result.elements.find((e) => !e.shared && lineOfFact.has(e.ref));
    if (earlier !== undefined || clash) {
      const reason =
        earlier !== undefined
          ? `repeats the key ${result.key} of line ${earlier}; the first row is kept`
          : `states ${clash!.ref}, which line ${lineOfFact.get(clash!.ref)} states already; the first row is kept`;
      rejections.push({ line, key: result.key, reason, row });
      continue;
    }
    lineOfKey.set(result.key, line);
    for (const e of result.elements) if (!e.shared) lineOfFact.set(e.ref, line);
    planned.push({ line, mapped: result });
  }

  const listed = planned.flatMap((p) => p.mapped.elements.filter((e) => e.kind === 'fact').map((e) => e.ref));
  const nodes = [`Source:dataset-${mapping.name}`, ...new Set(planned.flatMap((p) => p.mapped.elements.filter((e) => e.kind === 'node').map((e) => e.ref)))];
  const counts = { created: 0, updated: 0, reopened: 0, unchanged: 0, closed: 0, leftOpen: 0 };
  const closing = { dataset: mapping.name, listed, keep: [...keep] };

  if (options.dryRun) {
    const [unlisted] = await graph.readText<{ unlisted: number }>(query(queries, 'unlisted-facts'), closing, 'datasets/unlisted-facts');
    if (snapshotDate) counts.closed = unlisted?.unlisted ?? 0;
    else counts.leftOpen = unlisted?.unlisted ?? 0;
  } else {
    const source = {
      id: `dataset-${mapping.name}`,
      dataset: mapping.name,
      publisher: mapping.source.publisher,
      title: mapping.source.title,
      url: mapping.source.url,
      license: mapping.source.license,
      date: snapshotDate ? neo4jDate(snapshotDate) : null,
      note: mapping.source.note ?? null,
      file: path.basename(file),
      contentHash,
      credits: [],
    };
    await graph.writeTextTransaction((run) => run(query(queries, 'source'), { source }));

    const progress = progressBar(mapping.name, options.progress ?? false);
    progress.start(planned.length);
    const sharedWritten = new Map<string, { hash: string; line: number }>();
    try {
      const size = options.batchSize ?? BATCH_SIZE;
      for (let start = 0; start < planned.length; start += size) {
        const batch = planned.slice(start, start + size);
        // What to write is decided here, outside the transaction, which may be retried as a whole.
        const nodeWrites: ElementWrite[] = [];
        const factWrites: ElementWrite[] = [];
        for (const { line, mapped } of batch) {
          for (const element of mapped.elements) {
            const hash = rowHash(element, mapped.origins);
            if (element.shared) {
              const first = sharedWritten.get(element.ref);
              if (first) {
                if (first.hash !== hash) warnings.push(`${element.ref} is described differently on lines ${first.line} and ${line}; line ${first.line}'s description is kept`);
                continue;
              }
              sharedWritten.set(element.ref, { hash, line });
            }
            (element.kind === 'node' ? nodeWrites : factWrites).push({ ref: element.ref, props: element.props, hash, key: mapped.key, origins: mapped.origins });
          }
        }
        const statuses = await graph.writeTextTransaction(async (run) => {
          const found = await run<{ ref: string; element: string }>(shape, { rows: batch.map((p) => p.mapped.shape) });
          const elementIds = new Map(found.map((f) => [f.ref, f.element]));
          const withIds = (writes: ElementWrite[]) =>
            writes.map((w) => {
              const element = elementIds.get(w.ref);
              if (!element) throw new Error(`cypher/datasets/${mapping.shape}.cypher did not find or make ${w.ref} (row ${w.key})`);
              return { ...w, element };
            });
          const params = { dataset: mapping.name };
          const written = [
            ...(nodeWrites.length ? await run<Status>(query(queries, 'node-properties'), { ...params, rows: withIds(nodeWrites) }) : []),
            ...(factWrites.length ? await run<Status>(query(queries, 'fact-properties'), { ...params, rows: withIds(factWrites) }) : []),
          ];
          const conflicts = written.filter((s) => s.status === 'conflict');
          if (conflicts.length) {
            throw new DatasetFileError(
              `${mapping.name} states ${conflicts.length} element(s) another data set holds (${conflicts
                .slice(0, 5)
                .map((c) => `${c.ref}: ${c.heldBy}`)
                .join(', ')}); one data set per fact. Nothing of this batch was written.`,
            );
          }
          return new Map(written.map((s) => [s.ref, s.status]));
        });
        for (const { mapped } of batch) {
          const own = mapped.elements.filter((e) => !e.shared).map((e) => statuses.get(e.ref) ?? 'unchanged');
          counts[rowStatus(own as Status['status'][])]++;
        }
        progress.advance(batch.length);
      }
    } finally {
      progress.stop();
    }

    if (snapshotDate) {
      const [result] = await graph.writeTextTransaction((run) => run<{ closed: number }>(query(queries, 'close-facts'), { ...closing, date: snapshotDate }));
      counts.closed = result?.closed ?? 0;
    } else {
      const [unlisted] = await graph.readText<{ unlisted: number }>(query(queries, 'unlisted-facts'), closing, 'datasets/unlisted-facts');
      counts.leftOpen = unlisted?.unlisted ?? 0;
    }
  }

  const ms = Date.now() - started;
  const report: DatasetReport = {
    dataset: mapping.name,
    file,
    contentHash,
    snapshotDate,
    dryRun: options.dryRun ?? false,
    read: records.length,
    valid: planned.length,
    ...counts,
    rejected: rejections.length,
    rejections,
    warnings,
    ms,
    rowsPerSecond: records.length / Math.max(ms / 1000, 0.001),
    nodes,
    facts: listed,
  };
  if (options.reportDir !== null) report.reportFile = writeReport(report, options.reportDir ?? REPORT_DIR);
  for (const line of summaryLines(report)) log(line);
  return report;
}
