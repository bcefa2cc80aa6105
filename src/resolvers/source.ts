import type { Resolvers } from '../generated/graphql';
import { page } from './args';

export const sourceResolvers: Resolvers = {
  Query: {
    // Anonymous readers see the published graph's sources; token holders also the review queue's articles.
    sources: (_, { first, offset }, ctx) => ctx.repositories.sources.list(page(first, offset), ctx.actor !== null),
  },
  Source: {
    credits: (source) => source.credits ?? [],
    datePrecision: (source) => (source.datePrecision ?? (source.date ? 'DAY' : null)) as 'DAY' | 'MONTH' | 'YEAR' | null,
    origins: (source) => source.origins ?? [],
  },
};
