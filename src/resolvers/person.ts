import type { PersonParent, PersonRecord } from '../graph/records';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { badInput, notFound } from '../errors';
import { pageOf, text } from './args';
import { fullRecord } from './full-record';

const details = (parent: PersonParent, ctx: Context) =>
  fullRecord<PersonRecord>(parent, 'offices', ctx.loaders.person, parent.id, 'Person');

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
  },
  Person: {
    offices: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).offices, paging),
    signed: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).signed, paging),
    mediated: async (parent, paging, ctx) => pageOf((await details(parent, ctx)).mediated, paging),
    sources: async (parent, _, ctx) => (await details(parent, ctx)).sources,
  },
};
