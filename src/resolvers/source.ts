import type { Resolvers } from '../generated/graphql';
import { page } from './args';

export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_, { first, offset }, ctx) => ctx.repositories.sources.list(page(first, offset)),
  },
  Source: {
    credits: (source) => source.credits ?? [],
  },
};
