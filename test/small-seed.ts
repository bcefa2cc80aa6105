import { BUNDLED_DATASETS } from '../src/datasets/bundled';
import type { SeedOptions } from '../src/graph/seed';

/**
 * Seed options for a test file's own Neo4j that compares whole-graph fingerprints around each
 * write: every bundled data set but the diplomatic missions, whose ten thousand missions make each
 * comparison take seconds and are not what such a file tests (the shared test Neo4j has them all).
 */
export const smallSeed: SeedOptions = {
  datasets: BUNDLED_DATASETS.filter((d) => d.name !== 'wikidata-diplomatic-missions'),
  reportDir: null,
};
