import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../config';
import { nameKeys, slug } from '../graph/names';
import { LONG_TX_MS } from '../graph/graph';
import { loadQueries } from '../graph/queries';
import { cleanTerms, COLLECTIVE_BODIES, ROLES, SCOPE_START, wikidataDay, type CleanTerm, type Term } from './leader-terms';
import { neo4jDate, type CsvRow, type DatasetMapping, type Element, type PreparedChange, type Props, type Rejection, type SourceRow } from './mapping';
import type { Names } from './names';
import { isItemIdOnly } from './validate';

/**
 * Heads of state and of government from Wikidata's position-held statements (a snapshot of
 * October 2025): each term a HOLDS_OFFICE of a Person (with the person's Wikidata item) to a
 * state, role "head of state" or "head of government". The snapshot is raw; `prepare` cleans it
 * across rows (leader-terms.ts) and the report lists every change: one person's split terms
 * merged, open terms closed at the successor's start (marked inferred), English names from
 * wikidata-leaders-english-labels.csv (the snapshot's Portuguese label kept as an alias), people
 * the graph already holds matched by name instead of duplicated. Item-id labels, collective
 * bodies, impossible dates and terms that ended before 1945 are rejected with their reason.
 */

export const ENGLISH_LABELS_FILE = path.join(PROJECT_ROOT, 'seeds', 'datasets', 'wikidata-leaders-english-labels.csv');

const ROLE_IDS = { 'head of state': 'hos', 'head of government': 'hog' } as const;
const item = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;
const text = (value: string | undefined) => (value ?? '').trim();

