import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../config';
import { LONG_TX_MS, type Graph } from '../graph/graph';
import { loadQueries, type NamedQuery } from '../graph/queries';
import { isRejection, neo4jDate, type DatasetMapping, type MappedRow, type PreparedChange, type SourceRow } from './mapping';
import { Names } from './names';
import { progressBar } from './progress';
import { REPORT_DIR, summaryLines, writeReport, type DatasetReport, type RejectedRow } from './report';
import { calendarDay } from './validate';

/**
 * The one import pipeline: file -> mapping -> batches -> named write Cypher (cypher/datasets) ->
 * Neo4j. A snapshot's header is checked first (a wrong one refuses the file); every row is mapped
 * and checked before anything is written, and a bad row is reported, never half-written. Every
 * element keeps its data set, its row's key and origins, and a hash of what the row says: rows the
 * graph already holds exactly are skipped (a re-import writes nothing), the others are written in
 * batches of thousands, one write transaction each (UNWIND), and counted created / updated /
 * reopened. Facts an earlier snapshot listed and this one does not are closed on this snapshot's
 * date, and reopened should they come back.
 */

export const DATASETS_DIR = path.join(PROJECT_ROOT, 'seeds', 'datasets');
// Thousands of rows per transaction; larger ones cost more in garbage collection than they save on a 512 MB heap (npm start's default).
const BATCH_SIZE = 2_000;
// An import is not a request (see LONG_TX_MS).
const WRITE_TIMEOUT_MS = LONG_TX_MS;

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
  return path.join(DATASETS_DIR, mapping.file ?? `${mapping.name}.csv`);
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

function hash(value: unknown): string {
  return createHash('sha256').update(stable(value)).digest('hex').slice(0, 16);
}

