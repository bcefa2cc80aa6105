// Which pairs of states have diplomatic relations by the evidence of the missions data set (an embassy-level mission of one accredited to the other, resident or not)? Records each pair once, undirected, as HAS_DIPLOMATIC_RELATIONS_WITH marked inferred with the missions as evidence; a fact other sources assert gets the evidence and stays theirs; evidence a newer snapshot dropped is removed, and a fact that rested on it alone goes with it. Returns what changed, and how many facts rest on it alone.
CALL () {
  MATCH (a:Country)-[s:SENDS]->(m:Mission)-[acc:ACCREDITED_TO]->(b:Country)
  WHERE a <> b AND m.type IN $relationsEvidence AND s.unlistedSince IS NULL AND acc.unlistedSince IS NULL
  WITH CASE WHEN a.code < b.code THEN a ELSE b END AS x, CASE WHEN a.code < b.code THEN b ELSE a END AS y, m
  ORDER BY m.id
  WITH x, y, collect(DISTINCT m.id) AS missions
  OPTIONAL MATCH (x)-[old:HAS_DIPLOMATIC_RELATIONS_WITH]-(y)
  WITH x, y, missions, old ORDER BY old.id
  WITH x, y, missions, head(collect(old)) AS old
  CALL (x, y, missions, old) {
    WITH * WHERE old IS NULL
    CREATE (x)-[r:HAS_DIPLOMATIC_RELATIONS_WITH {id: 'relations-' + x.code + '-' + y.code}]->(y)
    SET r.inferred = true, r.evidenceMissions = missions, r.derivedFrom = $dataset, r.sources = ['dataset-' + $dataset],
        r.note = 'Inferred from embassy-level missions of the ' + $dataset + ' data set accredited between the two (a mission listed in a snapshot may have closed since).'
    RETURN 'created' AS change
    UNION
    WITH * WHERE old IS NOT NULL AND coalesce(old.evidenceMissions, []) <> missions
    SET old.evidenceMissions = missions, old.derivedFrom = $dataset,
        old.sources = CASE WHEN 'dataset-' + $dataset IN old.sources THEN old.sources ELSE old.sources + ('dataset-' + $dataset) END
    RETURN 'updated' AS change
    UNION
    WITH * WHERE old IS NOT NULL AND coalesce(old.evidenceMissions, []) = missions
    RETURN 'unchanged' AS change
  }
  RETURN collect(x.code + ' ' + y.code) AS pairs, sum(CASE change WHEN 'created' THEN 1 ELSE 0 END) AS created,
    sum(CASE change WHEN 'updated' THEN 1 ELSE 0 END) AS updated, sum(CASE change WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged
}
// what the data set no longer evidences
CALL (pairs) {
  MATCH (x:Country)-[r:HAS_DIPLOMATIC_RELATIONS_WITH]->(y:Country)
  WHERE r.derivedFrom = $dataset AND NOT (x.code + ' ' + y.code) IN pairs AND NOT (y.code + ' ' + x.code) IN pairs
  WITH r, coalesce(r.inferred, false) AS alone
  CALL (r, alone) {
    WITH r WHERE alone
    DELETE r
    RETURN 1 AS removed
    UNION
    WITH r WHERE NOT alone
    SET r.sources = [s IN r.sources WHERE s <> 'dataset-' + $dataset]
    REMOVE r.evidenceMissions, r.derivedFrom
    RETURN 0 AS removed
  }
  RETURN count(*) AS dropped
}
// the facts that rest on this data set's evidence alone, now
CALL () {
  MATCH ()-[r:HAS_DIPLOMATIC_RELATIONS_WITH]->() WHERE r.derivedFrom = $dataset AND r.inferred = true
  RETURN count(r) AS inferredOnly
}
RETURN created, updated, unchanged, dropped, inferredOnly
