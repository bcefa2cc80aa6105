// Numbers audit entries written before entries had a sequence (oldest first, after the last number given), so the change feed and the graph version cover them.
MATCH (c:Change) WHERE c.seq IS NULL
WITH c ORDER BY c.at, c.id
WITH collect(c) AS unnumbered
WHERE size(unnumbered) > 0
MERGE (log:ChangeLog {id: 'audit'})
WITH log, unnumbered, coalesce(log.seq, 0) AS base
FOREACH (i IN range(0, size(unnumbered) - 1) | SET (unnumbered[i]).seq = base + i + 1)
SET log.seq = base + size(unnumbered)
