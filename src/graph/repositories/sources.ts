import type { Graph } from '../graph';
import type { SourceRecord } from '../records';

export class SourceRepository {
  constructor(private readonly graph: Graph) {}

  async all(): Promise<SourceRecord[]> {
    return (await this.graph.read<{ source: SourceRecord }>('sources')).map((r) => r.source);
  }
}
