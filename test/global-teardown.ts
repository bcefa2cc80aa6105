import fs from 'node:fs';
import type { LocalNeo4j } from '../src/graph/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as { __neo4j__?: LocalNeo4j }).__neo4j__;
  if (!local) return;
  await local.stop();
  fs.rmSync(local.home, { recursive: true, force: true });
}
