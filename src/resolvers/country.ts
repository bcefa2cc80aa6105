import type { CountryParent, CountryRecord } from '../graph/records';
import { embassiesAsOf, holdsOn, today } from '../graph/temporal';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { notFound } from '../errors';
import { countryCode } from './args';
import { fullRecord } from './full-record';

const details = (parent: CountryParent, ctx: Context) =>
  fullRecord<CountryRecord>(parent, 'recognizes', ctx.loaders.country, parent.code, 'Country');

export const countryResolvers: Resolvers = {
  Query: {
    country: async (_, { code }, ctx) => {
      const record = await ctx.loaders.country.load(countryCode(code, 'code'));
      if (!record) throw notFound(`No country with code ${code.toUpperCase()} in the graph.`);
      return record;
    },
    countries: (_, __, ctx) => ctx.repositories.countries.all(),
    nonRecognizers: async (_, { of, asOf }, ctx) => {
      const target = countryCode(of, 'of');
      const countries = await ctx.repositories.countries.nonRecognizers(target, asOf ?? null);
      if (countries.length === 0 && !(await ctx.repositories.countries.known([target])).has(target)) {
        throw notFound(`No country with code ${target} in the graph.`);
      }
      return countries;
    },
  },
  Country: {
    id: (parent) => parent.code,
    aliases: (parent) => parent.aliases ?? [],
    recognizes: async (parent, { asOf }, ctx) => (await details(parent, ctx)).recognizes.filter((r) => holdsOn(r, asOf ?? today())),
    recognizedBy: async (parent, { asOf }, ctx) => (await details(parent, ctx)).recognizedBy.filter((r) => holdsOn(r, asOf ?? today())),
    notRecognizedBy: async (parent, _, ctx) => (await details(parent, ctx)).notRecognizedBy,
    embassies: async (parent, { asOf }, ctx) => embassiesAsOf((await details(parent, ctx)).embassyEvents, asOf ?? today()),
    officials: async (parent, { asOf }, ctx) => {
      const offices = (await details(parent, ctx)).officials;
      return asOf ? offices.filter((o) => holdsOn(o, asOf)) : offices;
    },
    agreements: async (parent, _, ctx) => (await details(parent, ctx)).agreements,
    sources: async (parent, _, ctx) => (await details(parent, ctx)).sources,
  },
};
