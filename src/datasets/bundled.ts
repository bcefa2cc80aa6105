import type { DatasetMapping } from './mapping';
import { RECOGNITION_DATASETS } from './recognition';
import { unMembership } from './un-membership';
import { wikidataDiplomaticMissions } from './wikidata-diplomatic-missions';
import { wikidataLeaders } from './wikidata-leaders';

/** The data sets bundled under seeds/datasets, in the order a seed loads them. */
export const BUNDLED_DATASETS: readonly DatasetMapping[] = [unMembership, wikidataDiplomaticMissions, wikidataLeaders, ...RECOGNITION_DATASETS];

export function findDataset(name: string): DatasetMapping | undefined {
  return BUNDLED_DATASETS.find((d) => d.name === name);
}
