import type { Driver } from 'neo4j-driver';
import { QueryRegistry } from './queries';
import { recordToPlain } from './plain';

/** Upper bound for any single transaction the service runs. */
const TX_TIMEOUT_MS = 15_000;

export type Params = Record<string, unknown>;

/**
 * The only way the service talks to Neo4j: named queries, parameters only, reads through
 * executeRead and writes through executeWrite (so a cluster routes them), always naming the database.
 */
export class Graph {
  readonly queries = new QueryRegistry();

  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  async read<T>(name: string, params: Params = {}): Promise<T[]> {
    const text = this.queries.get(name);
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      const records = await session.executeRead((tx) => tx.run(text, params), { timeout: TX_TIMEOUT_MS, metadata: { query: name } });
      return records.records.map((r) => recordToPlain<T>(r));
    } finally {
      await session.close();
    }
  }

  async readOne<T>(name: string, params: Params = {}): Promise<T | undefined> {
    return (await this.read<T>(name, params))[0];
  }

  /** Reads with Cypher text that is not a named service query (schema listings). */
  async readText<T>(text: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(text, params), { timeout: TX_TIMEOUT_MS });
      return result.records.map((r) => recordToPlain<T>(r));
    } finally {
      await session.close();
    }
  }

  /** Runs Cypher text that is not a named service query (constraints, seed statements) in one write transaction. */
  async writeText(text: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      await session.executeWrite((tx) => tx.run(text, params), { timeout: 60_000 });
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
