import { GraphQLScalarType, type GraphQLFieldResolver } from 'graphql';

/**
 * Per request: whether its resolvers take turns with the rest of the process, and the last turn given.
 * A holder object, shared by the shallow copies of a context that Apollo makes.
 */
export interface Work {
  paced: boolean;
  turn: Promise<void>;
}

export const newWork = (): Work => ({ paced: false, turn: Promise.resolve() });

/** The next turn of this request: one event-loop iteration after the one before, so other requests' I/O runs in between. */
function nextTurn(work: Work): Promise<void> {
  work.turn = work.turn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  return work.turn;
}

type ResolverMap = Record<string, unknown>;

/**
 * The resolvers, each of which, in a paced (expensive) request, first waits for that request's next turn.
 * graphql-js completes whatever a promise resolves to in one run of microtasks; without turns an expensive
 * answer is built in one block of several hundred milliseconds, and every other request waits behind it.
 */
export function paced<T extends ResolverMap>(resolvers: T): T {
  const out: ResolverMap = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (fields instanceof GraphQLScalarType || typeof fields !== 'object' || fields === null) {
      out[typeName] = fields;
      continue;
    }
    out[typeName] = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([name, resolve]) => {
        if (typeof resolve !== 'function' || name.startsWith('__')) return [name, resolve];
        const original = resolve as GraphQLFieldResolver<unknown, { work: Work }>;
        const wrapped: GraphQLFieldResolver<unknown, { work: Work }> = (parent, args, ctx, info) =>
          ctx.work.paced ? nextTurn(ctx.work).then(() => original(parent, args, ctx, info)) : original(parent, args, ctx, info);
        return [name, wrapped];
      }),
    );
  }
  return out as T;
}
