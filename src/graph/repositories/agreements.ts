import type { Graph } from '../graph';
import type { AgreementRecord } from '../records';
import { pageParams, type Page } from './countries';

export class AgreementRepository {
  constructor(private readonly graph: Graph) {}

  private async find(filter: { ids?: readonly string[]; party?: string | null; between?: string[] | null }, page?: Page): Promise<AgreementRecord[]> {
    const rows = await this.graph.read<{ agreement: AgreementRecord }>('agreements', {
      ids: filter.ids ? [...filter.ids] : null,
      party: filter.party ?? null,
      between: filter.between ?? null,
      ...pageParams(page ?? { skip: 0, limit: 100_000 }),
    });
    return rows.map((r) => r.agreement);
  }

  /** Newest first; `party` and `between` narrow to agreements those states are party to. */
  search(party: string | null, between: string[] | null, page: Page): Promise<AgreementRecord[]> {
    return this.find({ party, between }, page);
  }

  byIds(ids: readonly string[]): Promise<AgreementRecord[]> {
    return this.find({ ids });
  }
}
