import type { PersonParent, PersonRecord } from '../graph/records';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { badInput, notFound } from '../errors';
import type { LeaderRole as GraphLeaderRole } from '../graph/repositories/people';
import { today } from '../graph/temporal';
import type { LeaderRole } from '../generated/graphql';
import { countryCode, page, pageOf, text } from './args';
import { fullRecord } from './full-record';

const details = (parent: PersonParent, ctx: Context) =>
  fullRecord<PersonRecord>(parent, 'offices', ctx.loaders.person, parent.id, 'Person');

const ROLES: Record<LeaderRole, GraphLeaderRole> = { HEAD_OF_STATE: 'head of state', HEAD_OF_GOVERNMENT: 'head of government' };

async function leaders(ctx: Context, of: string, roles: GraphLeaderRole[], asOf: string | null, paging: { skip: number; limit: number }) {
  const offices = (await ctx.repositories.people.leaders([of], roles, asOf, paging)).get(of);
  if (!offices) throw notFound(`No country with code ${of} in the graph.`);
  return offices;
}

/** A country's heads in one role on a date, batched with the other countries of the same level. */
async function heads(ctx: Context, code: string, role: GraphLeaderRole, asOf: string) {
  return (await ctx.loaders.leaders(role, asOf).load(code)) ?? [];
}

export const personResolvers: Resolvers = {
  Query: {
    person: async (_, args, ctx) => {
      const name = text(args.name, 'name', 200);
      const people = await ctx.repositories.people.byName(name);
      if (people.length === 0) throw notFound(`No person known as ${JSON.stringify(name)}.`);
      if (people.length > 1) {
        throw badInput(`${JSON.stringify(name)} could be ${people.map((p) => p.name).join(' or ')}; give a fuller name.`, 'name');
      }
      return people[0]!;
    },
    leaders: async (_, { of, role, asOf, first, offset }, ctx) =>
      leaders(ctx, countryCode(of, 'of'), role ? [ROLES[role]] : Object.values(ROLES), asOf ?? null, page(first, offset)),
  },
  Country: {
    headOfState: (parent, { asOf }, ctx) => heads(ctx, parent.code, 'head of state', asOf ?? today()),
    headOfGovernment: (parent, { asOf }, ctx) => heads(ctx, parent.code, 'head of government', asOf ?? today()),
  },
  Office: {
    untilInferred: (office) => office.untilInferred ?? false,
    origins: (office) => office.origins ?? [],
  },
  Person: {
    offices: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).offices, paging),
    signed: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).signed, paging),
    mediated: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).mediated, paging),
    sources: async (parent, _, ctx) => (await details(parent, ctx)).sources,
    wikidata: async (parent, _, ctx) => (parent.wikidata !== undefined ? parent.wikidata : ((await details(parent, ctx)).wikidata ?? null)),
  },
};
