// Which sources does the graph cite, newest first?
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.date DESC, s.publisher
