import type { Config, Neo4jConnection } from '../config';
import { until } from '../lifecycle';
import { createDriver } from './driver';
import { Graph } from './graph';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j';

export interface Connected {
  graph: Graph;
  connection: Neo4jConnection;
  /** The local server this process started, if any. */
  local: LocalNeo4j | undefined;
  /**
   * Closes the driver, then stops the local Neo4j. With a `deadline` (epoch ms) it is over by then:
   * a driver still closing is left to the process's exit, and a Neo4j still running gets SIGKILL.
   */
  close(deadline?: number): Promise<void>;
}

/**
 * Uses NEO4J_URI when it is set; otherwise starts the local Neo4j under NEO4J_HOME. Fails with
 * a clear message when the server cannot be reached or signed in to.
 */
export async function connect(config: Config, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Connected> {
  let local: LocalNeo4j | undefined;
  let connection = config.neo4j;
  if (!connection) {
    local = await startLocalNeo4j({ ...config.local, log: (l) => log(`[neo4j] ${l}`) });
    connection = { uri: local.boltUri, user: 'neo4j', password: '', database: config.database };
  }
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${connection.uri} (database ${connection.database}): ${(err as Error).message}`);
  }
  const graph = new Graph(driver, connection.database);
  return {
    graph,
    connection,
    local,
    close: async (deadline) => {
      if (deadline === undefined) {
        await graph.close();
        await local?.stop();
        return;
      }
      await until(deadline, graph.close());
      await local?.stop(Math.max(0, deadline - Date.now()));
    },
  };
}
