import { mergeFact } from '../graph/merge-facts';
import { claimDate, pageSources, readSeedInputs } from '../graph/seed-inputs';
import { neo4jDate, type DatasetMapping, type Element, type MappedRow, type Props, type Rejection } from './mapping';
import type { Names } from './names';
import { calendarDay, label, partialDay } from './validate';

/**
 * Who recognizes a contested state: one table per entity (seeds/datasets/recognition/*.csv), one
 * format, one mapping. Each file is its own data set (`recognition-<file>`), so a file can be
 * re-imported alone and closes only its own facts; they share everything below.
 *
 * A row is one (recognizer, recognized) pair:
 * - `yes`: a RECOGNIZES fact from `date`;
 * - `withdrawn` (withdrew, switched, froze, suspended — undisputed): the same fact with its end,
 *   `validTo` = the date in the note ("withdrawn 2019", "suspended: withdrawn 2024-10-22") and
 *   `withdrawal` = WITHDRAWN, FROZEN or SUSPENDED (the word the note opens with). A withdrawal the
 *   sources do not date ends "at an unknown date": the fact holds on no day after its start — its
 *   `validTo` is its start (or 0001-01-01 where the start is unknown too) and `untilUnknown` says so
 *   — so it is never counted as recognizing on a date the evidence does not reach;
 * - `withdrawn-claimed`: the recognition stands, with a WITHDRAWAL_CLAIMED fact beside it (the
 *   claimant per entity below, the claim's date where the note gives one);
 * - `no`: a DOES_NOT_RECOGNIZE fact, attested on the note's "Evidence as of" date where it has one.
 * A row whose note says the fact itself rests on indirect evidence ("INFERRED: not among the 28...",
 * "current status INFERRED", "withdrawn 2025-05-27 INFERRED") is marked `inferred`; a date that was
 * inferred ("day INFERRED") is said in the note only. Each page a row cites becomes a Source (the
 * same `web-<site>-<hash>` the seed loader made of the Kosovo table, so facts keep their sources).
 */

const COLUMNS = ['recognizer', 'recognizer_iso2', 'recognized', 'recognized_iso2', 'status', 'date', 'note', 'source'] as const;

/** Who claims the disputed withdrawals of recognitions of each entity, as the tables' notes say. */
const CLAIMANT: Record<string, string> = {
  // Serbia claims withdrawals that Kosovo disputes.
  XK: 'RS',
  // Moroccan officials and media claim withdrawals the states have not confirmed.
  EH: 'MA',
  // The PLO Central Council's votes to suspend the recognition of Israel, not carried out.
  IL: 'PS',
};

/** A day no fact reaches back to: the end of a withdrawn recognition whose start and end are both unknown. */
export const NO_DAY = '0001-01-01';

const FACT_TYPES = ['RECOGNIZES', 'DOES_NOT_RECOGNIZE', 'WITHDRAWAL_CLAIMED'] as const;
type FactType = (typeof FACT_TYPES)[number];

interface Statement {
  id: string;
  type: FactType;
  /** What the row says, dates as ISO strings. */
  props: Record<string, unknown>;
}

const INFERRED_FACT = /^INFERRED\b|status INFERRED|withdrawn \d{4}(?:-\d{2}){0,2} INFERRED/;

