import { int } from 'neo4j-driver';
import type { Graph } from '../graph';
import { EMBASSY_TYPES, NETWORK_GROUPS, RELATIONS_EVIDENCE } from '../mission-types';
import { nameKey } from '../names';
import type { DiplomaticNetworkRecord, DiplomaticRelationRecord, MissionPageRecord, MissionRecord } from '../records';
import { withEverything, type Parts } from './parts';

const missionParts = withEverything(['accreditations', 'history']);
const relationParts = withEverything([]);

export interface MissionFilter {
  sender?: string | null;
  host?: string | null;
  accreditedTo?: string | null;
  city?: string | null;
  type?: string | null;
  near?: { latitude: number; longitude: number; km: number } | null;
  includeUnlisted?: boolean;
  /** Only these missions (Wikidata item ids). */
  ids?: readonly string[] | null;
}

/** Whose missions a nested list asks for: those a state sends, hosts, or is accredited with. */
export type MissionScope = 'sender' | 'host' | 'accredited';

export interface MissionPage {
  skip: number;
  limit: number;
}

interface Row {
  scope: string | null;
  totalCount: number;
  items: MissionRecord[];
}

export class MissionRepository {
  constructor(private readonly graph: Graph) {}

  private async read(filter: MissionFilter, page: MissionPage, parts: Parts | undefined, scopes: readonly string[] | null, scopeRole: MissionScope | null): Promise<Row[]> {
    return this.graph.read<Row>('missions', {
      scopes: scopes ? [...scopes] : null,
      scopeRole,
      ids: filter.ids ? [...filter.ids] : null,
      sender: filter.sender ?? null,
      host: filter.host ?? null,
      accreditedTo: filter.accreditedTo ?? null,
      cityKey: filter.city ? nameKey(filter.city) : null,
      type: filter.type ?? null,
      near: filter.near ? { latitude: filter.near.latitude, longitude: filter.near.longitude, meters: filter.near.km * 1000 } : null,
      includeUnlisted: filter.includeUnlisted ?? false,
      relationsEvidence: [...RELATIONS_EVIDENCE],
      embassyTypes: [...EMBASSY_TYPES],
      skip: int(page.skip),
      limit: int(page.limit),
      parts: missionParts(parts),
    });
  }

  /** One page of the missions matching the filter, with the total. */
  async search(filter: MissionFilter, page: MissionPage, parts?: Parts): Promise<MissionPageRecord> {
    const [row] = await this.read(filter, page, parts, null, null);
    return { totalCount: row?.totalCount ?? 0, skip: page.skip, items: row?.items ?? [] };
  }

  /** The same page of missions for each of several states, in one role (a nested list under many countries): one statement. */
  async pages(codes: readonly string[], role: MissionScope, filter: MissionFilter, page: MissionPage, parts?: Parts): Promise<Map<string, MissionPageRecord>> {
    const rows = await this.read(filter, page, parts, codes, role);
    return new Map(rows.map((r) => [r.scope!, { totalCount: r.totalCount, skip: page.skip, items: r.items }]));
  }

  /** Missions by their Wikidata item ids, listed or not. */
  async byIds(ids: readonly string[], parts?: Parts): Promise<MissionRecord[]> {
    const [row] = await this.read({ ids, includeUnlisted: true }, { skip: 0, limit: ids.length }, parts, null, null);
    return row?.items ?? [];
  }

  /** One page of each state's diplomatic relations (only with `other`, if given): one statement for many states. */
  async relations(codes: readonly string[], other: string | null, page: MissionPage, parts?: Parts): Promise<Map<string, DiplomaticRelationRecord[]>> {
    const rows = await this.graph.read<{ code: string; items: DiplomaticRelationRecord[] }>('diplomatic-relations', {
      codes: [...codes],
      with: other,
      skip: int(page.skip),
      limit: int(page.limit),
      parts: relationParts(parts),
    });
    return new Map(rows.map((r) => [r.code, r.items]));
  }

  /** The mission that is each (sending state, city id) pair's embassy, keyed `code city`. */
  async embassyMissions(pairs: readonly { country: string; city: string }[]): Promise<Map<string, string>> {
    const rows = await this.graph.read<{ country: string; city: string; mission: string }>('embassy-missions', { pairs: [...pairs], embassyTypes: [...EMBASSY_TYPES] });
    return new Map(rows.map((r) => [`${r.country} ${r.city}`, r.mission]));
  }

  /** Every state's diplomatic network and rank, or only those of `codes`; ranked largest first. */
  async networks(codes: readonly string[] | null, page: MissionPage): Promise<DiplomaticNetworkRecord[]> {
    const rows = await this.graph.read<{ network: DiplomaticNetworkRecord }>('diplomatic-networks', {
      codes: codes ? [...codes] : null,
      groups: { embassies: [...NETWORK_GROUPS.embassies], consulates: [...NETWORK_GROUPS.consulates], honorary: [...NETWORK_GROUPS.honorary] },
      skip: int(page.skip),
      limit: int(page.limit),
    });
    return rows.map((r) => r.network);
  }
}
