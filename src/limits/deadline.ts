import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The wall-clock deadline of the request being served, for code far from the request (the Neo4j
 * boundary sets each transaction's timeout from it). Outside a request there is none.
 */
const current = new AsyncLocalStorage<{ deadline: number }>();

export function withDeadline<T>(deadline: number, work: () => T): T {
  return current.run({ deadline }, work);
}

/** Milliseconds left for the current request, or undefined outside one. */
export function remainingMs(): number | undefined {
  const store = current.getStore();
  return store ? store.deadline - Date.now() : undefined;
}
