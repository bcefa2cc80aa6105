import * as chrono from 'chrono-node';
import type { Precision } from '../graph/records';

/** A date written in the text, resolved against the article's date ("on Friday", "in May 2018"). */
export interface DateMention {
  /** Offsets in the article. */
  start: number;
  end: number;
  text: string;
  date: string;
  precision: Precision;
}

const YEAR = /\b(?:in|since|by|until|of)\s+((?:1[89]|20)\d\d)\b(?!s)/g;

/**
 * chrono-node reads relative dates against the article's date and prefers the nearest reading, so
 * "Thursday" in a Friday's article is the day before and "September" in February is last September.
 */
export function datesIn(text: string, offset: number, articleDate: string | null): DateMention[] {
  // An article dated to a month or not at all: only dates that give their year are read; "on Friday" stays unresolved.
  const day = !!articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate);
  const reference = new Date(`${day ? articleDate : '2000-01-01'}T12:00:00Z`);
  const found: DateMention[] = [];
  for (const r of chrono.parse(text, { instant: reference, timezone: 'UTC' })) {
    if (!day && !r.start.isCertain('year')) continue;
    // "(the first time) in 22 years", "for two decades": a span, not a day it happened on.
    if (/^(in|for|within|after)\s+(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(years?|decades?|months?|weeks?)$/i.test(r.text)) continue;
    const known = (c: 'day' | 'weekday' | 'month' | 'hour') => r.start.isCertain(c);
    let date = r.start.date().toISOString().slice(0, 10);
    // A weekday alone is the most recent such day on or before the article's date (news report what happened).
    if (known('weekday') && !known('day') && !known('month') && date > reference.toISOString().slice(0, 10) && !/\b(next|coming|this)\b/i.test(r.text)) {
      date = new Date(Date.parse(`${date}T12:00:00Z`) - 7 * 86400000).toISOString().slice(0, 10);
    }
    const onlyTime = known('hour') && !known('day') && !known('weekday') && !known('month');
    const precision: Precision = known('day') || known('weekday') || onlyTime || /\b(today|yesterday|tomorrow|tonight)\b/i.test(r.text) ? 'DAY' : known('month') ? 'MONTH' : 'YEAR';
    const first = precision === 'MONTH' ? `${date.slice(0, 7)}-01` : precision === 'YEAR' ? `${date.slice(0, 4)}-01-01` : date;
    found.push({ start: offset + r.index, end: offset + r.index + r.text.length, text: r.text, date: first, precision });
  }
  for (const m of text.matchAll(YEAR)) {
    const start = offset + m.index! + m[0].length - 4;
    if (found.some((f) => start >= f.start && start < f.end)) continue;
    found.push({ start, end: start + 4, text: m[0], date: `${m[1]}-01-01`, precision: 'YEAR' });
  }
  return found.sort((a, b) => a.start - b.start);
}
