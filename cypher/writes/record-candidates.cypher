// Stores the candidate facts ($candidates) proposed by reading the article $source; a candidate already on file (same id) keeps its review state, so re-ingesting adds nothing.
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
WITH src, COUNT { MATCH (:Candidate)-[:PROPOSED_BY]->(src) } AS had
CALL (src) {
  UNWIND $candidates AS row
  MERGE (c:Candidate {id: row.id})
  ON CREATE SET c += row, c.status = 'PENDING', c.createdAt = toString(datetime())
  MERGE (c)-[:PROPOSED_BY]->(src)
}
WITH src, had, COUNT { MATCH (:Candidate)-[:PROPOSED_BY]->(src) } AS has
RETURN CASE WHEN had = 0 THEN null ELSE {candidates: had} END AS before, {candidates: has} AS after, src.id AS target, [src.id] AS involves
