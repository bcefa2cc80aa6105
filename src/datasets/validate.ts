/**
 * Checks the mappings share, each answering a value or the reason a row cannot be loaded (the
 * reason goes to the import report as it is written here).
 */

export type Checked<T> = { ok: T } | { reason: string };

/** YYYY-MM-DD that names a real day: "2021-02-30" is refused, not rolled over to March. */
export function calendarDay(text: string, what = 'date'): Checked<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return { reason: `${what} ${JSON.stringify(text)} is not a date (YYYY-MM-DD)` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { reason: `${what} ${JSON.stringify(text)} is impossible: there is no such day` };
  }
  return { ok: text.trim() };
}

/** A day, a month (first day, MONTH) or a year (first day, YEAR), as the graph stores partial dates. */
export function partialDay(text: string, what = 'date'): Checked<{ day: string; precision: 'DAY' | 'MONTH' | 'YEAR' }> {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { ok: { day: `${t}-01-01`, precision: 'YEAR' } };
  if (/^\d{4}-\d{2}$/.test(t)) {
    const checked = calendarDay(`${t}-01`, what);
    return 'ok' in checked ? { ok: { day: checked.ok, precision: 'MONTH' } } : { reason: `${what} ${JSON.stringify(text)} is impossible: there is no such month` };
  }
  const checked = calendarDay(t, what);
  return 'ok' in checked ? { ok: { day: checked.ok, precision: 'DAY' } } : checked;
}

/** Latitude and longitude in degrees, both present and in range, or both empty (unknown). */
export function coordinates(latitude: string, longitude: string): Checked<{ latitude: number; longitude: number } | null> {
  if (latitude.trim() === '' && longitude.trim() === '') return { ok: null };
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (latitude.trim() === '' || longitude.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return { reason: `coordinates ${JSON.stringify(`${latitude},${longitude}`)} are not two numbers` };
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    return { reason: `coordinates ${lat},${lon} are out of range (latitude -90..90, longitude -180..180)` };
  }
  return { ok: { latitude: lat, longitude: lon } };
}

/** Wikidata gives an item's id where it has no label in the language asked for: such a "name" names nothing. */
export function isItemIdOnly(label: string): boolean {
  return /^Q\d+$/.test(label.trim());
}

/** A label that can be a name: not empty and not only an item id. */
export function label(text: string, what: string): Checked<string> {
  const t = text.trim();
  if (t === '') return { reason: `${what} is empty` };
  if (isItemIdOnly(t)) return { reason: `${what} ${JSON.stringify(t)} is only a Wikidata item id, not a name` };
  return { ok: t };
}
