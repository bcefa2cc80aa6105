import type { Resolvers } from '../generated/graphql';
import { notFound } from '../errors';
import { countryCode } from './args';

export const recognitionResolvers: Resolvers = {
  Query: {
    recognitions: async (_, { of, asOf }, ctx) => {
      const target = countryCode(of, 'of');
      const recognitions = await ctx.repositories.countries.recognitionsOf(target, asOf ?? null);
      if (!recognitions) throw notFound(`No country with code ${target} in the graph.`);
      return recognitions;
    },
  },
};
