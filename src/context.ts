import DataLoader from 'dataloader';
import type { Actor } from './auth';
import { batchSchedule, newWork, type Work } from './limits/pacing';
import type { Repositories } from './graph/repositories';
import type { AgreementRecord, CountryRecord, PersonRecord } from './graph/records';
import { agreementParts, countryParts, type Selected } from './resolvers/selection';

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
  /** Per-request batch loaders for objects reached by id from nested fields (one query per level, not per item). */
  loaders: {
    country: DataLoader<string, CountryRecord | undefined>;
    agreement: DataLoader<string, AgreementRecord | undefined>;
    person: DataLoader<string, PersonRecord | undefined>;
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

export function createContext(repositories: Repositories, actor: Actor | null = null): Context {
  const selection: Context['selection'] = {};
  const work = newWork();
  return {
    repositories,
    actor,
    selection,
    work,
    loaders: {
      country: byKey(work, (codes) => repositories.countries.byCodes(codes, countryParts(selection.fields)), (c) => c.code),
      agreement: byKey(work, (ids) => repositories.agreements.byIds(ids, agreementParts(selection.fields)), (a) => a.id),
      person: byKey(work, (ids) => repositories.people.byIds(ids), (p) => p.id),
    },
  };
}
