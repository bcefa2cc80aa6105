import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { BUNDLED_DATASETS } from '../datasets/bundled';
import type { DatasetMapping } from '../datasets/mapping';
import { importDataset } from '../datasets/pipeline';
import type { DatasetReport } from '../datasets/report';
import type { Graph } from './graph';
import { loadQueries } from './queries';
import { mergeFact } from './merge-facts';
import { nameKeys } from './names';
import { readSeedInputs, type SeedInput } from './seed-inputs';

/**
 * Loads seeds/*.json into the graph. Every statement MERGEs on a natural key and replaces the
 * properties, so loading twice gives the same graph. The seed files are validated first:
 * a fact without a source, or one that names a source, label or relationship type we do not
 * know, stops the load before anything is written.
 */

export const RELATIONSHIP_TYPES = [
  'RECOGNIZES',
  'DOES_NOT_RECOGNIZE',
  'HAS_DIPLOMATIC_RELATIONS_WITH',
  'OPENS_EMBASSY_IN',
  'RECOGNIZES_AS_CAPITAL',
  'MEDIATES',
  'PARTY_TO',
  'SIGNED',
  'HOLDS_OFFICE',
  'SUPPORTS',
  'DECLARED_INDEPENDENCE_FROM',
  'PARTICIPATED_IN',
  'HELD_IN',
  'CONCLUDED_AT',
  'LOCATED_IN',
  'MEMBER_OF',
  'WITHDRAWAL_CLAIMED',
] as const;

/** Node labels and the property that identifies a node of that label. */
export const NODE_KEYS = {
  Country: 'code',
  Organization: 'code',
  Person: 'id',
  City: 'id',
  Agreement: 'id',
  Event: 'id',
  Source: 'id',
} as const;
type Label = keyof typeof NODE_KEYS;

const isoDate = z.iso.date();
const precision = z.enum(['DAY', 'MONTH', 'YEAR']);
const sourceIds = z.array(z.string().min(1)).min(1, 'every fact needs at least one source');
const named = { name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), sources: sourceIds };

const SeedFile = z.object({
  about: z.string().optional(),
  sources: z
    .array(
      z.object({
        id: z.string().min(1),
        publisher: z.string().min(1),
        date: isoDate.nullable(),
        title: z.string().min(1),
        url: z.url().optional(),
        credits: z.array(z.string()).default([]),
        file: z.string().optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  countries: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z]{2}$/),
        officialName: z.string().optional(),
        iso3: z.string().nullable().optional(),
        isoNumeric: z.string().nullable().optional(),
        region: z.string().optional(),
        subregion: z.string().nullable().optional(),
        demonyms: z.array(z.string()).optional(),
        capitals: z.array(z.string()).optional(),
        /** Only where a source says so; the API derives UN_MEMBER and OBSERVER from UN membership. */
        statehood: z.enum(['PARTIALLY_RECOGNIZED']).optional(),
        ...named,
      }),
    )
    .default([]),
  organizations: z
    .array(z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), kind: z.string().regex(/^[A-Z_]+$/).optional(), description: z.string().min(1).optional(), ...named }))
    .default([]),
  people: z.array(z.object({ id: z.string().min(1), ...named })).default([]),
  cities: z.array(z.object({ id: z.string().min(1), ...named })).default([]),
  agreements: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        date: isoDate.nullable(),
        precision: precision.nullable(),
        kind: z.enum(['ECONOMIC_NORMALIZATION', 'MUTUAL_RECOGNITION', 'DIPLOMATIC_RELATIONS', 'DIALOGUE', 'TREATY', 'OTHER']),
        status: z.enum(['PROPOSED', 'AGREED', 'SIGNED', 'IN_FORCE', 'ONGOING', 'LAPSED']),
        place: z.string().nullable(),
        summary: z.string().min(1),
        topics: z.array(z.string()).default([]),
        sources: sourceIds,
      }),
    )
    .default([]),
  events: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        kind: z.enum(['WAR', 'MILITARY_CAMPAIGN', 'SUMMIT', 'OTHER']),
        period: z.string().min(1),
        from: isoDate.nullable(),
        fromPrecision: precision.nullable(),
        to: isoDate.nullable(),
        toPrecision: precision.nullable(),
        deaths: z.number().int().positive().optional(),
        durationDays: z.number().int().positive().optional(),
        summary: z.string().min(1),
        sources: sourceIds,
      }),
    )
    .default([]),
  relationships: z
    .array(
      z
        .object({
          id: z.string().min(1),
          type: z.enum(RELATIONSHIP_TYPES),
          from: z.string().regex(/^[A-Za-z]+:.+$/),
          to: z.string().regex(/^[A-Za-z]+:.+$/),
          validFrom: isoDate.optional(),
          validTo: isoDate.optional(),
          precision: precision.optional(),
          attestedOn: z.array(isoDate).optional(),
          status: z.enum(['PLEDGED', 'OPENED', 'MOVED_BACK', 'REOPENED', 'PLEDGE_LAPSED', 'DIPLOMATIC_OFFICE', 'CLOSED', 'MEMBER', 'OBSERVER']).optional(),
          note: z.string().optional(),
          sources: sourceIds,
        })
        .catchall(z.union([z.string(), z.number(), z.boolean()])),
    )
    .default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed data is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

