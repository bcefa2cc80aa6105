import type { Graph } from '../graph';
import { nameKey } from '../names';
import type { OfficeRecord, PersonRecord } from '../records';
import { pageParams, type Page } from './countries';

export type LeaderRole = 'head of state' | 'head of government';

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

  /** Each state's terms in the roles given, newest first, or those held on `asOf`, one page per state; a state the graph lacks is left out. One statement for many states. */
  async leaders(codes: readonly string[], roles: LeaderRole[], asOf: string | null, page: Page): Promise<Map<string, OfficeRecord[]>> {
    const rows = await this.graph.read<{ code: string; known: boolean; offices: OfficeRecord[] }>('leaders', { codes: [...codes], roles, asOf, ...pageParams(page) });
    return new Map(rows.filter((r) => r.known).map((r) => [r.code, r.offices]));
  }
}
