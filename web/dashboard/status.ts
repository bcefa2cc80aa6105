/**
 * A state's standing towards the entity on any day, worked out in the browser from the facts the
 * dashboard loads once (recognitionStatuses with each state's recognition, refusal and withdrawal
 * claim), so that moving the date fetches nothing. The rule is the service's (README, 'How "as of"
 * works'; cypher/queries/recognition-statuses.cypher):
 *
 * - a recognition holds on day d when it began on or before d (or its start is unknown) and had not
 *   ended by d; one withdrawn at a date the sources do not give (`withdrawal` set, `until` null)
 *   holds on no day;
 * - RECOGNIZES when one holds, WITHDRAWAL_CLAIMED when one holds and a withdrawal claim was made
 *   by d (undated claims count on every day), DOES_NOT_RECOGNIZE when it is on record refusing or
 *   has a recognition that does not hold on d (not yet, or ended), UNKNOWN otherwise.
 *
 * It relies on there being at most one recognition per pair of states (the service keys them
 * rec-A-B), which is why the standing of today carries every fact a later or earlier day needs.
 * test/integration/dashboard-status.test.ts checks these figures against the service's on many days.
 */

import type { RecognitionCounts, RecognitionStatus } from '../../src/generated/graphql';

export type Status = RecognitionStatus;
export const STATUSES: Status[] = ['RECOGNIZES', 'WITHDRAWAL_CLAIMED', 'DOES_NOT_RECOGNIZE', 'UNKNOWN'];

export interface SourceRef {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  url: string | null;
}

export interface CountryRef {
  code: string;
  name: string;
  isoNumeric: string | null;
  region: string | null;
}

export interface RecognitionFact {
  id: string;
  since: string | null;
  sincePrecision: string | null;
  until: string | null;
  withdrawal: string | null;
  inferred: boolean;
  note: string | null;
  sources: SourceRef[];
}

export interface RefusalFact {
  id: string;
  since: string | null;
  inferred: boolean;
  note: string | null;
  sources: SourceRef[];
}

export interface ClaimFact {
  id: string;
  since: string | null;
  claimedBy: { code: string; name: string } | null;
  note: string | null;
  sources: SourceRef[];
}

/** What the service says about one state and the entity, whatever the day. */
export interface FactRecord {
  country: CountryRef;
  recognition: RecognitionFact | null;
  refusal: RefusalFact | null;
  withdrawalClaim: ClaimFact | null;
}

export interface Standing {
  status: Status;
  /** It does not recognize because its recognition ended (withdrawn, frozen, suspended, switched) by then. */
  withdrawn: boolean;
  /** The standing rests on an inferred fact. */
  inferred: boolean;
}

/** The counts per status, as recognitionStatuses gives them. */
export type Counts = Omit<RecognitionCounts, '__typename'>;

/** The day a recognition stops holding; for an undated withdrawal, its start (it never held after it began, as far as the evidence goes). */
function endBound(r: RecognitionFact): string | null {
  if (r.until) return r.until;
  if (r.withdrawal) return r.since ?? '0001-01-01';
  return null;
}

export function holds(r: RecognitionFact, day: string): boolean {
  const end = endBound(r);
  return (r.since === null || r.since <= day) && (end === null || end > day);
}

export function standingOn(record: FactRecord, day: string): Standing {
  const r = record.recognition;
  const holding = r !== null && holds(r, day);
  const claimed = record.withdrawalClaim !== null && (record.withdrawalClaim.since === null || record.withdrawalClaim.since <= day);
  const end = r ? endBound(r) : null;
  const ended = r !== null && end !== null && end <= day;
  let status: Status;
  if (holding && claimed) status = 'WITHDRAWAL_CLAIMED';
  else if (holding) status = 'RECOGNIZES';
  else if (record.refusal || r) status = 'DOES_NOT_RECOGNIZE';
  else status = 'UNKNOWN';
  // the fact the standing rests on: the recognition holding, else the ended one, else the refusal, else the recognition to come
  const basis = status === 'UNKNOWN' ? null : holding || ended ? r : (record.refusal ?? r);
  return { status, withdrawn: !holding && ended, inferred: basis?.inferred ?? false };
}

export function countsOn(records: FactRecord[], day: string): Counts {
  const counts: Counts = { recognizes: 0, doesNotRecognize: 0, withdrawalClaimed: 0, unknown: 0, withdrawn: 0, inferred: 0 };
  for (const record of records) {
    const s = standingOn(record, day);
    if (s.status === 'RECOGNIZES') counts.recognizes++;
    else if (s.status === 'WITHDRAWAL_CLAIMED') counts.withdrawalClaimed++;
    else if (s.status === 'DOES_NOT_RECOGNIZE') counts.doesNotRecognize++;
    else counts.unknown++;
    if (s.withdrawn) counts.withdrawn++;
    if (s.inferred) counts.inferred++;
  }
  return counts;
}

export interface TimelineYear {
  year: number;
  /** Recognitions dated to this year. */
  recognitions: number;
  /** Recognitions dated up to the end of this year. */
  cumulative: number;
  /** Withdrawal claims dated to this year. */
  withdrawalClaims: number;
  /** Recognitions ended in this year, where the date is known. */
  withdrawals: number;
  /** States recognizing it at the year's end (RECOGNIZES or WITHDRAWAL_CLAIMED on 31 December, as the map counts them). */
  holding: number;
  /** The states behind this year's figures, with the facts' sources. */
  states: { code: string; name: string; event: 'recognized' | 'withdrawal claimed' | 'ended'; date: string; sources: SourceRef[] }[];
}

/**
 * Recognitions per year, as recognitionTimeline counts them (dated recognitions, withdrawals with a
 * known date, withdrawal claims), with the states and sources behind each year: the timeline's table.
 */
export function timeline(records: FactRecord[]): { undated: number; years: TimelineYear[] } {
  const events: TimelineYear['states'] = [];
  let undated = 0;
  for (const { country, recognition: r, withdrawalClaim: w } of records) {
    if (r?.since) events.push({ code: country.code, name: country.name, event: 'recognized', date: r.since, sources: r.sources });
    else if (r) undated++;
    if (r?.until) events.push({ code: country.code, name: country.name, event: 'ended', date: r.until, sources: r.sources });
    if (w?.since) events.push({ code: country.code, name: country.name, event: 'withdrawal claimed', date: w.since, sources: w.sources });
  }
  if (events.length === 0) return { undated, years: [] };
  const yearOf = (d: string) => Number(d.slice(0, 4));
  const first = Math.min(...events.map((e) => yearOf(e.date)));
  const last = Math.max(...events.map((e) => yearOf(e.date)));
  const years: TimelineYear[] = [];
  let cumulative = 0;
  for (let year = first; year <= last; year++) {
    const states = events.filter((e) => yearOf(e.date) === year).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
    const recognitions = states.filter((e) => e.event === 'recognized').length;
    const withdrawals = states.filter((e) => e.event === 'ended').length;
    cumulative += recognitions;
    const counts = countsOn(records, `${year}-12-31`);
    const holding = counts.recognizes + counts.withdrawalClaimed;
    years.push({ year, recognitions, cumulative, withdrawalClaims: states.filter((e) => e.event === 'withdrawal claimed').length, withdrawals, holding, states });
  }
  return { undated, years };
}

/** Today's date in UTC, as the service's Neo4j takes "today". */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
