// Which audit entries follow number $after in the change feed, oldest first ($limit of them), each with what it involves and the source it cites?
MATCH (c:Change) WHERE c.seq > $after
WITH c ORDER BY c.seq LIMIT $limit
RETURN c {
  .id, .seq, at: toString(c.at), .actor, .mutation, .target, .before, .after, source: c.source,
  involves: coalesce(c.involves, [])
} AS change
