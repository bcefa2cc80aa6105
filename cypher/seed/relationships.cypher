// Seeds facts between nodes, keyed by the fact's id; type and labels come from the loader's allowlist, never from users. Endpoints are found through each label's key index (a dynamic label would scan every node, data sets' missions included). A data set's share of a fact (what it lists in datasetProps, its bookkeeping, its closing, its Source, the evidence its inference added) outlives the reseed.
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Country {code: row.fromValue}) WHERE row.fromLabel = 'Country' RETURN n
  UNION MATCH (n:Organization {code: row.fromValue}) WHERE row.fromLabel = 'Organization' RETURN n
  UNION MATCH (n:Person {id: row.fromValue}) WHERE row.fromLabel = 'Person' RETURN n
  UNION MATCH (n:City {id: row.fromValue}) WHERE row.fromLabel = 'City' RETURN n
  UNION MATCH (n:Agreement {id: row.fromValue}) WHERE row.fromLabel = 'Agreement' RETURN n
  UNION MATCH (n:Event {id: row.fromValue}) WHERE row.fromLabel = 'Event' RETURN n
  UNION MATCH (n:Source {id: row.fromValue}) WHERE row.fromLabel = 'Source' RETURN n
}
WITH row, n AS a
CALL (row) {
  MATCH (n:Country {code: row.toValue}) WHERE row.toLabel = 'Country' RETURN n
  UNION MATCH (n:Organization {code: row.toValue}) WHERE row.toLabel = 'Organization' RETURN n
  UNION MATCH (n:Person {id: row.toValue}) WHERE row.toLabel = 'Person' RETURN n
  UNION MATCH (n:City {id: row.toValue}) WHERE row.toLabel = 'City' RETURN n
  UNION MATCH (n:Agreement {id: row.toValue}) WHERE row.toLabel = 'Agreement' RETURN n
  UNION MATCH (n:Event {id: row.toValue}) WHERE row.toLabel = 'Event' RETURN n
  UNION MATCH (n:Source {id: row.toValue}) WHERE row.toLabel = 'Source' RETURN n
}
WITH row, a, n AS b
MERGE (a)-[r:$(row.type) {id: row.props.id}]->(b)
WITH r, row, properties(r) AS kept
SET r = row.props
FOREACH (key IN CASE WHEN kept.dataset IS NULL THEN [] ELSE
    kept.datasetProps + ['dataset', 'datasetRow', 'datasetHash', 'datasetProps', 'origins', 'unlistedSince']
    + CASE WHEN kept.datasetSources IS NULL THEN [] ELSE ['datasetSources'] END
    + CASE WHEN kept.unlistedSince IS NULL THEN [] ELSE ['validTo', 'note'] END END |
  SET r[key] = kept[key])
SET r.sources = r.sources + [s IN coalesce(kept.datasetSources, []) + ['dataset-' + kept.dataset] WHERE kept.dataset IS NOT NULL AND NOT s IN r.sources]
// So does the evidence a data set's inference added to a fact the seed states (relations evidenced by missions).
FOREACH (key IN CASE WHEN kept.derivedFrom IS NULL THEN [] ELSE ['evidenceMissions', 'derivedFrom'] END | SET r[key] = kept[key])
SET r.sources = r.sources + [s IN ['dataset-' + kept.derivedFrom] WHERE kept.derivedFrom IS NOT NULL AND NOT s IN r.sources]
RETURN count(r) AS written
