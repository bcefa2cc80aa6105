import type { Graph } from '../graph';
import { nameKey } from '../names';
import type { PersonRecord } from '../records';

export class PersonRepository {
  constructor(private readonly graph: Graph) {}

  /** The people known by this name in any recorded variant (more than one only if the name is ambiguous). */
  async byName(name: string): Promise<PersonRecord[]> {
    const rows = await this.graph.read<{ person: PersonRecord }>('people', { nameKey: nameKey(name), ids: null });
    return rows.map((r) => r.person);
  }

  async byIds(ids: readonly string[]): Promise<PersonRecord[]> {
    const rows = await this.graph.read<{ person: PersonRecord }>('people', { nameKey: null, ids: [...ids] });
    return rows.map((r) => r.person);
  }
}
