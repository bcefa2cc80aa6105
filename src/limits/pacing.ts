import { GraphQLScalarType, type GraphQLFieldResolver } from 'graphql';

/** How long a paced request may keep the event loop before it lets other requests' I/O run. */
const SLICE_MS = 4;

/**
 * Per request: whether its resolvers take turns with the rest of the process, the last turn given,
 * when the running slice of time began, and how many resolvers wait for a turn. A holder object,
 * shared by the shallow copies of a context that Apollo makes.
 */
export interface Work {
  paced: boolean;
  turn: Promise<void>;
  sliceStart: number;
  waiting: number;
}

export const newWork = (): Work => ({ paced: false, turn: Promise.resolve(), sliceStart: 0, waiting: 0 });

/**
 * Continues at once while the request's slice of time lasts; past it (or while others of the request
 * already wait), waits for the request's next turn: one event-loop iteration after the one before,
 * so other requests' I/O runs in between.
 */
async function pace(work: Work): Promise<void> {
  if (work.waiting === 0 && Date.now() - work.sliceStart < SLICE_MS) return;
  work.waiting++;
  work.turn = work.turn.then(
    () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          work.sliceStart = Date.now();
          resolve();
        }),
      ),
  );
  try {
    await work.turn;
  } finally {
    work.waiting--;
  }
}

/**
 * When a paced request's batch loaders may send their batch: once none of its resolvers waits for a
 * turn, so that the loads of one level still go out as one batch however the turns fell (DataLoader's
 * own schedule would send a batch per turn). Unpaced requests keep DataLoader's schedule.
 */
export function batchSchedule(work: Work): (dispatch: () => void) => void {
  return (dispatch) => {
    const whenSettled = () => (work.waiting === 0 ? dispatch() : void work.turn.then(() => setImmediate(whenSettled)));
    void Promise.resolve().then(() => process.nextTick(work.paced ? whenSettled : dispatch));
  };
}

type ResolverMap = Record<string, unknown>;

/**
 * The resolvers, each of which, in a paced (expensive) request, takes its answer and then waits for
 * the request's turn before handing it to graphql-js. graphql-js completes whatever a promise resolves
 * to in one run of microtasks; without turns an expensive answer is built in one block of hundreds of
 * milliseconds, and every other request waits behind it.
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
        const wrapped: GraphQLFieldResolver<unknown, { work: Work }> = (parent, args, ctx, info) => {
          if (!ctx.work.paced) return original(parent, args, ctx, info);
          return Promise.resolve(original(parent, args, ctx, info)).then(async (answer) => {
            await pace(ctx.work);
            return answer;
          });
        };
        return [name, wrapped];
      }),
    );
  }
  return out as T;
}
