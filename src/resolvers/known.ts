import type { Context } from '../context';
import { notFound } from '../errors';

/** NOT_FOUND naming every code that is not a country in the graph; empty answers use it to tell "none" from "no such state". */
export async function requireKnownCountries(ctx: Context, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = await ctx.repositories.countries.known(codes);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw notFound(`No country with code ${unknown.join(', ')} in the graph.`);
}
