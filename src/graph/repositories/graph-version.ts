import type { Graph } from '../graph';

/**
 * The graph's version, read for every revalidation (If-None-Match). Callers asking at the same time
 * share one read, as long as it started after they asked: a read already under way may have begun
 * before a write the caller has seen acknowledged, so a caller who arrives during a read waits for
 * the next one, which starts when that read ends and serves everyone who arrived meanwhile. Under
 * load this is one Neo4j round trip per batch of revalidations instead of one per request, and a
 * version is never older than the moment it was asked for.
 */
export class GraphVersionRepository {
  #running: Promise<number> | undefined;
  #next: Promise<number> | undefined;

  constructor(private readonly graph: Graph) {}

  /** The number of the last audit entry, read after this call: it moves with every write and every import that changed the graph. */
  current(): Promise<number> {
    if (!this.#running) return this.#start();
    const settled = this.#running.then(
      () => undefined,
      () => undefined,
    );
    this.#next ??= settled.then(() => {
      this.#next = undefined;
      return this.#start();
    });
    return this.#next;
  }

  #start(): Promise<number> {
    const read: Promise<number> = this.graph.readAutoCommit<{ version: number }>('graph-version', {}).then((rows) => rows[0]?.version ?? 0);
    this.#running = read;
    const clear = () => {
      if (this.#running === read) this.#running = undefined;
    };
    read.then(clear, clear);
    return read;
  }
}
