import type { CountryParent, CountryRecord, RecognitionStatus } from '../graph/records';
import type { CountryFilter, Page } from '../graph/repositories/countries';
import { embassiesAsOf, holdsOn, today } from '../graph/temporal';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { badInput, notFound } from '../errors';
import { countryCode, organizationCode, page, pageOf, text } from './args';
import { fullRecord } from './full-record';
import { requireKnownCountries } from './known';
import { countryParts, factParts } from './selection';

const details = (parent: CountryParent, ctx: Context) =>
  fullRecord<CountryRecord>(parent, 'recognizes', ctx.loaders.country, parent.code, 'Country');

function filter(args: { region?: string | null; memberOf?: string | null; asOf?: string | null }): CountryFilter {
  return {
    region: args.region == null ? null : text(args.region, 'region', 100),
    memberOf: args.memberOf == null ? null : organizationCode(args.memberOf, 'memberOf'),
    asOf: args.asOf ?? null,
  };
}

/** The standing of every state towards `of`; NOT_FOUND when `of` is not in the graph. */
async function statuses(
  ctx: Context,
  of: string,
  asOf: string | null,
  filters: CountryFilter & { status?: RecognitionStatus | null },
  pageOf?: Page,
) {
  const target = countryCode(of, 'of');
  const result = await ctx.repositories.countries.recognitionStatuses(target, asOf, filters, pageOf);
  if (!result) throw notFound(`No country with code ${target} in the graph.`);
  return result;
}

export const countryResolvers: Resolvers = {
  Query: {
    country: async (_, { code }, ctx) => {
      const record = await ctx.loaders.country.load(countryCode(code, 'code'));
      if (!record) throw notFound(`No country with code ${code.toUpperCase()} in the graph.`);
      return record;
    },
    countryByName: async (_, args, ctx) => {
      const name = text(args.name, 'name', 200);
      const found = await ctx.repositories.countries.byName(name, countryParts(ctx.selection.fields));
      if (found.length === 0) throw notFound(`No country known as ${JSON.stringify(name)}.`);
      if (found.length > 1) throw badInput(`${JSON.stringify(name)} could be ${found.map((c) => c.name).join(' or ')}; use a code.`, 'name');
      return found[0]!;
    },
    countries: (_, args, ctx) => ctx.repositories.countries.list(filter(args), page(args.first, args.offset), countryParts(ctx.selection.fields)),
    nonRecognizers: async (_, args, ctx) => {
      const target = countryCode(args.of, 'of');
      const countries = await ctx.repositories.countries.nonRecognizers(target, args.asOf ?? null, filter(args), page(args.first, args.offset), factParts(ctx.selection.fields));
      if (countries.length === 0) await requireKnownCountries(ctx, [target]);
      return countries;
    },
    recognitionStatuses: (_, args, ctx) => statuses(ctx, args.of, args.asOf ?? null, { ...filter(args), status: args.status ?? null }, page(args.first, args.offset)),
    nonRecognizersByGroup: async (_, args, ctx) => {
      const result = await statuses(ctx, args.of, args.asOf ?? null, { status: 'DOES_NOT_RECOGNIZE' });
      const groups = new Map<string, CountryParent[]>();
      for (const item of result.items) {
        const keys = args.groupBy === 'REGION' ? [item.country.region ?? 'Unknown region'] : item.organizations;
        for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), item.country]);
      }
      return [...groups.entries()]
        .map(([key, countries]) => ({ key, count: countries.length, countries }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    },
    recognizesButNot: async (_, args, ctx) => {
      const x = countryCode(args.recognizes, 'recognizes');
      const y = countryCode(args.butNot, 'butNot');
      await requireKnownCountries(ctx, [x, y]);
      return ctx.repositories.countries.recognizesButNot(x, y, args.asOf ?? null, page(args.first, args.offset));
    },
    recognitionTimeline: async (_, { of }, ctx) => {
      const target = countryCode(of, 'of');
      const timeline = await ctx.repositories.countries.recognitionTimeline(target);
      if (!timeline) throw notFound(`No country with code ${target} in the graph.`);
      return timeline;
    },
    organizations: (_, __, ctx) => ctx.repositories.countries.organizations(),
    contestedStates: (_, { asOf }, ctx) => ctx.repositories.countries.contestedStates(asOf ?? null),
  },
  Country: {
    id: (parent) => parent.code,
    aliases: (parent) => parent.aliases ?? [],
    officialName: async (parent, _, ctx) => (await details(parent, ctx)).officialName,
    iso3: async (parent, _, ctx) => (await details(parent, ctx)).iso3,
    isoNumeric: async (parent, _, ctx) => ('isoNumeric' in parent ? parent.isoNumeric : (await details(parent, ctx)).isoNumeric) ?? null,
    region: async (parent, _, ctx) => ('region' in parent ? parent.region : (await details(parent, ctx)).region) ?? null,
    subregion: async (parent, _, ctx) => ('subregion' in parent ? parent.subregion : (await details(parent, ctx)).subregion) ?? null,
    demonyms: async (parent, _, ctx) => (await details(parent, ctx)).demonyms,
    memberships: async (parent, { asOf, history, ...paging }, ctx) => {
      const memberships = (await details(parent, ctx)).memberships;
      return pageOf(history ? memberships : memberships.filter((m) => holdsOn(m, asOf ?? today())), paging);
    },
    unMembership: async (parent, _, ctx) =>
      (await details(parent, ctx)).memberships.find((m) => m.organization.code === 'UN' && m.status === 'MEMBER' && m.until === null) ?? null,
    statehood: async (parent, _, ctx) => {
      const record = await details(parent, ctx);
      if (record.statehood) return record.statehood;
      const un = record.memberships.filter((m) => m.organization.code === 'UN' && m.until === null);
      if (un.some((m) => m.status === 'MEMBER')) return 'UN_MEMBER';
      if (un.some((m) => m.status === 'OBSERVER')) return 'OBSERVER';
      return null;
    },
    recognizes: async (parent, { asOf, ...paging }, ctx) => pageOf((await details(parent, ctx)).recognizes.filter((r) => holdsOn(r, asOf ?? today())), paging),
    recognizedBy: async (parent, { asOf, ...paging }, ctx) => pageOf((await details(parent, ctx)).recognizedBy.filter((r) => holdsOn(r, asOf ?? today())), paging),
    notRecognizedBy: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).notRecognizedBy, paging),
    embassies: async (parent, { asOf, ...paging }, ctx) => pageOf(embassiesAsOf((await details(parent, ctx)).embassyEvents, asOf ?? today()), paging),
    officials: async (parent, { asOf, ...paging }, ctx) => {
      const offices = (await details(parent, ctx)).officials;
      return pageOf(asOf ? offices.filter((o) => holdsOn(o, asOf)) : offices, paging);
    },
    agreements: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).agreements, paging),
    sources: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).sources, paging),
  },
};
