import type { Graph } from '../graph';
import type { SourceRecord } from '../records';
import { pageParams, type Page } from './countries';

export class SourceRepository {
  constructor(private readonly graph: Graph) {}

  async list(page: Page): Promise<SourceRecord[]> {
    return (await this.graph.read<{ source: SourceRecord }>('sources', pageParams(page))).map((r) => r.source);
  }
}
