// Which candidate facts read from the news wait for review (or were accepted or rejected): by ids, state, article or type, surest first?
MATCH (c:Candidate)-[:PROPOSED_BY]->(s:Source)
WHERE ($ids IS NULL OR c.id IN $ids)
  AND ($status IS NULL OR c.status = $status)
  AND ($source IS NULL OR s.id = $source)
  AND ($type IS NULL OR c.type = $type)
RETURN c {.*, source: s {.*}} AS candidate
ORDER BY c.confidence DESC, s.date DESC, c.evidenceStart, c.id
SKIP $skip LIMIT $limit
