import type { DatasetMapping } from './mapping';
import { unMembership } from './un-membership';
import { wikidataDiplomaticMissions } from './wikidata-diplomatic-missions';
import { wikidataLeaders } from './wikidata-leaders';

/** The data sets bundled under seeds/datasets, in the order a seed loads them. */
export const BUNDLED_DATASETS: readonly DatasetMapping[] = [unMembership, wikidataDiplomaticMissions, wikidataLeaders];

export function findDataset(name: string): DatasetMapping | undefined {
  return BUNDLED_DATASETS.find((d) => d.name === name);
}
