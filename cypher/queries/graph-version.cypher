// What is the graph's version: the number of the last audit entry (every mutation and every import that changed something writes one); 0 before any.
OPTIONAL MATCH (log:ChangeLog {id: 'audit'})
RETURN coalesce(log.seq, 0) AS version
