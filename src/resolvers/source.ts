import type { Resolvers } from '../generated/graphql';

export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_, __, ctx) => ctx.repositories.sources.all(),
  },
  Source: {
    credits: (source) => source.credits ?? [],
  },
};
