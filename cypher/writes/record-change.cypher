// Appends one entry to the audit trail: who changed what, when, from what to what, on which source. Entries are numbered by the log's counter (seq), which the write holds until it commits: seq order is commit order, for the change feed and the graph version.
MERGE (log:ChangeLog {id: 'audit'})
SET log.seq = coalesce(log.seq, 0) + 1
CREATE (c:Change {
  id: randomUUID(), seq: log.seq, at: datetime(), actor: $actor, mutation: $mutation,
  target: $target, involves: $involves, before: $before, after: $after, source: $sourceId
})
RETURN c.id AS id, c.seq AS seq
