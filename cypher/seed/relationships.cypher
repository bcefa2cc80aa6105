// Seeds facts between nodes, keyed by the fact's id; type and labels come from the loader's allowlist, never from users. A data set's share of a fact (what it lists in datasetProps, its bookkeeping, its closing, its Source) outlives the reseed.
UNWIND $rows AS row
MATCH (a:$(row.fromLabel)) WHERE a[row.fromKey] = row.fromValue
MATCH (b:$(row.toLabel)) WHERE b[row.toKey] = row.toValue
MERGE (a)-[r:$(row.type) {id: row.props.id}]->(b)
WITH r, row, properties(r) AS kept
SET r = row.props
FOREACH (key IN CASE WHEN kept.dataset IS NULL THEN [] ELSE
    kept.datasetProps + ['dataset', 'datasetRow', 'datasetHash', 'datasetProps', 'origins', 'unlistedSince']
    + CASE WHEN kept.unlistedSince IS NULL THEN [] ELSE ['validTo', 'note'] END END |
  SET r[key] = kept[key])
SET r.sources = r.sources + [s IN ['dataset-' + kept.dataset] WHERE kept.dataset IS NOT NULL AND NOT s IN r.sources]
RETURN count(r) AS written
