import type { Graph } from '../graph';
import type { SourceRecord } from '../records';
import { pageParams, type Page } from './countries';

export class SourceRepository {
  constructor(private readonly graph: Graph) {}

  /** A page of the sources; `workspace` adds the articles of the review queue that no accepted fact cites yet. */
  async list(page: Page, workspace = false): Promise<SourceRecord[]> {
    return (await this.graph.read<{ source: SourceRecord }>('sources', { ...pageParams(page), workspace })).map((r) => r.source);
  }
}
