// Stores the candidate facts ($candidates) proposed by reading the article $source; a candidate already on file (same id) keeps its review state, so re-ingesting adds nothing. The audit entry involves the article and the candidates new to it (the change feed's candidateProposed reads them from there).
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
WITH src, COLLECT { MATCH (c:Candidate)-[:PROPOSED_BY]->(src) RETURN c.id } AS had
CALL (src) {
  UNWIND $candidates AS row
  MERGE (c:Candidate {id: row.id})
  ON CREATE SET c += row, c.status = 'PENDING', c.createdAt = toString(datetime())
  MERGE (c)-[:PROPOSED_BY]->(src)
}
WITH src, had, COLLECT { MATCH (c:Candidate)-[:PROPOSED_BY]->(src) RETURN c.id } AS has
RETURN CASE WHEN size(had) = 0 THEN null ELSE {candidates: size(had)} END AS before, {candidates: size(has)} AS after, src.id AS target,
  [src.id] + [id IN has WHERE NOT id IN had] AS involves
