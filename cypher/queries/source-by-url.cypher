// Which Source is already on file for the address $url? (an article ingested twice, or cited by the seeds, is one Source)
MATCH (s:Source {url: $url})
RETURN s {.*} AS source
ORDER BY s.id
LIMIT 1
