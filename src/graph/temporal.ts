import type { EmbassyEventRecord, EmbassyRecord } from './records';

/**
 * "As of" rules, the same as the Cypher queries apply: a fact holds on `day` when it began on or
 * before it (an unknown start counts as long ago) and had not ended by then. Partial dates are
 * their first day. ISO strings compare correctly as strings.
 */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function holdsOn(fact: { since: string | null; until: string | null }, day: string): boolean {
  return (fact.since === null || fact.since <= day) && (fact.until === null || fact.until > day);
}

/** Groups embassy events by sending state and city; each embassy's status is its latest event on or before `day`. */
export function embassiesAsOf(events: EmbassyEventRecord[], day: string): EmbassyRecord[] {
  const groups = new Map<string, EmbassyEventRecord[]>();
  for (const event of events) {
    const key = `${event.country.code}\u0000${event.city.id}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const embassies: EmbassyRecord[] = [];
  for (const history of groups.values()) {
    history.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const current = history.filter((e) => e.date === null || e.date <= day).at(-1);
    if (!current) continue;
    embassies.push({
      country: current.country,
      city: current.city,
      host: current.host,
      status: current.status,
      since: current.date,
      sincePrecision: current.datePrecision,
      note: current.note,
      sources: current.sources,
      history,
    });
  }
  return embassies.sort((a, b) => a.country.name.localeCompare(b.country.name) || a.city.name.localeCompare(b.city.name));
}
