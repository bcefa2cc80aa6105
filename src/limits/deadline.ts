import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The wall-clock deadline of the request being served, for code far from the request (the Neo4j
 * boundary sets each transaction's timeout from it). Outside a request there is none.
 */
const current = new AsyncLocalStorage<{ deadline: number }>();

export function withDeadline<T>(deadline: number, work: () => T): T {
  return current.run({ deadline }, work);
}

/** The request's time ran out while it waited for something outside the service (the graph database). */
export class DeadlineExceeded extends Error {
  constructor() {
    super('The request ran out of time.');
    this.name = 'DeadlineExceeded';
  }
}

/**
 * `work`, or DeadlineExceeded once the current request's time is up: a wait the request cannot
 * cancel (a connection from the pool, a retried transaction) no longer holds its answer back.
 */
export async function withinDeadline<T>(work: Promise<T>): Promise<T> {
  const left = remainingMs();
  if (left === undefined) return work;
  if (left <= 0) {
    work.catch(() => undefined);
    throw new DeadlineExceeded();
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), left);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/** Milliseconds left for the current request, or undefined outside one. */
export function remainingMs(): number | undefined {
  const store = current.getStore();
  return store ? store.deadline - Date.now() : undefined;
}
