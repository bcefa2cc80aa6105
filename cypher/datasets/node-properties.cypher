// What does a data set say about each of a batch of nodes (a mission, a city)? Sets each node's properties, provenance and row hash, keeping what other inputs wrote; says whether each was created, updated or unchanged.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.element
WITH n, row, properties(n) AS old, 'dataset-' + $dataset AS ownSource
WITH n, row, old, ownSource,
  CASE
    WHEN old.sources IS NULL THEN 'created'
    WHEN old.dataset IS NOT NULL AND old.dataset <> $dataset THEN 'conflict'
    WHEN old.datasetHash = row.hash THEN 'unchanged'
    ELSE 'updated'
  END AS status
CALL (n, row, old, ownSource, status) {
  WITH * WHERE status IN ['created', 'updated']
  FOREACH (key IN [k IN coalesce(old.datasetProps, []) WHERE NOT k IN keys(row.props)] | REMOVE n[key])
  SET n += row.props
  SET n.dataset = $dataset,
      n.datasetRow = row.key,
      n.datasetHash = row.hash,
      n.datasetProps = keys(row.props),
      n.origins = row.origins,
      n.sources = [s IN coalesce(old.sources, []) WHERE s <> ownSource] + ownSource
}
RETURN row.ref AS ref, status, old.dataset AS heldBy
