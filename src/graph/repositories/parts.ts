/**
 * Which of a record's lists a read fetches ('recognizes', 'officials'...), plus 'evidence' for the
 * sources of the facts in them. The named queries take it as `$parts`; a list left out comes back
 * empty. Undefined means everything, as internal readers (mutations reading back a write) need.
 */
export type Parts = readonly string[];

export const withEverything = (lists: readonly string[]) => (parts: Parts | undefined): string[] => (parts ? [...parts] : [...lists, 'evidence']);
