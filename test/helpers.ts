import assert from 'node:assert';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { Actor } from '../src/auth';
import { loadConfig, type Config, type Neo4jConnection } from '../src/config';
import { createContext, type Context } from '../src/context';
import { createDriver } from '../src/graph/driver';
import { Graph, LONG_TX_MS } from '../src/graph/graph';
import { createRepositories, type Repositories } from '../src/graph/repositories';
import { createApp } from '../src/http';
import { ExpensiveGate } from '../src/limits/gate';
import { createServer } from '../src/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../src/graph/local-neo4j';

/** A Graph on the test Neo4j that global-setup started (or NEO4J_URI), or on `connection`. Close it in afterAll. */
export function testGraph(connection: Neo4jConnection | undefined = loadConfig().neo4j): Graph {
  assert(connection, 'global-setup sets NEO4J_URI');
  return new Graph(createDriver(connection), connection.database);
}

/**
 * Every node and relationship with its labels/type and properties, sorted: equal fingerprints, equal
 * graphs. Rows are hashed as they stream in (a whole graph with its ten thousand missions collected into
 * one value took Neo4j past its 30 s transaction timeout on a CI runner), in one read transaction.
 */
export async function fingerprint(graph: Graph, options: { audit?: boolean } = {}): Promise<string> {
  // Without the audit trail (audit: false): the facts as they stand, for a test that changes them and changes them back.
  const nodes = options.audit === false ? 'MATCH (n) WHERE NOT n:Change AND NOT n:ChangeLog' : 'MATCH (n)';
  // Keys sorted: Neo4j returns an element's properties in storage order, which a rewrite of the same values may change.
  const sorted = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(
      async (tx) => {
        // made inside the work: a retried transaction starts its hash again
        const hash = createHash('sha256');
        for (const query of [
          `${nodes} RETURN labels(n) AS labels, properties(n) AS props ORDER BY labels(n)[0], coalesce(n.code, n.id)`,
          'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.code, a.id) AS a, coalesce(b.code, b.id) AS b, properties(r) AS props ORDER BY type(r), r.id',
        ]) {
          hash.update(`${query}\n`);
          for await (const record of tx.run(query)) hash.update(`${JSON.stringify(record.toObject(), sorted)}\n`);
        }
        return hash.digest('hex');
      },
      { timeout: LONG_TX_MS },
    );
  } finally {
    await session.close();
  }
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** The same server `npm start` builds, queried in-process with a fresh context per operation. */
export class TestApi {
  readonly server: ApolloServer<Context>;
  readonly graph: Graph;
  readonly repositories: Repositories;

  /** The turns for expensive requests this server gives out: a test may hold them. */
  readonly gate: ExpensiveGate;

  /** `config` replaces the environment's (limits, introspection) for this server. */
  constructor(connection?: Neo4jConnection, readonly config: Config = loadConfig()) {
    const { maxExpensiveInFlight, maxExpensiveQueued, maxQueueWaitMs } = config.limits;
    this.gate = new ExpensiveGate(maxExpensiveInFlight, maxExpensiveQueued, maxQueueWaitMs);
    this.server = createServer({ config, logError: () => undefined, gate: this.gate });
    this.graph = testGraph(connection);
    this.repositories = createRepositories(this.graph);
  }

  private http?: http.Server;

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  /** Serves the HTTP app `npm start` serves (open reads unless `auth` says otherwise) on a free port; its base URL. stop() closes it. */
  async listen(auth: Config['auth'] = { editors: [], readers: [], openReads: true }): Promise<string> {
    const server = http.createServer(
      createApp({ server: this.server, repositories: this.repositories, graph: this.graph, auth, requestTimeoutMs: this.config.limits.requestTimeoutMs }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.http = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A fresh per-request context, as the HTTP layer builds one. */
  context(actor: Actor | null = null): Context {
    return createContext(this.repositories, actor);
  }

  async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, actor: Actor | null = null): Promise<GraphQLResult<T>> {
    const response = await this.server.executeOperation<T>({ query, variables }, { contextValue: createContext(this.repositories, actor) });
    assert(response.body.kind === 'single');
    return response.body.singleResult as GraphQLResult<T>;
  }

  /** The data of a query that must succeed; fails the test with the errors otherwise. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, actor: Actor | null = null): Promise<T> {
    const result = await this.query<T>(query, variables, actor);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  async stop(): Promise<void> {
    const server = this.http;
    if (server) await new Promise((r) => server.close(r));
    await this.server.stop();
    await this.graph.close();
  }
}

/** Options for a small throw-away Neo4j of a test file's own (tests that write, or stop Neo4j). */
export async function ownNeo4jOptions(name: string): Promise<LocalNeo4jOptions> {
  return {
    home: fs.mkdtempSync(path.join(os.tmpdir(), `diplograph-${name}-`)),
    boltPort: await freePort(),
    httpPort: await freePort(),
    heap: '384m',
    pageCache: '64m',
    startTimeoutMs: 120_000,
    log: () => undefined,
  };
}

/**
 * A small throw-away Neo4j of a test file's own (tests that write, or stop Neo4j): started in a
 * temporary home on free ports; `remove()` stops it and deletes the home.
 */
export class OwnNeo4j {
  private constructor(
    readonly options: LocalNeo4jOptions,
    public server: LocalNeo4j,
  ) {}

  static async start(name: string): Promise<OwnNeo4j> {
    const options = await ownNeo4jOptions(name);
    try {
      return new OwnNeo4j(options, await startLocalNeo4j(options));
    } catch (error) {
      fs.rmSync(options.home, { recursive: true, force: true });
      throw error;
    }
  }

  get connection(): Neo4jConnection {
    return { uri: this.server.boltUri, user: 'neo4j', password: '', database: 'neo4j' };
  }

  /** Stops the server, keeping its data (restart() brings it back). */
  stop(): Promise<void> {
    return this.server.stop();
  }

  async restart(): Promise<void> {
    this.server = await startLocalNeo4j(this.options);
  }

  async remove(): Promise<void> {
    await this.server.stop();
    fs.rmSync(this.options.home, { recursive: true, force: true });
  }
}
