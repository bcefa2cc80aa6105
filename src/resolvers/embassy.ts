import { embassiesAsOf, today } from '../graph/temporal';
import type { Resolvers } from '../generated/graphql';
import { countryCode, page, text } from './args';
import { requireKnownCountries } from './known';
import { factParts } from './selection';

/** Statuses that mean an embassy moved or came back, rather than simply being promised or opened. */
const CHANGES = new Set(['MOVED_BACK', 'REOPENED', 'PLEDGE_LAPSED', 'CLOSED']);

export const embassyResolvers: Resolvers = {
  Query: {
    embassies: async (_, args, ctx) => {
      const city = args.city == null ? null : text(args.city, 'city', 200);
      const country = args.country == null ? null : countryCode(args.country, 'country');
      const { skip, limit } = page(args.first, args.offset);
      const events = await ctx.repositories.embassies.events({ city, country }, factParts(ctx.selection.fields));
      if (events.length === 0 && country) await requireKnownCountries(ctx, [country]);
      const embassies = embassiesAsOf(events, args.asOf ?? today());
      return (args.status ? embassies.filter((e) => e.status === args.status) : embassies).slice(skip, skip + limit);
    },
    embassyChanges: async (_, args, ctx) => {
      const events = await ctx.repositories.embassies.events({ city: text(args.city, 'city', 200) }, factParts(ctx.selection.fields));
      return embassiesAsOf(events, today()).filter((e) => e.history.some((event) => CHANGES.has(event.status)));
    },
  },
  Embassy: {
    mission: async (embassy, _, ctx) => {
      const id = await ctx.loaders.embassyMission.load(`${embassy.country.code} ${embassy.city.id}`);
      return id ? ((await ctx.loaders.mission.load(id)) ?? null) : null;
    },
  },
};
