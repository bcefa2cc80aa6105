import { embassiesAsOf, today } from '../graph/temporal';
import type { Resolvers } from '../generated/graphql';
import { notFound } from '../errors';
import { countryCode, text } from './args';

export const embassyResolvers: Resolvers = {
  Query: {
    embassies: async (_, args, ctx) => {
      const city = args.city == null ? null : text(args.city, 'city', 200);
      const country = args.country == null ? null : countryCode(args.country, 'country');
      const events = await ctx.repositories.embassies.events({ city, country });
      if (events.length === 0 && country && !(await ctx.repositories.countries.known([country])).has(country)) {
        throw notFound(`No country with code ${country} in the graph.`);
      }
      const embassies = embassiesAsOf(events, args.asOf ?? today());
      return args.status ? embassies.filter((e) => e.status === args.status) : embassies;
    },
  },
};
