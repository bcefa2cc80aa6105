import { badInput } from '../errors';

/** An ISO 3166-1 alpha-2 code in either case, returned upper-case. */
export function countryCode(value: string, argument: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) {
    throw badInput(`${argument} must be an ISO 3166-1 alpha-2 country code such as "XK" or "RS"; got ${JSON.stringify(value.slice(0, 40))}.`, argument);
  }
  return value.toUpperCase();
}

export function countryCodes(values: readonly string[], argument: string, max: number): string[] {
  if (values.length === 0 || values.length > max) throw badInput(`${argument} takes 1 to ${max} country codes; got ${values.length}.`, argument);
  return [...new Set(values.map((v) => countryCode(v, argument)))];
}

export function text(value: string, argument: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > maxLength) {
    throw badInput(`${argument} must be 1 to ${maxLength} characters long.`, argument);
  }
  return trimmed;
}

/** The most items any list returns in one page. */
export const MAX_PAGE = 300;

/** `first`/`offset` as a Cypher page: first 1..MAX_PAGE (default MAX_PAGE), offset >= 0. */
export function page(first: number | null | undefined, offset: number | null | undefined): { skip: number; limit: number } {
  const limit = first ?? MAX_PAGE;
  const skip = offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE}; got ${limit}.`, 'first');
  if (!Number.isInteger(skip) || skip < 0 || skip > 1_000_000) throw badInput(`offset must be between 0 and 1000000; got ${skip}.`, 'offset');
  return { skip, limit };
}

/** An organization code such as EU, NATO or UN, upper-cased. */
export function organizationCode(value: string, argument: string): string {
  if (!/^[A-Za-z0-9]{2,12}$/.test(value)) throw badInput(`${argument} must be an organization code such as "EU" or "NATO".`, argument);
  return value.toUpperCase();
}

/** One page (`first`, `offset` as for `page`) of a nested list already fetched with its parent. */
export function pageOf<T>(items: readonly T[], args: { first?: number | null; offset?: number | null }): T[] {
  const { skip, limit } = page(args.first, args.offset);
  return items.slice(skip, skip + limit);
}
