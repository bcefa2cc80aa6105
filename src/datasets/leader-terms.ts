/**
 * The cleaning of the Wikidata leaders snapshot, as pure functions (unit-tested without a
 * database): reading one row's term, closing an open term at its successor's start (marked
 * inferred), and merging one person's touching or overlapping terms in one role of one country.
 * Nothing here guesses a name or a date the snapshot does not give.
 */

export type LeaderRole = 'head of state' | 'head of government';

export const ROLES: Record<string, LeaderRole> = { head_of_state: 'head of state', head_of_government: 'head of government' };

/** Terms that ended before this day are out of scope (the graph's leaders begin with the post-war world). */
export const SCOPE_START = '1945-01-01';

/** Wikidata items in the snapshot's person column that are collective bodies, not people (with why). */
export const COLLECTIVE_BODIES: Record<string, string> = {
  Q124846311: "Haiti's Transitional Presidential Council (Conselho Presidencial de Transição) is a collective body, not a person",
  Q6852041: 'the Honduran military junta of 1956-1957 (Junta militar de Honduras) is a collective body, not a person',
  Q30917: 'the Swiss Federal Council (Conselho Federal) is a collective body, not a person',
  Q1085260: 'the Brazilian provisional junta of 1969 (Junta Governativa Provisória de 1969) is a collective body, not a person',
  Q4502380: 'the Brazilian provisional junta of 1930 (Junta Governativa Provisória de 1930) is a collective body, not a person',
};

/** A Wikidata timestamp: a day, unknown (no value, or Wikidata's "unknown value"), or why it is no date. */
export type Stamp = { day: string } | { unknown: 'empty' | 'unknown-value' } | { reason: string };

const UNKNOWN_VALUE = /^https?:\/\/www\.wikidata\.org\/\.well-known\/genid\//;

export function wikidataDay(text: string, what: string): Stamp {
  const t = text.trim();
  if (t === '') return { unknown: 'empty' };
  if (UNKNOWN_VALUE.test(t)) return { unknown: 'unknown-value' };
  const match = /^([+-]?)(\d{1,})-(\d{2})-(\d{2})(?:T00:00:00Z)?$/.exec(t);
  if (!match) return { reason: `${what} ${JSON.stringify(t)} is not a Wikidata timestamp` };
  const [sign, y, m, d] = [match[1], Number(match[2]), Number(match[3]), Number(match[4])];
  if (sign === '-' || y < 1) return { reason: `${what} ${JSON.stringify(t)} is impossible: before year 1` };
  if (y > 9999) return { reason: `${what} ${JSON.stringify(t)} is impossible: after year 9999` };
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { reason: `${what} ${JSON.stringify(t)} is impossible: there is no such day` };
  }
  return { day: `${String(y).padStart(4, '0')}-${match[3]}-${match[4]}` };
}

/** One row's term as the snapshot states it. */
export interface Term {
  line: number;
  qid: string;
  /** The row's person label (as the snapshot has it). */
  label: string;
  code: string;
  role: LeaderRole;
  start: string | null;
  end: string | null;
  /** Wikidata says the term ended, on a day it records as an unknown value. */
  endUnknown: boolean;
}

/** A term after cleaning: possibly several rows merged, possibly an end inferred. */
export interface CleanTerm extends Omit<Term, 'line' | 'endUnknown'> {
  lines: number[];
  /** Each merged row's own span, as the snapshot gives it. */
  spans: { start: string | null; end: string | null }[];
  /** Set when the end is the successor's start, not the snapshot's word. */
  inferredFrom: { qid: string; label: string; start: string } | null;
  /** Ended (Wikidata says so) on an unknown day, and no successor gives the day. */
  endUnknown: boolean;
  /** Left open although someone started later, because the role has concurrent holders in this country. */
  concurrent: boolean;
}

const addDays = (day: string, n: number) => {
  const date = new Date(0);
  const [y, m, d] = day.split('-').map(Number);
  date.setUTCFullYear(y!, m! - 1, d! + n);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
};

/** How long two different people's dated terms must overlap before the role counts as held jointly (co-princes, collegial presidencies), not as a sloppy date. */
export const CONCURRENCY_DAYS = 90;

