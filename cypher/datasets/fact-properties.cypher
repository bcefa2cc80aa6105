// What does a data set say about each of a batch of facts? Sets each fact's properties, provenance (the data set's Source, the row's origins) and row hash, keeping what other inputs wrote; reopens a fact the data set had closed; says whether each was created, updated, reopened or unchanged.
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.element
WITH r, row, properties(r) AS old, 'dataset-' + $dataset AS ownSource
WITH r, row, old, ownSource,
  CASE
    // a fact that existed has sources (every input gives some): none means the shape query just made it
    WHEN old.sources IS NULL THEN 'created'
    WHEN old.dataset IS NOT NULL AND old.dataset <> $dataset THEN 'conflict'
    WHEN old.unlistedSince IS NOT NULL THEN 'reopened'
    WHEN old.datasetHash = row.hash THEN 'unchanged'
    ELSE 'updated'
  END AS status
CALL (r, row, old, ownSource, status) {
  WITH * WHERE status IN ['created', 'updated', 'reopened']
  // Undo the closing: its note sentence, and the end date it set (unless the data set gives one itself).
  WITH r, row, old, ownSource,
    CASE WHEN old.unlistedSince IS NULL THEN null
         ELSE ' No longer listed in the data set ' + $dataset + ' as of ' + toString(old.unlistedSince) + '.' END AS closing,
    // other inputs' sources: not the data set, nor the pages it cited before (row.cites says which it cites now)
    [s IN coalesce(old.sources, []) WHERE s <> ownSource AND NOT s IN coalesce(old.datasetSources, [])] AS others
  FOREACH (_ IN CASE WHEN closing IS NOT NULL AND old.validTo = old.unlistedSince THEN [1] ELSE [] END | REMOVE r.validTo)
  SET r.note = CASE WHEN closing IS NULL THEN r.note ELSE nullif(trim(replace(' ' + coalesce(r.note, ''), closing, '')), '') END
  // What this data set said before and no longer says goes; what it says now is set.
  FOREACH (key IN [k IN coalesce(old.datasetProps, []) WHERE NOT k IN keys(row.props)] | REMOVE r[key])
  SET r += row.props
  SET r.dataset = $dataset,
      r.datasetRow = row.key,
      r.datasetHash = row.hash,
      r.datasetProps = keys(row.props),
      r.origins = row.origins,
      r.sources = others + [s IN coalesce(row.cites, []) WHERE NOT s IN others] + ownSource
  // the pages it cites, on facts of data sets whose rows cite pages (written only there)
  FOREACH (_ IN CASE WHEN row.cites IS NOT NULL OR old.datasetSources IS NOT NULL THEN [1] ELSE [] END | SET r.datasetSources = row.cites)
  REMOVE r.unlistedSince
}
RETURN row.ref AS ref, status, old.dataset AS heldBy
