// Seeds countries and organizations, keyed by code; re-running leaves the same nodes with the seed's properties.
UNWIND $rows AS row
MERGE (n:$(row.label) {code: row.props.code})
WITH n, row, properties(n) AS kept
SET n = row.props
// A data set's share of the node (what it lists in datasetProps, its bookkeeping, its Source) outlives the reseed, so a reader never sees it vanish until the data set loads again.
FOREACH (key IN CASE WHEN kept.dataset IS NULL THEN [] ELSE kept.datasetProps + ['dataset', 'datasetRow', 'datasetHash', 'datasetProps', 'origins'] END |
  SET n[key] = kept[key])
SET n.sources = CASE WHEN kept.dataset IS NULL THEN n.sources ELSE coalesce(n.sources, []) + [s IN ['dataset-' + kept.dataset] WHERE NOT s IN coalesce(n.sources, [])] END
RETURN count(n) AS written
