import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config';

/** One driver per process. Integers arrive as JS numbers: every count here fits in 2^53. */
export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'diplograph/0.1',
  });
}
