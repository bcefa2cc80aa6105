import type { Graph } from '../graph';
import { nameKey } from '../names';
import type { EmbassyEventRecord } from '../records';
import { withEverything, type Parts } from './parts';

const eventParts = withEverything([]);

export class EmbassyRepository {
  constructor(private readonly graph: Graph) {}

  /** Every recorded embassy event, optionally only in a city (any name variant) or by a sending state. */
  async events(filter: { city?: string | null; country?: string | null }, parts?: Parts): Promise<EmbassyEventRecord[]> {
    const rows = await this.graph.read<{ event: EmbassyEventRecord }>('embassy-events', {
      cityKey: filter.city ? nameKey(filter.city) : null,
      country: filter.country ?? null,
      parts: eventParts(parts),
    });
    return rows.map((r) => r.event);
  }
}