const groupBy = <T>(items: T[], key: (t: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

const byStart = (a: { start: string | null; lines?: number[]; line?: number }, b: { start: string | null; lines?: number[]; line?: number }) =>
  (a.start ?? '') < (b.start ?? '') ? -1 : (a.start ?? '') > (b.start ?? '') ? 1 : (a.line ?? a.lines?.[0] ?? 0) - (b.line ?? b.lines?.[0] ?? 0);

/**
 * How many people hold a role in a country at once (2 for Andorra's co-princes, or for a realm
 * whose snapshot lists both the monarch and the governor-general; 3 for Bosnia's presidency): the
 * most fully dated terms of different people running at one time, each term's last
 * CONCURRENCY_DAYS left out so that a sloppy hand-over does not count as joint office.
 */
export function holdersAtOnce(terms: Term[]): number {
  const events: [string, number, string][] = [];
  for (const t of terms) {
    if (t.start === null || t.end === null) continue;
    const end = addDays(t.end, -CONCURRENCY_DAYS);
    if (end <= t.start) continue;
    events.push([t.start, 1, t.qid], [end, -1, t.qid]);
  }
  events.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
  // People, not rows: one person's overlapping rows count once.
  const running = new Map<string, number>();
  let most = 1;
  for (const [, step, qid] of events) {
    running.set(qid, (running.get(qid) ?? 0) + step);
    if (running.get(qid) === 0) running.delete(qid);
    most = Math.max(most, running.size);
  }
  return most;
}

/**
 * Cleans the terms of one snapshot: (1) a term without an end is closed at the start of the next
 * term of another person in the same role and country (inferred); where the role is held by k
 * people at once, the k most recent open terms stay open (the others are closed the same way); (2) one person's terms in one role of one country that touch (the next starts no later
 * than the day after the last ends) or overlap become one term. A term whose start is unknown is
 * neither a successor nor merged (where it lies is not known).
 */
export function cleanTerms(terms: Term[]): CleanTerm[] {
  const out: CleanTerm[] = [];
  for (const group of groupBy(terms, (t) => `${t.code}|${t.role}`).values()) {
    const k = holdersAtOnce(group);
    const newestOpen = new Set(group.filter((t) => t.end === null && t.start !== null).sort(byStart).reverse().slice(0, k).map((t) => t.line));
    const inferred: CleanTerm[] = group.map((t) => {
      const base: CleanTerm = {
        qid: t.qid, label: t.label, code: t.code, role: t.role, start: t.start, end: t.end, lines: [t.line],
        spans: [{ start: t.start, end: t.end }], inferredFrom: null, endUnknown: t.endUnknown, concurrent: false,
      };
      if (t.end !== null || t.start === null) return base;
      const successor = group
        .filter((s) => s.qid !== t.qid && s.start !== null && s.start > t.start!)
        .sort(byStart)[0];
      if (!successor) return base;
      if (k > 1 && newestOpen.has(t.line)) return { ...base, concurrent: true };
      return { ...base, end: successor.start, endUnknown: false, inferredFrom: { qid: successor.qid, label: successor.label, start: successor.start! } };
    });
    for (const own of groupBy(inferred, (t) => t.qid).values()) {
      const undated = own.filter((t) => t.start === null);
      const dated = own.filter((t) => t.start !== null).sort(byStart);
      const clusters: CleanTerm[][] = [];
      let reach: string | null | undefined; // the cluster's end so far: null when open
      for (const t of dated) {
        const cluster = clusters[clusters.length - 1];
        // An open term (or one ended on an unknown day) covers whatever of the person's follows.
        if (cluster && (reach === null || t.start! <= addDays(reach!, 1))) {
          cluster.push(t);
          reach = reach === null || t.end === null ? null : t.end > reach! ? t.end : reach;
        } else {
          clusters.push([t]);
          reach = t.end;
        }
      }
      for (const cluster of clusters) out.push(join(cluster));
      out.push(...undated);
    }
  }
  return out.sort((a, b) => a.lines[0]! - b.lines[0]!);
}

/** One term of a person's touching or overlapping terms: the earliest start, the latest end (open if any is open). */
function join(cluster: CleanTerm[]): CleanTerm {
  const [first] = cluster as [CleanTerm, ...CleanTerm[]];
  if (cluster.length === 1) return first;
  const open = cluster.find((t) => t.end === null);
  const end = open ? null : cluster.reduce((e, t) => (t.end! > e ? t.end! : e), first.end!);
  // Inferred only if no merged row gives that end itself.
  const inferredFrom = end === null || cluster.some((t) => t.end === end && !t.inferredFrom) ? null : cluster.find((t) => t.end === end)!.inferredFrom;
  return {
    ...first,
    end,
    lines: cluster.flatMap((t) => t.lines),
    spans: cluster.flatMap((t) => t.spans),
    inferredFrom,
    endUnknown: open?.endUnknown ?? false,
    concurrent: open?.concurrent ?? false,
  };
}
