import DataLoader from 'dataloader';
import type { Actor } from './auth';
import { batchSchedule, newWork, type Work } from './limits/pacing';
import type { Client, RateLimits } from './limits/rate';
import type { Repositories } from './graph/repositories';
import type { FeedAccess } from './subscriptions/feed';
import type { AgreementRecord, CountryRecord, DiplomaticNetworkRecord, DiplomaticRelationRecord, MissionPageRecord, MissionRecord, OfficeRecord, PersonRecord } from './graph/records';
import type { MissionFilter, MissionPage, MissionScope } from './graph/repositories/missions';
import type { LeaderRole } from './graph/repositories/people';
import { agreementParts, countryParts, factParts, missionParts, type Selected } from './resolvers/selection';

export interface Context {
  repositories: Repositories;
  /** The caller, or null for an anonymous read. */
  actor: Actor | null;
  /**
   * What a query operation selects (set by the server once the operation is known), so records are
   * fetched with only the lists asked for; unset for mutations, which read back whole records. A holder
   * object, because Apollo hands resolvers a shallow copy of the context the loaders were made with.
   */
  selection: { fields?: Selected };
  /** Whether this request's resolvers take turns with other requests (set by the limits for expensive ones). */
  work: Work;
  /** Over WebSocket: the change feed that subscriptions read, and how to close the connection (src/subscriptions). */
  feed?: FeedAccess;
  /** Over HTTP: who spends a rate budget (token holder or address) and the budgets; unset in-process. */
  rate?: { client: Client; limits: RateLimits };
  /** Per-request batch loaders for objects reached by id from nested fields (one query per level, not per item). */
  loaders: {
    country: DataLoader<string, CountryRecord | undefined>;
    agreement: DataLoader<string, AgreementRecord | undefined>;
    person: DataLoader<string, PersonRecord | undefined>;
    mission: DataLoader<string, MissionRecord | undefined>;
    /** The mission id of a sending state's embassy in a city, keyed `code city-id`. */
    embassyMission: DataLoader<string, string | undefined>;
    network: DataLoader<string, DiplomaticNetworkRecord | undefined>;
    /** Pages of missions by state code, one loader (so one statement per level) per role, filter and page. */
    missions: (role: MissionScope, filter: MissionFilter, page: MissionPage) => DataLoader<string, MissionPageRecord | undefined>;
    /** The terms held on a date in one leader role, by state code (one loader per role and date). */
    leaders: (role: LeaderRole, asOf: string) => DataLoader<string, OfficeRecord[] | undefined>;
    /** Pages of diplomatic relations by state code, one loader per `with` and page. */
    relations: (other: string | null, page: MissionPage) => DataLoader<string, DiplomaticRelationRecord[] | undefined>;
  };
}

function byKey<T>(work: Work, load: (keys: readonly string[]) => Promise<T[]>, key: (item: T) => string) {
  return new DataLoader<string, T | undefined>(
    async (keys) => {
      const found = new Map((await load(keys)).map((item) => [key(item), item]));
      return keys.map((k) => found.get(k));
    },
    { batchScheduleFn: batchSchedule(work) },
  );
}

function grouped<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<string, V>();
  return (key) => {
    const id = JSON.stringify(key);
    let value = made.get(id);
    if (value === undefined) made.set(id, (value = make(key)));
    return value;
  };
}

export function createContext(repositories: Repositories, actor: Actor | null = null): Context {
  const selection: Context['selection'] = {};
  const work = newWork();
  const missionLoader = grouped(
    ({ role, filter, page }: { role: MissionScope; filter: MissionFilter; page: MissionPage }) =>
      new DataLoader<string, MissionPageRecord | undefined>(
        async (codes) => {
          const pages = await repositories.missions.pages(codes, role, filter, page, missionParts(selection.fields));
          return codes.map((code) => pages.get(code));
        },
        { batchScheduleFn: batchSchedule(work) },
      ),
  );
  const leaderLoader = grouped(
    ({ role, asOf }: { role: LeaderRole; asOf: string }) =>
      new DataLoader<string, OfficeRecord[] | undefined>(
        async (codes) => {
          // a state has a handful of heads on one day (co-princes, a collective presidency): one page holds them
          const found = await repositories.people.leaders(codes, [role], asOf, { skip: 0, limit: 300 });
          return codes.map((code) => found.get(code));
        },
        { batchScheduleFn: batchSchedule(work) },
      ),
  );
  const relationLoader = grouped(
    ({ other, page }: { other: string | null; page: MissionPage }) =>
      new DataLoader<string, DiplomaticRelationRecord[] | undefined>(
        async (codes) => {
          const found = await repositories.missions.relations(codes, other, page, factParts(selection.fields));
          return codes.map((code) => found.get(code));
        },
        { batchScheduleFn: batchSchedule(work) },
      ),
  );
  return {
    repositories,
    actor,
    selection,
    work,
    loaders: {
      country: byKey(work, (codes) => repositories.countries.byCodes(codes, countryParts(selection.fields)), (c) => c.code),
      agreement: byKey(work, (ids) => repositories.agreements.byIds(ids, agreementParts(selection.fields)), (a) => a.id),
      person: byKey(work, (ids) => repositories.people.byIds(ids), (p) => p.id),
      mission: byKey(work, (ids) => repositories.missions.byIds(ids, missionParts(selection.fields)), (m) => m.id),
      embassyMission: new DataLoader<string, string | undefined>(
        async (keys) => {
          const found = await repositories.missions.embassyMissions(keys.map((k) => ({ country: k.slice(0, k.indexOf(' ')), city: k.slice(k.indexOf(' ') + 1) })));
          return keys.map((k) => found.get(k));
        },
        { batchScheduleFn: batchSchedule(work) },
      ),
      network: byKey(work, (codes) => repositories.missions.networks(codes, { skip: 0, limit: codes.length }), (n) => n.country.code),
      missions: (role, filter, page) => missionLoader({ role, filter, page }),
      relations: (other, page) => relationLoader({ other, page }),
      leaders: (role, asOf) => leaderLoader({ role, asOf }),
    },
  };
}