function toDate(value: string | null | undefined) {
  return value ? neo4j.types.Date.fromStandardDate(new Date(`${value}T00:00:00Z`)) : null;
}

/** Properties with ISO date strings turned into Neo4j dates, and undefined/null dropped. */
function props(record: Record<string, unknown>, dateKeys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    if (dateKeys.includes(key)) out[key] = Array.isArray(value) ? value.map((v) => toDate(v as string)) : toDate(value as string);
    else if (typeof value === 'number' && Number.isInteger(value)) out[key] = neo4j.int(value); // an INTEGER, not a FLOAT, in Neo4j
    else out[key] = value;
  }
  return out;
}

function endpoint(ref: string, problems: string[], known: (label: Label, value: string) => boolean) {
  const colon = ref.indexOf(':');
  const label = ref.slice(0, colon) as Label;
  const value = ref.slice(colon + 1);
  if (!(label in NODE_KEYS)) problems.push(`unknown label in "${ref}"`);
  else if (!known(label, value)) problems.push(`"${ref}" is not defined in any seed input`);
  return { label, key: NODE_KEYS[label] ?? 'id', value };
}

export interface SeedPlan {
  nodesByCode: { label: Label; props: Record<string, unknown> }[];
  nodesById: { label: Label; props: Record<string, unknown> }[];
  relationships: Record<string, unknown>[];
}

/** Validates every seed file together (a relationship may point at a node from another file) and plans the writes. */
function union(a: unknown, b: unknown): unknown[] {
  return [...new Set([...((a as unknown[]) ?? []), ...((b as unknown[]) ?? [])])];
}

/** Two records for the same node: lists are united, the first non-empty value of anything else is kept. */
function mergeNode(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    if (Array.isArray(value) || Array.isArray(into[key])) into[key] = union(into[key], value);
    else if (into[key] === undefined || into[key] === null) into[key] = value;
  }
}

const NODE_LISTS = [
  ['sources', 'Source', ['date']],
  ['countries', 'Country', []],
  ['organizations', 'Organization', []],
  ['people', 'Person', []],
  ['cities', 'City', []],
  ['agreements', 'Agreement', ['date']],
  ['events', 'Event', ['from', 'to']],
] as const;
const NAMED: Label[] = ['Country', 'Organization', 'Person', 'City'];

/**
 * Validates every seed input together (a fact may point at a node from another input), merges
 * records of the same node or fact from different inputs, and plans the writes.
 */
export function planSeeds(files: { name: string; data: unknown }[]): SeedPlan {
  const problems: string[] = [];
  const parsed: SeedFile[] = [];
  for (const file of files) {
    const result = SeedFile.safeParse(file.data);
    if (result.success) parsed.push(result.data);
    else problems.push(...result.error.issues.map((i) => `${file.name}: ${i.path.join('.')}: ${i.message}`));
  }
  if (problems.length) throw new SeedError(problems);

  const nodes = new Map<string, { label: Label; record: Record<string, unknown>; dateKeys: readonly string[] }>();
  for (const f of parsed) {
    for (const [list, label, dateKeys] of NODE_LISTS) {
      for (const item of f[list] as Record<string, unknown>[]) {
        const id = `${label}:${item[NODE_KEYS[label]]}`;
        const existing = nodes.get(id);
        if (existing) mergeNode(existing.record, item);
        else nodes.set(id, { label, record: { ...item }, dateKeys });
      }
    }
  }
  const sourceIds = new Set([...nodes.keys()].filter((k) => k.startsWith('Source:')).map((k) => k.slice('Source:'.length)));
  const checkSources = (owner: string, ids: unknown) => {
    for (const id of ids as string[]) if (!sourceIds.has(id)) problems.push(`${owner} cites unknown source "${id}"`);
  };

  const facts = new Map<string, Record<string, unknown>>();
  for (const f of parsed) {
    for (const rel of f.relationships) {
      const existing = facts.get(rel.id);
      if (!existing) facts.set(rel.id, { ...rel });
      else if (existing.type !== rel.type || existing.from !== rel.from || existing.to !== rel.to) {
        problems.push(`relationship id "${rel.id}" names two different facts`);
      } else mergeFact(existing, rel);
    }
  }

  const plan: SeedPlan = { nodesByCode: [], nodesById: [], relationships: [] };
  for (const [id, { label, record, dateKeys }] of nodes) {
    if (label !== 'Source') checkSources(`node ${id}`, record.sources);
    if (NAMED.includes(label)) {
      record.nameKeys = nameKeys([String(record.name), ...((record.aliases as string[]) ?? []), ...(record.code ? [String(record.code)] : [])]);
    }
    (NODE_KEYS[label] === 'code' ? plan.nodesByCode : plan.nodesById).push({ label, props: props(record, [...dateKeys]) });
  }
  const known = (label: Label, value: string) => nodes.has(`${label}:${value}`);
  for (const rel of facts.values()) {
    checkSources(`relationship ${rel.id}`, rel.sources);
    const from = endpoint(String(rel.from), problems, known);
    const to = endpoint(String(rel.to), problems, known);
    const { type, from: _from, to: _to, ...rest } = rel;
    plan.relationships.push({
      type,
      fromLabel: from.label,
      fromKey: from.key,
      fromValue: from.value,
      toLabel: to.label,
      toKey: to.key,
      toValue: to.value,
      props: props(rest, ['validFrom', 'validTo', 'attestedOn']),
    });
  }
  if (problems.length) throw new SeedError(problems);
  return plan;
}

