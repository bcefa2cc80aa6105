import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import type { MissionFilter, MissionPage, MissionScope } from '../graph/repositories/missions';
import type { MissionPageRecord, MissionRecord } from '../graph/records';
import type { Resolvers } from '../generated/graphql';
import { countryCode, organizationCode, page, text } from './args';
import { requireKnownCountries } from './known';
import { missionParts } from './selection';

/** Missions per page when `first` is left out. */
const DEFAULT_PAGE = 50;
const MAX_RADIUS_KM = 2000;
const CURSOR_PREFIX = 'mission:';

/** Opaque to clients, as Relay wants; here the position in the ordered list. */
const cursorOf = (position: number) => Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');

function afterCursor(after: string | null | undefined): number {
  if (after == null) return 0;
  const decoded = /^[A-Za-z0-9_-]{1,40}$/.test(after) ? Buffer.from(after, 'base64url').toString() : '';
  const position = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(position) || position < 0 || position > 1_000_000) throw badInput('after must be the endCursor of an earlier page of this list.', 'after');
  return position + 1;
}

function missionPage(args: { first?: number | null; after?: string | null }): MissionPage {
  const { limit } = page(args.first ?? DEFAULT_PAGE, 0);
  return { skip: afterCursor(args.after), limit };
}

function near(value: { latitude: number; longitude: number; km: number } | null | undefined): MissionFilter['near'] {
  if (value == null) return null;
  if (!(value.latitude >= -90 && value.latitude <= 90)) throw badInput('near.latitude must be between -90 and 90.', 'near');
  if (!(value.longitude >= -180 && value.longitude <= 180)) throw badInput('near.longitude must be between -180 and 180.', 'near');
  if (!(value.km > 0 && value.km <= MAX_RADIUS_KM)) throw badInput(`near.km must be above 0 and at most ${MAX_RADIUS_KM}.`, 'near');
  return value;
}

/** A sender is a state (two letters) or an organization (EU...). */
const senderCode = (value: string) => (/^[A-Za-z]{2}$/.test(value) ? countryCode(value, 'sender') : organizationCode(value, 'sender'));

const emptyPage = (skip: number): MissionPageRecord => ({ totalCount: 0, skip, items: [] });

async function nested(ctx: Context, code: string, role: MissionScope, args: { type?: string | null; first?: number | null; after?: string | null }) {
  const paging = missionPage(args);
  const found = await ctx.loaders.missions(role, { type: args.type ?? null }, paging).load(code);
  return found ?? emptyPage(paging.skip);
}

export const missionResolvers: Resolvers = {
  Query: {
    missions: async (_, args, ctx) => {
      const filter: MissionFilter = {
        sender: args.sender == null ? null : senderCode(args.sender),
        host: args.host == null ? null : countryCode(args.host, 'host'),
        accreditedTo: args.accreditedTo == null ? null : countryCode(args.accreditedTo, 'accreditedTo'),
        city: args.city == null ? null : text(args.city, 'city', 200),
        type: args.type ?? null,
        near: near(args.near),
        includeUnlisted: args.includeUnlisted ?? false,
      };
      const paging = missionPage(args);
      const found = await ctx.repositories.missions.search(filter, paging, missionParts(ctx.selection.fields));
      if (found.totalCount === 0) {
        const states = [filter.host, filter.accreditedTo, filter.sender && filter.sender.length === 2 ? filter.sender : null].filter((c): c is string => c != null);
        await requireKnownCountries(ctx, states);
      }
      return found;
    },
    mission: async (_, { id }, ctx) => {
      if (!/^Q[1-9][0-9]{0,11}$/.test(id)) throw badInput(`id must be a Wikidata item id such as "Q55172163"; got ${JSON.stringify(id.slice(0, 40))}.`, 'id');
      const found = await ctx.loaders.mission.load(id);
      if (!found) throw notFound(`No mission with id ${id} in the graph.`);
      return found;
    },
    diplomaticNetworks: (_, args, ctx) => ctx.repositories.missions.networks(null, page(args.first, args.offset)),
  },
  MissionConnection: {
    edges: (connection) => connection.items.map((node, i) => ({ cursor: cursorOf(connection.skip + i), node })),
    nodes: (connection) => connection.items,
    pageInfo: ({ skip, items, totalCount }) => ({
      hasNextPage: skip + items.length < totalCount,
      hasPreviousPage: skip > 0,
      startCursor: items.length ? cursorOf(skip) : null,
      endCursor: items.length ? cursorOf(skip + items.length - 1) : null,
    }),
  },
  Mission: {
    wikidata: (mission) => `https://www.wikidata.org/wiki/${mission.id}`,
    typeLabel: (mission) => mission.typeLabel ?? mission.type,
    sender: ({ sender }) =>
      sender.label === 'Organization'
        ? { id: sender.code, code: sender.code, name: sender.name, aliases: sender.aliases ?? [], label: 'Organization' as const }
        : { code: sender.code, name: sender.name, aliases: sender.aliases ?? [] },
    location: (mission) => (mission.latitude == null || mission.longitude == null ? null : { latitude: mission.latitude, longitude: mission.longitude }),
  },
  DiplomaticRelation: {
    evidence: async (relation, _, ctx) => (await ctx.loaders.mission.loadMany(relation.evidenceMissions)).filter((m): m is MissionRecord => m != null && !(m instanceof Error)),
  },
  Country: {
    missions: (parent, args, ctx) => nested(ctx, parent.code, 'sender', args),
    hostedMissions: (parent, args, ctx) => nested(ctx, parent.code, 'host', args),
    accreditations: (parent, args, ctx) => nested(ctx, parent.code, 'accredited', args),
    diplomaticRelations: async (parent, args, ctx) => {
      const other = args.with == null ? null : countryCode(args.with, 'with');
      return (await ctx.loaders.relations(other, page(args.first, args.offset)).load(parent.code)) ?? [];
    },
    diplomaticNetwork: async (parent, _, ctx) => {
      const network = await ctx.loaders.network.load(parent.code);
      if (!network) throw notFound(`No country with code ${parent.code} in the graph.`);
      return network;
    },
  },
};
