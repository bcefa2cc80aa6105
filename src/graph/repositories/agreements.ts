import type { Graph } from '../graph';
import type { AgreementRecord } from '../records';
import { pageParams, type Page } from './countries';
import { withEverything, type Parts } from './parts';

const agreementParts = withEverything(['parties', 'signatories', 'mediators', 'sources']);

export class AgreementRepository {
  constructor(private readonly graph: Graph) {}

  private async find(filter: { ids?: readonly string[]; party?: string | null; between?: string[] | null }, page?: Page, parts?: Parts): Promise<AgreementRecord[]> {
    const rows = await this.graph.read<{ agreement: AgreementRecord }>('agreements', {
      parts: agreementParts(parts),
      ids: filter.ids ? [...filter.ids] : null,
      party: filter.party ?? null,
      between: filter.between ?? null,
      ...pageParams(page ?? { skip: 0, limit: 100_000 }),
    });
    return rows.map((r) => r.agreement);
  }

  /** Newest first; `party` and `between` narrow to agreements those states are party to. */
  search(party: string | null, between: string[] | null, page: Page, parts?: Parts): Promise<AgreementRecord[]> {
    return this.find({ party, between }, page, parts);
  }

  byIds(ids: readonly string[], parts?: Parts): Promise<AgreementRecord[]> {
    return this.find({ ids }, undefined, parts);
  }
}
