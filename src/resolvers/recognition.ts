import type { Resolvers } from '../generated/graphql';
import { notFound } from '../errors';
import { countryCode, page } from './args';
import { factParts } from './selection';

export const recognitionResolvers: Resolvers = {
  Query: {
    recognitions: async (_, { of, asOf, first, offset }, ctx) => {
      const target = countryCode(of, 'of');
      const recognitions = await ctx.repositories.countries.recognitionsOf(target, asOf ?? null, page(first, offset), factParts(ctx.selection.fields));
      if (!recognitions) throw notFound(`No country with code ${target} in the graph.`);
      return recognitions;
    },
  },
  Recognition: {
    withdrawalClaim: (recognition) => recognition.withdrawalClaim ?? null,
  },
  RecognitionStanding: {
    recognition: (standing) => standing.recognition && { ...standing.recognition, withdrawalClaim: standing.withdrawalClaim },
  },
  WithdrawalClaim: {
    contested: () => true,
  },
};