interface ElementWrite {
  ref: string;
  kind: 'node' | 'fact';
  shared: boolean;
  props: Record<string, unknown>;
  hash: string;
  key: string;
  origins: string[];
  cites?: string[];
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
function rowStatus(statuses: string[]): 'created' | 'updated' | 'reopened' | 'unchanged' {
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
export async function importDataset(graph: Graph, mapping: DatasetMapping, options: ImportOptions = {}): Promise<DatasetReport & { changes: PreparedChange[] }> {
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
  let rows: SourceRow[] = [];
  for (const { line, values } of records) {
    if (values.length !== header.length) {
      rejections.push({ line, reason: `has ${values.length} fields where the header has ${header.length}`, row: values });
      continue;
    }
    rows.push({ line, row: Object.fromEntries(header.map((column, i) => [column, values[i] ?? ''])) });
  }
  // Cleaning that spans rows (the mapping's own), reported change by change.
  let changes: PreparedChange[] = [];
  if (mapping.prepare) ({ rows, changes } = await mapping.prepare(rows, { ...context, graph }));
  for (const { line, row } of rows) {
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
  // The data set's Source, its nodes, and the Sources its facts cite (pages its shape query makes).
  const nodes = [
    `Source:dataset-${mapping.name}`,
    ...new Set(planned.flatMap((p) => p.mapped.elements.flatMap((e) => (e.kind === 'node' ? [e.ref] : (e.cites ?? []).map((id) => `Source:${id}`))))),
  ];
  const counts = { created: 0, updated: 0, reopened: 0, unchanged: 0, closed: 0, leftOpen: 0 };
  let derived: DatasetReport['derived'];
  const closing = { dataset: mapping.name, listed, keep: [...keep] };

  // What each row writes, and whether the graph holds exactly that already (then the row is skipped).
  const stored = new Map(
    (await graph.readText<{ ref: string; hash: string; closed: boolean }>(query(queries, 'stored-hashes'), { dataset: mapping.name }, 'datasets/stored-hashes', WRITE_TIMEOUT_MS)).map((s) => [
      s.ref,
      s,
    ]),
  );
  const sharedFirst = new Map<string, { said: string; line: number }>();
  const toWrite: { planned: Planned; writes: ElementWrite[] }[] = [];
  for (const p of planned) {
    const writes: ElementWrite[] = [];
    for (const element of p.mapped.elements) {
      const origins = element.origins ?? p.mapped.origins;
      if (element.shared) {
        // Rows that name a shared element should say the same of it; the first row's word is kept.
        const said = hash(element.props);
        const first = sharedFirst.get(element.ref);
        if (first) {
          if (first.said !== said) warnings.push(`${element.ref} is described differently on lines ${first.line} and ${p.line}; line ${first.line}'s description is kept`);
          continue;
        }
        sharedFirst.set(element.ref, { said, line: p.line });
      }
      const cites = element.kind === 'fact' ? element.cites : undefined;
      writes.push({ ref: element.ref, kind: element.kind, shared: element.shared ?? false, props: element.props, hash: hash({ props: element.props, origins, cites }), key: p.mapped.key, origins, ...(cites ? { cites } : {}) });
    }
    // What the graph would say of each element: the write query says the same for rows it writes.
    const standing = writes.map((w) => {
      const held = stored.get(w.ref);
      return !held ? 'created' : held.closed ? 'reopened' : held.hash === w.hash ? 'unchanged' : 'updated';
    });
    if (standing.every((st) => st === 'unchanged')) counts.unchanged++;
    else if (options.dryRun) counts[rowStatus(standing.filter((_, i) => !writes[i]!.shared))]++;
    else toWrite.push({ planned: p, writes });
  }

  if (options.dryRun) {
    const [unlisted] = await graph.readText<{ unlisted: number }>(query(queries, 'unlisted-facts'), closing, 'datasets/unlisted-facts', WRITE_TIMEOUT_MS);
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
    await graph.writeTextTransaction((run) => run(query(queries, 'source'), { source }), WRITE_TIMEOUT_MS);

    const progress = progressBar(mapping.name, options.progress ?? false);
    progress.start(toWrite.length);
    try {
      const size = options.batchSize ?? BATCH_SIZE;
      for (let start = 0; start < toWrite.length; start += size) {
        const batch = toWrite.slice(start, start + size);
        const writes = batch.flatMap((b) => b.writes);
        const statuses = await graph.writeTextTransaction(async (run) => {
          const found = await run<{ ref: string; element: string }>(shape, { rows: batch.map((b) => b.planned.mapped.shape) });
          const elementIds = new Map(found.map((f) => [f.ref, f.element]));
          const withIds = (kind: ElementWrite['kind']) =>
            writes
              .filter((w) => w.kind === kind)
              .map(({ kind: _kind, shared: _shared, ...w }) => {
                const element = elementIds.get(w.ref);
                if (!element) throw new Error(`cypher/datasets/${mapping.shape}.cypher did not find or make ${w.ref} (row ${w.key})`);
                return { ...w, element };
              });
          const params = { dataset: mapping.name };
          const nodeRows = withIds('node');
          const factRows = withIds('fact');
          const written = [
            ...(nodeRows.length ? await run<Status>(query(queries, 'node-properties'), { ...params, rows: nodeRows }) : []),
            ...(factRows.length ? await run<Status>(query(queries, 'fact-properties'), { ...params, rows: factRows }) : []),
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
        }, WRITE_TIMEOUT_MS);
        for (const { planned: p } of batch) {
          const own = p.mapped.elements.filter((e) => !e.shared).map((e) => statuses.get(e.ref) ?? 'unchanged');
          counts[rowStatus(own)]++;
        }
        progress.advance(batch.length);
      }
    } finally {
      progress.stop();
    }

    if (snapshotDate) {
      const [result] = await graph.writeTextTransaction((run) => run<{ closed: number }>(query(queries, 'close-facts'), { ...closing, date: snapshotDate }), WRITE_TIMEOUT_MS);
      counts.closed = result?.closed ?? 0;
    } else {
      const [unlisted] = await graph.readText<{ unlisted: number }>(query(queries, 'unlisted-facts'), closing, 'datasets/unlisted-facts', WRITE_TIMEOUT_MS);
      counts.leftOpen = unlisted?.unlisted ?? 0;
    }
    if (mapping.derive) {
      const { query: name, what, params } = mapping.derive;
      const [counted] = await graph.writeTextTransaction((run) =>
        run<{ created: number; updated: number; unchanged: number; dropped: number; inferredOnly: number }>(query(queries, name), { ...params, dataset: mapping.name }),
        WRITE_TIMEOUT_MS,
      );
      derived = {
        what,
        created: counted?.created ?? 0,
        updated: counted?.updated ?? 0,
        unchanged: counted?.unchanged ?? 0,
        dropped: counted?.dropped ?? 0,
        inferredOnly: counted?.inferredOnly ?? 0,
      };
    }
    // An import that changed the graph is an entry of the audit trail, like a mutation: the change
    // feed and the graph version (HTTP caching) see imports and edits alike. A no-op import writes none.
    const changedFacts = counts.created + counts.updated + counts.reopened + counts.closed + (derived ? derived.created + derived.updated + derived.dropped : 0);
    if (changedFacts > 0) {
      const summary = { created: counts.created, updated: counts.updated, reopened: counts.reopened, closed: counts.closed, ...(derived ? { derived: { created: derived.created, updated: derived.updated, dropped: derived.dropped } } : {}) };
      await graph.writeTransaction((run) =>
        run('record-change', { actor: `import:${mapping.name}`, mutation: 'importDataset', target: mapping.name, involves: [mapping.name, source.id], before: null, after: JSON.stringify(summary), sourceId: source.id }),
      WRITE_TIMEOUT_MS);
    }
  }

  const ms = Date.now() - started;
  const report: DatasetReport & { changes: PreparedChange[] } = {
    dataset: mapping.name,
    file,
    contentHash,
    snapshotDate,
    dryRun: options.dryRun ?? false,
    read: records.length,
    valid: planned.length,
    ...counts,
    rejected: rejections.length,
    // in the file's order, whichever check (reading, cleaning, mapping) refused the row
    rejections: rejections.sort((a, b) => a.line - b.line),
    warnings,
    ms,
    rowsPerSecond: records.length / Math.max(ms / 1000, 0.001),
    nodes,
    facts: listed,
    changes,
    ...(derived ? { derived } : {}),
  };
  if (options.reportDir !== null) report.reportFile = writeReport(report, options.reportDir ?? REPORT_DIR);
  for (const line of summaryLines(report)) log(line);
  // What the mapping's prepare changed, by kind (every change is in the report file).
  const changed = new Map<string, { changes: number; lines: number }>();
  for (const c of changes) {
    const seen = changed.get(c.kind) ?? { changes: 0, lines: 0 };
    changed.set(c.kind, { changes: seen.changes + 1, lines: seen.lines + c.lines.length });
  }
  for (const [kind, n] of changed) log(`  cleaned (${kind}): ${n.changes} change(s) over ${n.lines} row(s)`);
  return report;
}
