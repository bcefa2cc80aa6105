import type { AgreementParent, AgreementRecord } from '../graph/records';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { notFound } from '../errors';
import { countryCode, countryCodes, page } from './args';
import { fullRecord } from './full-record';

const details = (parent: AgreementParent, ctx: Context) =>
  fullRecord<AgreementRecord>(parent, 'parties', ctx.loaders.agreement, parent.id, 'Agreement');

export const agreementResolvers: Resolvers = {
  Query: {
    agreements: async (_, args, ctx) => {
      const party = args.party == null ? null : countryCode(args.party, 'party');
      const between = args.between == null ? null : countryCodes(args.between, 'between', 10);
      const agreements = await ctx.repositories.agreements.search(party, between, page(args.first, args.offset));
      const asked = [...(party ? [party] : []), ...(between ?? [])];
      if (agreements.length === 0 && asked.length > 0) {
        const known = await ctx.repositories.countries.known(asked);
        const unknown = asked.filter((c) => !known.has(c));
        if (unknown.length) throw notFound(`No country with code ${unknown.join(', ')} in the graph.`);
      }
      return agreements;
    },
  },
  Agreement: {
    parties: async (parent, _, ctx) => (await details(parent, ctx)).parties,
    signatories: async (parent, _, ctx) => (await details(parent, ctx)).signatories,
    mediators: async (parent, _, ctx) => (await details(parent, ctx)).mediators,
    sources: async (parent, _, ctx) => (await details(parent, ctx)).sources,
  },
  Actor: {
    __resolveType: (actor) => ('label' in actor ? actor.label : 'code' in actor ? 'Country' : 'Person'),
  },
  Organization: {
    code: (org) => org.code ?? org.id,
  },
};
