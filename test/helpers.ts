import assert from 'node:assert';
import type { ApolloServer } from '@apollo/server';
import { loadConfig } from '../src/config';
import { createContext, type Context } from '../src/context';
import { createDriver } from '../src/graph/driver';
import { Graph } from '../src/graph/graph';
import { createRepositories } from '../src/graph/repositories';
import { createServer } from '../src/server';

/** A Graph on the test Neo4j that global-setup started (or NEO4J_URI). Close it in afterAll. */
export function testGraph(): Graph {
  const connection = loadConfig().neo4j;
  assert(connection, 'global-setup sets NEO4J_URI');
  return new Graph(createDriver(connection), connection.database);
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** The same server `npm start` builds, queried in-process with a fresh context per operation. */
export class TestApi {
  readonly server: ApolloServer<Context> = createServer({ logError: () => undefined });
  readonly graph = testGraph();
  private readonly repositories = createRepositories(this.graph);

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const response = await this.server.executeOperation<T>({ query, variables }, { contextValue: createContext(this.repositories) });
    assert(response.body.kind === 'single');
    return response.body.singleResult as GraphQLResult<T>;
  }

  /** The data of a query that must succeed; fails the test with the errors otherwise. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.query<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.graph.close();
  }
}