/** The English names the override file gives, by item id. */
export function englishLabels(file = ENGLISH_LABELS_FILE): Map<string, string> {
  const rows = parse(fs.readFileSync(file), { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return new Map(rows.filter((r) => r.person_qid && r.english_name).map((r) => [r.person_qid!, r.english_name!]));
}

/** One row as a term, or why it cannot be one. */
export function readTerm(row: CsvRow, line: number, names: Names): Term | Rejection {
  const code = text(row.iso2).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return { reject: `iso2 ${JSON.stringify(row.iso2)} is not an ISO 3166-1 alpha-2 code` };
  if (!names.hasCountry(code)) return { reject: `iso2 ${code} (${text(row.country_pt)}) is no state in the graph` };
  const role = ROLES[text(row.role)];
  if (!role) return { reject: `role ${JSON.stringify(row.role)} is neither head_of_state nor head_of_government` };
  const qid = text(row.person_qid);
  if (!isItemIdOnly(qid)) return { reject: `person_qid ${JSON.stringify(row.person_qid)} is not a Wikidata item id` };
  const label = text(row.person);
  if (label === '') return { reject: 'person is empty' };
  if (isItemIdOnly(label)) return { reject: `person ${JSON.stringify(label)} is only a Wikidata item id, not a name` };
  const collective = COLLECTIVE_BODIES[qid];
  if (collective) return { reject: `${collective}; kept out of Person` };
  const start = wikidataDay(text(row.start), 'start');
  if ('reason' in start) return { reject: start.reason };
  const end = wikidataDay(text(row.end), 'end');
  if ('reason' in end) return { reject: end.reason };
  if (!('day' in start) && !('day' in end)) return { reject: 'the term gives neither a start nor an end: when it was held is unknown' };
  if ('day' in start && 'day' in end && end.day < start.day) return { reject: `the term ends (${end.day}) before it starts (${start.day})` };
  return {
    line, qid, label, code, role,
    start: 'day' in start ? start.day : null,
    end: 'day' in end ? end.day : null,
    endUnknown: 'unknown' in end && end.unknown === 'unknown-value',
  };
}

/** What prepare hands to map for one clean term (in the row's `cleaned` column). */
interface Cleaned {
  term: CleanTerm;
  person: { id: string; props: Props };
}

interface GraphPerson {
  id: string;
  nameKeys: string[];
  wikidata: string | null;
  /** Made by this data set (its name is the data set's), not a person the graph held before. */
  made: boolean;
}

const span = (s: { start: string | null; end: string | null }) => `${s.start ?? '?'} to ${s.end ?? 'open'}`;

export const wikidataLeaders: DatasetMapping = {
  name: 'wikidata-leaders',
  columns: ['iso2', 'iso3', 'country_pt', 'role', 'person', 'person_qid', 'start', 'end', 'party', 'end_cause'],
  source: {
    publisher: 'Wikidata',
    title: 'Heads of state and of government: position-held statements (snapshot)',
    url: 'https://www.wikidata.org/',
    license: 'CC0 1.0',
    date: '2025-10-01',
    note:
      'A snapshot of October 2025 (the month, not the day, is known: stored as its first day), with English names for Portuguese labels ' +
      'from wikidata-leaders-english-labels.csv. Cleaned on import: split terms merged, open terms closed at the successor\'s start ' +
      '(marked inferred), terms that ended before 1945 left out. The snapshot does not say how precise a date is.',
  },
  shape: 'wikidata-leaders',

  async prepare(rows, { names, graph }) {
    const english = englishLabels();
    const people = await graph.readText<GraphPerson>(loadQueries('datasets').get('leader-people')!.text, {}, 'datasets/leader-people', LONG_TX_MS);
    const terms: Term[] = [];
    const passOn: SourceRow[] = [];
    const rowOfLine = new Map<number, CsvRow>();
    for (const r of rows) {
      const term = readTerm(r.row, r.line, names);
      if ('reject' in term) passOn.push(r);
      else {
        terms.push(term);
        rowOfLine.set(r.line, r.row);
      }
    }
    const cleaned = cleanTerms(terms);
    const changes: PreparedChange[] = [];

    // Who each item is in the graph: the person with its item id, else the one person known by one
    // of its names (and not already someone else's item), else a new Person.
    const byItem = new Map(people.filter((p) => p.wikidata).map((p) => [p.wikidata!, { id: p.id, made: p.made }]));
    const byKey = new Map<string, Set<string>>();
    for (const p of people.filter((q) => !q.wikidata)) for (const k of p.nameKeys) byKey.set(k, new Set([...(byKey.get(k) ?? []), p.id]));
    const takenIds = new Set(people.map((p) => p.id));
    const labelOf = new Map<string, { label: string; lines: number[] }>();
    for (const t of terms) {
      const seen = labelOf.get(t.qid);
      if (!seen) labelOf.set(t.qid, { label: t.label, lines: [t.line] });
      else seen.lines.push(t.line);
    }
    const qids = [...labelOf.keys()].sort();
    const named = new Map(qids.map((qid) => {
      const label = labelOf.get(qid)!.label;
      const name = english.get(qid) ?? label;
      return [qid, { name, aliases: name === label ? [] : [label] }];
    }));
    const matches = new Map<string, string[]>();
    for (const qid of qids) {
      if (byItem.has(qid)) continue;
      const { name, aliases } = named.get(qid)!;
      const found = new Set(nameKeys([name, ...aliases]).flatMap((k) => [...(byKey.get(k) ?? [])]));
      for (const id of found) matches.set(id, [...(matches.get(id) ?? []), qid]);
    }
    const slugCount = new Map<string, number>();
    for (const qid of qids) slugCount.set(slug(named.get(qid)!.name), (slugCount.get(slug(named.get(qid)!.name)) ?? 0) + 1);
    const personOf = new Map<string, Cleaned['person']>();
    for (const qid of qids) {
      const { name, aliases } = named.get(qid)!;
      const lines = labelOf.get(qid)!.lines;
      if (aliases.length) {
        changes.push({ kind: 'english-name', key: qid, lines, description: `${qid}: named ${JSON.stringify(name)} from the English labels file; the snapshot's ${JSON.stringify(aliases[0])} is kept as an alias` });
      }
      const known = byItem.get(qid);
      const candidates = [...matches.entries()].filter(([, q]) => q.includes(qid)).map(([id]) => id);
      if (known) {
        // A person this data set made keeps its names from here; one the graph held before keeps its own.
        if (known.made) personOf.set(qid, newPerson(known.id));
        else {
          changes.push({ kind: 'matched-person', key: qid, lines, description: `${qid} (${name}) is the graph's person ${known.id} (by its item id): the terms are added to that person` });
          personOf.set(qid, { id: known.id, props: { wikidata: qid } });
        }
        continue;
      }
      if (candidates.length === 1 && matches.get(candidates[0]!)!.length === 1) {
        const id = candidates[0]!;
        changes.push({ kind: 'matched-person', key: qid, lines, description: `${qid} (${name}) is the graph's person ${id}, matched by name: the terms are added to that person, not to a new one` });
        personOf.set(qid, { id, props: { wikidata: qid } });
        continue;
      }
      if (candidates.length > 0) {
        changes.push({ kind: 'ambiguous-person', key: qid, lines, description: `${qid} (${name}) shares a name with the graph's ${candidates.join(', ')}, which is not one person for one item: a new Person is made` });
      }
      const base = slug(name);
      const id = slugCount.get(base)! > 1 || takenIds.has(base) ? `${base}-${qid.toLowerCase()}` : base;
      personOf.set(qid, newPerson(id));

      function newPerson(personId: string) {
        return { id: personId, props: { name, aliases, nameKeys: nameKeys([name, ...aliases]), wikidata: qid } };
      }
    }

    const prepared: SourceRow[] = [...passOn];
    for (const term of cleaned) {
      const where = `${term.qid} (${named.get(term.qid)!.name}), ${term.role} of ${term.code}`;
      if (term.lines.length > 1) {
        changes.push({
          kind: 'merged', key: term.qid, lines: term.lines,
          description: `${where}: ${term.lines.length} touching or overlapping rows (${term.spans.map(span).join('; ')}) merged into one term, ${span(term)}`,
        });
      }
      if (term.inferredFrom) {
        changes.push({
          kind: 'end-inferred', key: term.qid, lines: term.lines,
          description: `${where}: no end given; closed on ${term.end}, the start of ${term.inferredFrom.label}'s (${term.inferredFrom.qid}) term`,
        });
      }
      if (term.concurrent) {
        changes.push({
          kind: 'left-open-joint-role', key: term.qid, lines: term.lines,
          description: `${where}: no end given, and later holders started, but the role is held jointly in ${term.code} (terms of different people overlap), so no successor is inferred; left open`,
        });
      }
      const first = rowOfLine.get(term.lines[0]!)!;
      const payload: Cleaned = { term, person: personOf.get(term.qid)! };
      prepared.push({ line: term.lines[0]!, row: { ...first, cleaned: JSON.stringify(payload) } });
    }
    prepared.sort((a, b) => a.line - b.line);
    return { rows: prepared, changes };
  },

  map(row, { names }) {
    if (!row.cleaned) {
      const term = readTerm(row, 0, names);
      if ('reject' in term) return term;
      throw new Error('wikidata-leaders rows are mapped after prepare: this row was not prepared');
    }
    const { term, person } = JSON.parse(row.cleaned) as Cleaned;
    const id = `leader-${term.qid}-${term.code}-${ROLE_IDS[term.role]}-${term.start ?? `to-${term.end}`}`;
    const reject = (reason: string) => ({ reject: reason, key: id });
    if (term.end !== null && term.end < SCOPE_START) {
      return reject(`out of scope: the term ended on ${term.end}${term.inferredFrom ? ' (inferred from the successor)' : ''}, before 1945`);
    }
    if (term.endUnknown) {
      return reject('the term ended on a day Wikidata records as an unknown value, and no later holder of the role gives the day: its span is unknown');
    }
    const props: Props = { role: term.role };
    if (term.start) props.validFrom = neo4jDate(term.start);
    if (term.end) props.validTo = neo4jDate(term.end);
    const notes: string[] = [];
    if (term.lines.length > 1) notes.push(`One term made of ${term.lines.length} touching or overlapping rows of the snapshot (${term.spans.map(span).join('; ')}).`);
    if (term.inferredFrom) {
      props.untilInferred = true;
      notes.push(`The snapshot gives no end: inferred as the start of the successor's term (${term.inferredFrom.label}, ${term.inferredFrom.qid}).`);
    }
    if (term.concurrent) notes.push('The snapshot gives no end; later holders do not end it, since the role is held jointly.');
    if (notes.length) props.note = notes.join(' ');
    const origins = [item(term.qid)];
    const elements: Element[] = [
      { kind: 'fact', ref: id, props },
      { kind: 'node', ref: `Person:${person.id}`, props: person.props, shared: true },
    ];
    return { key: id, origins, shape: { id, person: person.id, code: term.code }, elements };
  },
};
