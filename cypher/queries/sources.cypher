// Which sources does the graph cite, newest first (a page of them)? Articles whose candidates are all unreviewed or rejected belong to the editorial workspace: listed only when $workspace.
MATCH (s:Source)
WHERE $workspace
   OR NOT EXISTS { (:Candidate)-[:PROPOSED_BY]->(s) }
   OR EXISTS { (:Candidate {status: 'ACCEPTED'})-[:PROPOSED_BY]->(s) }
RETURN s {.*} AS source
ORDER BY s.date IS NULL, s.date DESC, s.publisher, s.id
SKIP $skip LIMIT $limit
