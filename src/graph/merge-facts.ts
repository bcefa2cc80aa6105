/**
 * One fact (one id) stated by two inputs — an article and a table, say — is one relationship:
 * sources and attestations are united, the more precise date wins (the first input's on a tie),
 * and a real disagreement on the date is kept in the note. The seed loader merges its inputs with
 * this rule, and a data set that states a fact the seed files state too (the recognition tables)
 * merges what they say with it, so the answer does not depend on which input loaded it.
 */

const PRECISION_RANK: Record<string, number> = { YEAR: 1, MONTH: 2, DAY: 3 };

function union(a: unknown, b: unknown): unknown[] {
  return [...new Set([...((a as unknown[]) ?? []), ...((b as unknown[]) ?? [])])];
}

/** Merges `from` (a later input's record of the fact) into `into`, in place. Dates are ISO strings here. */
export function mergeFact(into: Record<string, unknown>, from: Record<string, unknown>): void {
  const rank = (r: Record<string, unknown>) => (r.validFrom ? (PRECISION_RANK[String(r.precision ?? 'DAY')] ?? 3) : 0);
  if (from.validFrom && from.validFrom !== into.validFrom) {
    if (into.validFrom) {
      // Compare at the coarser of the two precisions: 2008 (YEAR) and 2008-02-18 (DAY) agree.
      const prefix = [0, 4, 7, 10][Math.min(rank(into), rank(from))];
      if (String(into.validFrom).slice(0, prefix) !== String(from.validFrom).slice(0, prefix)) {
        const disagreement = `Sources disagree on the date: ${into.validFrom} (${into.sources}) and ${from.validFrom} (${from.sources}).`;
        into.note = [into.note, disagreement].filter(Boolean).join(' ');
      }
    }
    if (rank(from) > rank(into)) {
      into.validFrom = from.validFrom;
      into.precision = from.precision;
    }
  }
  for (const [key, value] of Object.entries(from)) {
    if (key === 'validFrom' || key === 'precision' || key === 'id') continue;
    if (key === 'note' && into.note && value && !String(into.note).includes(String(value))) into.note = `${into.note} / ${value}`;
    else if (Array.isArray(value) || Array.isArray(into[key])) into[key] = union(into[key], value);
    else if (into[key] === undefined || into[key] === null) into[key] = value;
  }
}
