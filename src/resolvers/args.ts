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
