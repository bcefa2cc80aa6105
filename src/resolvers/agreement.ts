import type { AgreementParent, AgreementRecord } from '../graph/records';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { countryCode, countryCodes, page, pageOf } from './args';
import { fullRecord } from './full-record';
import { requireKnownCountries } from './known';
import { agreementParts } from './selection';

const details = (parent: AgreementParent, ctx: Context) =>
  fullRecord<AgreementRecord>(parent, 'parties', ctx.loaders.agreement, parent.id, 'Agreement');

export const agreementResolvers: Resolvers = {
  Query: {
    agreements: async (_, args, ctx) => {
      const party = args.party == null ? null : countryCode(args.party, 'party');
      const between = args.between == null ? null : countryCodes(args.between, 'between', 10);
      const agreements = await ctx.repositories.agreements.search(party, between, page(args.first, args.offset), agreementParts(ctx.selection.fields));
      if (agreements.length === 0) await requireKnownCountries(ctx, [...(party ? [party] : []), ...(between ?? [])]);
      return agreements;
    },
  },
  Agreement: {
    parties: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).parties, paging),
    signatories: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).signatories, paging),
    mediators: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).mediators, paging),
    sources: async (parent, _, ctx) => (await details(parent, ctx)).sources,
  },
  Actor: {
    __resolveType: (actor) => ('label' in actor ? actor.label : 'code' in actor ? 'Country' : 'Person'),
  },
  Organization: {
    code: (org) => org.code ?? org.id,
  },
};
