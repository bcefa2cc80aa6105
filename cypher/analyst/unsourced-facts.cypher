// Which nodes or relationships have no source, or cite a source the graph does not hold? (There should be none; the audit trail and the review queue are bookkeeping, not facts.)
// params: {}
CALL () {
  MATCH (n) WHERE NOT n:Source AND NOT n:Change AND NOT n:ChangeLog AND NOT n:Candidate
    AND (size(coalesce(n.sources, [])) = 0 OR any(id IN n.sources WHERE NOT EXISTS { MATCH (:Source {id: id}) }))
  RETURN 'node' AS kind, labels(n)[0] AS label, coalesce(n.code, n.id) AS id
  UNION ALL
  MATCH ()-[r]->()
  WHERE size(coalesce(r.sources, [])) = 0 OR any(id IN r.sources WHERE NOT EXISTS { MATCH (:Source {id: id}) })
  RETURN 'relationship' AS kind, type(r) AS label, r.id AS id
}
RETURN kind, label, id
ORDER BY kind, label, id
