import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config';
import type { Graph } from './graph';
import { loadQueries } from './queries';
import { nameKeys } from './names';

/**
 * Loads seeds/*.json into the graph. Every statement MERGEs on a natural key and replaces the
 * properties, so loading twice gives the same graph. The seed files are validated first:
 * a fact without a source, or one that names a source, label or relationship type we do not
 * know, stops the load before anything is written.
 */

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

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
        date: isoDate,
        title: z.string().min(1),
        url: z.url().optional(),
        credits: z.array(z.string()).default([]),
        file: z.string().optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  countries: z.array(z.object({ code: z.string().regex(/^[A-Z]{2}$/), ...named })).default([]),
  organizations: z.array(z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), ...named })).default([]),
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
          status: z.enum(['PLEDGED', 'OPENED', 'MOVED_BACK', 'REOPENED', 'PLEDGE_LAPSED', 'DIPLOMATIC_OFFICE']).optional(),
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
    else out[key] = value;
  }
  return out;
}

function endpoint(ref: string, problems: string[], known: Map<string, Set<string>>) {
  const colon = ref.indexOf(':');
  const label = ref.slice(0, colon) as Label;
  const value = ref.slice(colon + 1);
  if (!(label in NODE_KEYS)) problems.push(`unknown label in "${ref}"`);
  else if (!known.get(label)?.has(value)) problems.push(`"${ref}" is not defined in any seed file`);
  return { label, key: NODE_KEYS[label] ?? 'id', value };
}

export interface SeedPlan {
  nodesByCode: { label: Label; props: Record<string, unknown> }[];
  nodesById: { label: Label; props: Record<string, unknown> }[];
  relationships: Record<string, unknown>[];
}

/** Validates every seed file together (a relationship may point at a node from another file) and plans the writes. */
export function planSeeds(files: { name: string; data: unknown }[]): SeedPlan {
  const problems: string[] = [];
  const parsed: SeedFile[] = [];
  for (const file of files) {
    const result = SeedFile.safeParse(file.data);
    if (result.success) parsed.push(result.data);
    else problems.push(...result.error.issues.map((i) => `${file.name}: ${i.path.join('.')}: ${i.message}`));
  }
  if (problems.length) throw new SeedError(problems);

  const plan: SeedPlan = { nodesByCode: [], nodesById: [], relationships: [] };
  const known = new Map<string, Set<string>>(Object.keys(NODE_KEYS).map((l) => [l, new Set<string>()]));
  const sourceIds = new Set(parsed.flatMap((f) => f.sources.map((s) => s.id)));
  const checkSources = (owner: string, ids: string[]) => {
    for (const id of ids) if (!sourceIds.has(id)) problems.push(`${owner} cites unknown source "${id}"`);
  };
  const add = (label: Label, record: Record<string, unknown>, dateKeys: string[] = []) => {
    const key = NODE_KEYS[label];
    known.get(label)!.add(String(record[key]));
    const entry = { label, props: props(record, dateKeys) };
    (key === 'code' ? plan.nodesByCode : plan.nodesById).push(entry);
  };

  for (const f of parsed) {
    f.sources.forEach((s) => add('Source', s, ['date']));
    f.countries.forEach((c) => add('Country', { ...c, nameKeys: nameKeys([c.name, ...c.aliases, c.code]) }));
    f.organizations.forEach((o) => add('Organization', { ...o, nameKeys: nameKeys([o.name, ...o.aliases, o.code]) }));
    f.people.forEach((p) => add('Person', { ...p, nameKeys: nameKeys([p.name, ...p.aliases]) }));
    f.cities.forEach((c) => add('City', { ...c, nameKeys: nameKeys([c.name, ...c.aliases]) }));
    f.agreements.forEach((a) => add('Agreement', a, ['date']));
    f.events.forEach((e) => add('Event', e, ['from', 'to']));
    for (const n of [...f.countries, ...f.organizations, ...f.people, ...f.cities, ...f.agreements, ...f.events]) {
      checkSources(`node ${'code' in n ? n.code : n.id}`, n.sources);
    }
  }
  const factIds = new Set<string>();
  for (const f of parsed) {
    for (const rel of f.relationships) {
      if (factIds.has(rel.id)) problems.push(`relationship id "${rel.id}" is used twice`);
      factIds.add(rel.id);
      checkSources(`relationship ${rel.id}`, rel.sources);
      const from = endpoint(rel.from, problems, known);
      const to = endpoint(rel.to, problems, known);
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
  }
  if (problems.length) throw new SeedError(problems);
  return plan;
}

export function readSeedFiles(dir = SEEDS_DIR): { name: string; data: unknown }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) }));
}

/** Creates every constraint and index in cypher/constraints (all IF NOT EXISTS). */
export async function applyConstraints(graph: Graph): Promise<number> {
  const existing = new Set((await graph.readText<{ name: string }>('SHOW CONSTRAINTS YIELD name')).map((r) => r.name));
  let created = 0;
  for (const { name, text } of loadQueries('constraints').values()) {
    const constraint = /CREATE CONSTRAINT (\w+)/.exec(text)?.[1];
    if (!constraint) throw new Error(`cypher/constraints/${name}.cypher does not create a named constraint`);
    if (existing.has(constraint)) continue;
    await graph.writeText(text);
    created++;
  }
  return created;
}

export interface SeedReport {
  nodes: number;
  relationships: number;
  ms: number;
}

/** Applies constraints, then loads every seed file. Idempotent. */
export async function seed(graph: Graph, files = readSeedFiles()): Promise<SeedReport> {
  const started = Date.now();
  const plan = planSeeds(files);
  await applyConstraints(graph);
  const statements = loadQueries('seed');
  const run = async (name: string, rows: unknown[]) => {
    if (rows.length) await graph.writeText(statements.get(name)!.text, { rows });
  };
  await run('nodes-by-code', plan.nodesByCode);
  await run('nodes-by-id', plan.nodesById);
  await run('relationships', plan.relationships);
  return {
    nodes: plan.nodesByCode.length + plan.nodesById.length,
    relationships: plan.relationships.length,
    ms: Date.now() - started,
  };
}
