import type { Graph } from '../graph';
import { nameKey } from '../names';
import type { EmbassyEventRecord } from '../records';

export class EmbassyRepository {
  constructor(private readonly graph: Graph) {}

  /** Every recorded embassy event, optionally only in a city (any name variant) or by a sending state. */
  async events(filter: { city?: string | null; country?: string | null }, withEvidence = true): Promise<EmbassyEventRecord[]> {
    const rows = await this.graph.read<{ event: EmbassyEventRecord }>('embassy-events', {
      cityKey: filter.city ? nameKey(filter.city) : null,
      country: filter.country ?? null,
      withEvidence,
    });
    return rows.map((r) => r.event);
  }
}
