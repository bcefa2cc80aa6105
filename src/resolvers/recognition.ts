import type { Resolvers } from '../generated/graphql';
import { badInput, notFound } from '../errors';
import { countryCode, page } from './args';
import { requireKnownCountries } from './known';
import { factParts } from './selection';

export const recognitionResolvers: Resolvers = {
  Query: {
    recognitions: async (_, { of, asOf, first, offset }, ctx) => {
      const target = countryCode(of, 'of');
      const recognitions = await ctx.repositories.countries.recognitionsOf(target, asOf ?? null, page(first, offset), factParts(ctx.selection.fields));
      if (!recognitions) throw notFound(`No country with code ${target} in the graph.`);
      return recognitions;
    },
    recognitionChanges: async (_, { of, from, to, first, offset }, ctx) => {
      const target = countryCode(of, 'of');
      if (from > to) throw badInput(`from (${from}) must not be after to (${to}).`, 'from');
      const changes = await ctx.repositories.countries.recognitionChanges(target, from, to, page(first, offset));
      if (changes.length === 0) await requireKnownCountries(ctx, [target]);
      return changes;
    },
  },
  Recognition: {
    withdrawalClaim: (recognition) => recognition.withdrawalClaim ?? null,
    // A withdrawal the sources do not date: its bound is for the "as of" rule, not a date to show.
    until: (recognition) => (recognition.untilUnknown ? null : recognition.until),
    untilPrecision: (recognition) => (recognition.untilUnknown ? null : (recognition.untilPrecision ?? null)),
    withdrawal: (recognition) => recognition.withdrawal ?? null,
    inferred: (recognition) => recognition.inferred ?? false,
  },
  NonRecognition: {
    inferred: (refusal) => refusal.inferred ?? false,
  },
  RecognitionStanding: {
    recognition: (standing) => standing.recognition && { ...standing.recognition, withdrawalClaim: standing.withdrawalClaim },
  },
  WithdrawalClaim: {
    contested: () => true,
  },
};
