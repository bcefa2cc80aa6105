// Which sources does the graph cite, newest first (a page of them)?
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.date IS NULL, s.date DESC, s.publisher, s.id
SKIP $skip LIMIT $limit
