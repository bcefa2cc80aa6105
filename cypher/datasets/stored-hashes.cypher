// What does the graph hold of a data set already: each of its nodes and facts by reference, with the hash of what its row said and whether a snapshot closed it? (An import skips rows the graph holds exactly.)
CALL () {
  MATCH (n) WHERE n.dataset = $dataset
  RETURN labels(n)[0] + ':' + coalesce(n.id, n.code) AS ref, n.datasetHash AS hash, false AS closed
  UNION ALL
  MATCH ()-[r]->() WHERE r.dataset = $dataset
  RETURN r.id AS ref, r.datasetHash AS hash, r.unlistedSince IS NOT NULL AS closed
}
RETURN ref, hash, closed
