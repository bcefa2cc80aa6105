import type { Driver, Session, SessionMode } from 'neo4j-driver';
import { QueryRegistry } from './queries';
import { remainingMs, withinDeadline } from '../limits/deadline';
import { recordToPlain } from './plain';
import { requestTelemetry } from '../telemetry/request-scope';
import { cypherSpan } from '../telemetry/tracing';

/** Upper bound for any single transaction a request runs. */
const TX_TIMEOUT_MS = 15_000;

/**
 * Bound for the transactions of seeding and imports, which serve no request: a batch (or a pass over a
 * whole data set) on a busy machine may take more than a minute, and giving up half-way only means
 * doing it again.
 */
export const LONG_TX_MS = 300_000;

export type Params = Record<string, unknown>;

/** A transaction's timeout: the standing bound, or less when the request it serves has less time left. */
function txTimeout(): number {
  const left = remainingMs();
  return left === undefined ? TX_TIMEOUT_MS : Math.max(1, Math.min(TX_TIMEOUT_MS, left));
}

/**
 * One named statement: counted for the request it serves, timed for the metrics, and a span of its
 * own when tracing is on. Outside a request (seeding, imports) only the span.
 */
async function measured<T>(name: string, database: string, mode: 'READ' | 'WRITE', work: () => Promise<T>): Promise<T> {
  const telemetry = requestTelemetry();
  if (!telemetry) return cypherSpan(name, database, mode, work);
  telemetry.statements += 1;
  const started = performance.now();
  let ok = false;
  try {
    const result = await cypherSpan(name, database, mode, work);
    ok = true;
    return result;
  } finally {
    telemetry.observeQuery?.(name, (performance.now() - started) / 1000, ok);
  }
}

/**
 * The only way the service talks to Neo4j: named queries, parameters only, reads through
 * executeRead and writes through executeWrite (so a cluster routes them), always naming the database.
 */
export class Graph {
  readonly queries = new QueryRegistry();
  readonly writes = new QueryRegistry('writes');

  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  #openSessions = 0;
  readonly #committed = new Set<() => void>();

  /**
   * Calls `listener` after each write transaction of this process commits (the change feed reads the
   * trail at once instead of at its next poll). Returns the function that stops it.
   */
  onWriteCommitted(listener: () => void): () => void {
    this.#committed.add(listener);
    return () => this.#committed.delete(listener);
  }

  #announce<T>(committed: Promise<T>): Promise<T> {
    return committed.then((result) => {
      // The write is done whatever a listener does: a listener's error must not fail an acknowledged write.
      for (const listener of this.#committed) {
        try {
          listener();
        } catch {
          // listeners only nudge readers; nothing to undo
        }
      }
      return result;
    });
  }

  /** Sessions open right now (for the metrics: the driver publishes no pool figures of its own). */
  get openSessions(): number {
    return this.#openSessions;
  }

  /** Opens a session in `mode`, runs `work` in it, and always closes it. */
  private async withSession<T>(mode: SessionMode, work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    this.#openSessions += 1;
    try {
      return await work(session);
    } finally {
      this.#openSessions -= 1;
      await session.close();
    }
  }

  /** Runs the named query (cypher/queries) in a read transaction; rows as plain objects. */
  read<T>(name: string, params: Params = {}): Promise<T[]> {
    return this.readText<T>(this.queries.get(name), params, name);
  }

  async readOne<T>(name: string, params: Params = {}): Promise<T | undefined> {
    return (await this.read<T>(name, params))[0];
  }

  /**
   * Runs a tiny named read as one auto-commit query: a single round trip (no BEGIN and COMMIT of its
   * own) and no retry, for reads on every request whose failure the caller handles (the graph version
   * behind ETags). Routed as a read like the others.
   */
  readAutoCommit<T>(name: string, params: Params = {}): Promise<T[]> {
    return withinDeadline(
      measured(name, this.database, 'READ', () =>
        this.withSession('READ', async (session) => {
          const result = await session.run(this.queries.get(name), params, { timeout: txTimeout(), metadata: { query: name } });
          return result.records.map((r) => recordToPlain<T>(r));
        }),
      ),
    );
  }

  /**
   * Runs named write queries (cypher/writes) together in one write transaction: `work` gets a
   * runner and what it returns is the transaction's result. Retried as a whole on transient errors.
   */
  writeTransaction<T>(work: (run: <R>(name: string, params: Params) => Promise<R[]>) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.#announce(
      this.withSession('WRITE', (session) =>
        session.executeWrite(
          (tx) =>
            work(async <R>(name: string, params: Params) => {
              const result = await measured(name, this.database, 'WRITE', async () => tx.run(this.writes.get(name), params));
              return result.records.map((r) => recordToPlain<R>(r));
            }),
          { timeout: timeoutMs ?? txTimeout() },
        ),
      ),
    );
  }

  /** Reads with Cypher text: a named query's, or a schema listing's. */
  readText<T>(text: string, params: Params = {}, name = 'text', timeoutMs?: number): Promise<T[]> {
    return withinDeadline(
      measured(name, this.database, 'READ', () =>
        this.withSession('READ', async (session) => {
          const result = await session.executeRead((tx) => tx.run(text, params), { timeout: timeoutMs ?? txTimeout(), metadata: { query: name } });
          return result.records.map((r) => recordToPlain<T>(r));
        }),
      ),
    );
  }

  /**
   * Runs Cypher text that is not a named service query (constraints, seed statements) in one write
   * transaction. The seed's statements write thousands of elements each: on a loaded machine (a CI
   * runner with several Neo4j servers) one took over a minute.
   */
  async writeText(text: string, params: Params = {}): Promise<void> {
    await this.withSession('WRITE', (session) => session.executeWrite((tx) => tx.run(text, params), { timeout: LONG_TX_MS }));
  }

  /**
   * Runs Cypher texts that are not service queries (a data set's batch: cypher/datasets) together
   * in one write transaction; rows as plain objects. Retried as a whole on transient errors, so
   * `work` must only run statements. A batch may take longer than a request's bound.
   */
  writeTextTransaction<T>(work: (run: <R>(text: string, params: Params) => Promise<R[]>) => Promise<T>, timeoutMs = 60_000): Promise<T> {
    return this.#announce(
      this.withSession('WRITE', (session) =>
        session.executeWrite(
          (tx) =>
            work(async <R>(text: string, params: Params) => {
              const result = await tx.run(text, params);
              return result.records.map((r) => recordToPlain<R>(r));
            }),
          { timeout: timeoutMs },
        ),
      ),
    );
  }

  /** Whether Neo4j answers within `timeoutMs` (for /ready). */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const check = this.driver
      .verifyConnectivity({ database: this.database })
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
