import type { Graph } from '../graph';

export class GraphVersionRepository {
  constructor(private readonly graph: Graph) {}

  /** The number of the last audit entry: it moves with every write and every import that changed the graph. */
  async current(): Promise<number> {
    return (await this.graph.readOne<{ version: number }>('graph-version', {}))?.version ?? 0;
  }
}