/** The pages a `source` cell cites: addresses separated by "; ", each perhaps with a description. */
export function citedPages(cell: string): ReturnType<typeof pageSources> {
  return cell
    .split(/;\s+(?=https?:\/\/)/)
    .map((part) => part.trim())
    .filter((part) => /^https?:\/\//.test(part))
    .flatMap((part) => pageSources(part));
}

/** The withdrawal's date as the note gives it ("withdrawn 2019", "withdrawn 2024-01-15"), and the word used. */
export function withdrawalOf(note: string): { date?: string; kind: 'WITHDRAWN' | 'FROZEN' | 'SUSPENDED' } {
  const word = /^(frozen|suspended)\b\s*[:(]/i.exec(note.trim())?.[1]?.toUpperCase() as 'FROZEN' | 'SUSPENDED' | undefined;
  const date = /\bwithdrawn (\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/.exec(note)?.[1];
  return { kind: word ?? 'WITHDRAWN', ...(date ? { date } : {}) };
}

/** "Evidence as of 2023-12." in a `no` row's note: the day (first of a month) the refusal was last attested. */
export function evidenceDate(note: string): string | undefined {
  const text = /evidence as of (\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/i.exec(note)?.[1];
  if (!text) return undefined;
  const day = partialDay(text);
  return 'ok' in day ? day.ok.day : undefined;
}

/** The recognition facts the seed files state themselves (the articles'), by id: merged with the table's, as the seed did. */
let seedStatements: Map<string, Record<string, unknown>> | undefined;
function statedBySeed(id: string): Record<string, unknown> | undefined {
  if (!seedStatements) {
    seedStatements = new Map();
    for (const input of readSeedInputs()) {
      const facts = ((input.data as { relationships?: Record<string, unknown>[] }).relationships ?? []).filter((r) => FACT_TYPES.includes(r.type as FactType));
      for (const fact of facts) {
        const known = seedStatements.get(String(fact.id));
        if (known) mergeFact(known, fact);
        else seedStatements.set(String(fact.id), { ...fact });
      }
    }
  }
  return seedStatements.get(id);
}

/** Where the seed files state the fact too, what the graph keeps of the two: the seed's merge rule, the table second. */
function withSeed(statement: Statement, cites: string[]): Record<string, unknown> {
  const seeded = statedBySeed(statement.id);
  if (!seeded) return statement.props;
  const merged = { ...seeded };
  mergeFact(merged, { ...statement.props, sources: cites });
  const keys = new Set(Object.keys(statement.props));
  if (keys.has('validFrom')) keys.add('precision');
  for (const key of Object.keys(merged)) if (key === 'note' && merged.note !== seeded.note) keys.add(key);
  return Object.fromEntries([...keys].filter((k) => merged[k] !== undefined).map((k) => [k, merged[k]]));
}

function neo4jProps(props: Record<string, unknown>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'validFrom' || key === 'validTo') out[key] = neo4jDate(String(value));
    else if (key === 'attestedOn') out[key] = (value as string[]).map((d) => neo4jDate(d));
    else out[key] = value;
  }
  return out;
}

/** A state named by code and name, checked against the graph's states. */
function state(names: Names, name: string, code: string, what: string): { code: string } | { reason: string } {
  const named = label(name, what);
  if ('reason' in named) return named;
  const given = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(given)) return { reason: `${what}_iso2 ${JSON.stringify(code)} is not a two-letter code` };
  if (!names.hasCountry(given)) return { reason: `${what} ${named.ok} (${given}) resolves to no state in the graph` };
  const byName = names.country(named.ok);
  if (byName && byName !== given) return { reason: `${what} ${named.ok} is ${byName} by name, but its code says ${given}` };
  return { code: given };
}

function mapRow(row: Record<string, string>, names: Names): MappedRow | Rejection {
  const from = state(names, row.recognizer ?? '', row.recognizer_iso2 ?? '', 'recognizer');
  if ('reason' in from) return { reject: from.reason };
  const to = state(names, row.recognized ?? '', row.recognized_iso2 ?? '', 'recognized');
  if ('reason' in to) return { reject: to.reason };
  const key = `${from.code}-${to.code}`;
  if (from.code === to.code) return { reject: `${from.code} cannot recognize itself`, key };

  const status = (row.status ?? '').trim();
  const note = (row.note ?? '').trim();
  const pages = citedPages(row.source ?? '');
  if (pages.length === 0) return { reject: 'the row cites no address in its source column', key };

  let since: { day: string; precision: 'DAY' | 'MONTH' | 'YEAR' } | undefined;
  if ((row.date ?? '').trim()) {
    const checked = partialDay(row.date!, 'date');
    if ('reason' in checked) return { reject: checked.reason, key };
    since = checked.ok;
  }
  const inferred = INFERRED_FACT.test(note) ? { inferred: true } : {};
  const base = { ...(note ? { note } : {}), ...inferred };
  const recognition = (): Record<string, unknown> => ({ ...(since ? { validFrom: since.day, precision: since.precision } : {}), ...base });

  const statements: Statement[] = [];
  switch (status) {
    case 'yes':
      statements.push({ id: `rec-${key}`, type: 'RECOGNIZES', props: recognition() });
      break;
    case 'withdrawn': {
      const withdrawal = withdrawalOf(note);
      const props = { ...recognition(), withdrawal: withdrawal.kind };
      if (withdrawal.date) {
        const until = partialDay(withdrawal.date, 'withdrawal date');
        if ('reason' in until) return { reject: until.reason, key };
        if (since && until.ok.day < since.day) return { reject: `withdrawn on ${withdrawal.date}, before it was given (${row.date})`, key };
        Object.assign(props, { validTo: until.ok.day, untilPrecision: until.ok.precision });
      } else {
        Object.assign(props, { validTo: since?.day ?? NO_DAY, untilUnknown: true });
      }
      statements.push({ id: `rec-${key}`, type: 'RECOGNIZES', props });
      break;
    }
    case 'withdrawn-claimed': {
      const claimant = CLAIMANT[to.code];
      if (!claimant) return { reject: `a disputed withdrawal of a recognition of ${to.code}, and no claimant is known for ${to.code}`, key };
      const claimed = claimDate(note);
      statements.push({ id: `rec-${key}`, type: 'RECOGNIZES', props: recognition() });
      statements.push({
        id: `withdrawal-claim-${key}`,
        type: 'WITHDRAWAL_CLAIMED',
        props: { claimedBy: claimant, ...(claimed ? { validFrom: claimed.validFrom, precision: claimed.precision } : {}), ...base },
      });
      break;
    }
    case 'no': {
      if (since) return { reject: `a "no" row gives a date of recognition (${row.date})`, key };
      const attested = evidenceDate(note);
      statements.push({ id: `nonrec-${key}`, type: 'DOES_NOT_RECOGNIZE', props: { ...(attested ? { attestedOn: [attested] } : {}), ...base } });
      break;
    }
    default:
      return { reject: `status ${JSON.stringify(status)} is none of yes, no, withdrawn, withdrawn-claimed`, key };
  }

  const cites = pages.map((p) => String(p.id));
  const elements: Element[] = statements.map((s) => ({ kind: 'fact', ref: s.id, props: neo4jProps(withSeed(s, cites)), cites }));
  return {
    key,
    origins: [...new Set(pages.map((p) => String(p.url)))],
    shape: {
      from: from.code,
      to: to.code,
      facts: statements.map((s) => ({ id: s.id, type: s.type })),
      // A page's date is read from its address, where one looks like a day (and is one).
      pages: pages.map(({ credits: _credits, date, ...page }) => ({ ...page, ...(date && 'ok' in calendarDay(String(date)) ? { date: neo4jDate(String(date)) } : {}) })),
    },
    elements,
  };
}

/** One recognition table as a data set: recognition-<file>, bundled as seeds/datasets/recognition/<file>.csv. */
function recognitionTable(file: string, what: string, checked: string): DatasetMapping {
  return {
    name: `recognition-${file}`,
    file: `recognition/${file}.csv`,
    columns: COLUMNS,
    source: {
      publisher: 'diplograph (compiled from public sources)',
      title: `Who recognizes ${what}: one row per state, each citing the pages it comes from`,
      url: `seeds/datasets/recognition/${file}.csv`,
      license: "the project's MIT licence for the compilation; each row's facts are the cited pages'",
      // Checked up to about a month, not a day: no snapshot date is made up for it.
      date: null,
      note: `Nothing was checked after ${checked}. A state without a row has no source either way: unknown, never "no".`,
    },
    shape: 'recognition',
    map: (row, { names }) => mapRow(row, names),
  };
}

/** The recognition tables, Kosovo's first (the seed's own facts about Kosovo merge with it). */
export const RECOGNITION_DATASETS: readonly DatasetMapping[] = [
  recognitionTable('kosovo', 'Kosovo', 'December 2025'),
  recognitionTable('palestine', 'the State of Palestine', 'about April 2026'),
  recognitionTable('israel', 'Israel', 'about April 2026'),
  recognitionTable('taiwan-and-china', 'the Republic of China (Taiwan), and the PRC at each switch', 'about April 2026'),
  recognitionTable('western-sahara', 'the Sahrawi Arab Democratic Republic', 'about April 2026'),
  recognitionTable('cyprus-north-abkhazia-south-ossetia-somaliland', 'Northern Cyprus, Abkhazia, South Ossetia and Somaliland', 'about April 2026'),
];
