/**
 * What a read fetches: lists of a record ('recognizes', 'officials'...), 'evidence' (the sources of the
 * facts in them), 'aliases' and 'notes' (those fields, the bulky ones). The named queries take it as
 * `$parts`; a list left out comes back empty, a field left out null. Undefined means everything, as
 * internal readers (mutations reading back a write) need.
 */
export type Parts = readonly string[];

/** The `$parts` for a read: what the caller asked for, or every one of `lists` and the optional fields. */
export const withEverything = (lists: readonly string[]) => (parts: Parts | undefined): Parts => parts ?? [...lists, 'evidence', 'aliases', 'notes'];