/** Creates every constraint and index in cypher/constraints that does not exist yet (all IF NOT EXISTS). */
export async function applyConstraints(graph: Graph): Promise<number> {
  // Constraint-backed indexes are listed by SHOW INDEXES too, under the constraint's name.
  const existing = new Set((await graph.readText<{ name: string }>('SHOW INDEXES YIELD name')).map((r) => r.name));
  const missing: string[] = [];
  for (const { name, text } of loadQueries('constraints').values()) {
    const constraint = /CREATE (?:CONSTRAINT|(?:FULLTEXT |TEXT |RANGE |POINT )?INDEX) (\w+)/.exec(text)?.[1];
    if (!constraint) throw new Error(`cypher/constraints/${name}.cypher does not create a named constraint or index`);
    if (!existing.has(constraint)) missing.push(text);
  }
  // One schema transaction for all of them: a fresh database's forty-odd commits cost seconds.
  if (missing.length > 0) {
    await graph.writeTextTransaction(async (run) => {
      for (const text of missing) await run(text, {});
    });
  }
  const created = missing.length;
  // New indexes populate in the background; wait, so the first queries after a seed use them.
  if (created > 0) await graph.readText('CALL db.awaitIndexes(120)');
  return created;
}

export interface SeedReport {
  /** Nodes and relationships the seed files and the data sets state (each counted once), and the facts the data sets inferred. */
  nodes: number;
  relationships: number;
  /** Input rows that could not become facts, with the reason. */
  skipped: string[];
  /** One report per bundled data set, loaded after the seed files. */
  datasets: DatasetReport[];
  ms: number;
}

export interface SeedOptions {
  /** The data sets to load after the seed files (default: every bundled one, seeds/datasets). */
  datasets?: readonly DatasetMapping[];
  /** Where each data set's summary goes (nowhere by default). */
  log?: (line: string) => void;
  /** A progress bar per data set on a terminal. */
  progress?: boolean;
  /** Folder for the data sets' report files (default .import-reports/; null: none). */
  reportDir?: string | null;
}

/** Applies constraints, then loads every seed file, then every bundled data set. Idempotent. */
export async function seed(graph: Graph, inputs: SeedInput[] = readSeedInputs(), options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const plan = planSeeds(inputs);
  await applyConstraints(graph);
  const statements = loadQueries('seed');
  const run = async (name: string, rows: unknown[]) => {
    if (rows.length) await graph.writeText(statements.get(name)!.text, { rows });
  };
  await run('nodes-by-code', plan.nodesByCode);
  await run('nodes-by-id', plan.nodesById);
  await run('relationships', plan.relationships);
  // Audit entries from before the trail was numbered get their numbers (none to do on a new graph).
  await graph.writeText(statements.get('number-changes')!.text, {});

  // A data set may add to a fact the seed files hold (a UN membership's admission date): it loads after them.
  const datasets: DatasetReport[] = [];
  for (const mapping of options.datasets ?? BUNDLED_DATASETS) {
    datasets.push(await importDataset(graph, mapping, { log: options.log, progress: options.progress, reportDir: options.reportDir }));
  }
  const nodes = new Set([...plan.nodesByCode, ...plan.nodesById].map((n) => `${n.label}:${String(n.props[NODE_KEYS[n.label]])}`));
  const relationships = new Set(plan.relationships.map((r) => String((r.props as { id: string }).id)));
  for (const report of datasets) {
    report.nodes.forEach((n) => nodes.add(n));
    report.facts.forEach((f) => relationships.add(f));
  }
  // Facts a data set inferred (relations from missions) that no input states itself.
  const inferred = datasets.reduce((n, d) => n + (d.derived?.inferredOnly ?? 0), 0);
  return {
    nodes: nodes.size,
    relationships: relationships.size + inferred,
    skipped: [
      ...inputs.flatMap((i) => (i.skipped ?? []).map((why) => `${i.name}: ${why}`)),
      ...datasets.filter((d) => d.rejected > 0).map((d) => `${d.dataset}: ${d.rejected} of ${d.read} rows rejected${d.reportFile ? ` (reasons in ${d.reportFile})` : ''}`),
    ],
    datasets,
    ms: Date.now() - started,
  };
}
