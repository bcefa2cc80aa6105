// What changes were made to $of (a country or organization code, a person, agreement or fact id), newest first, by whom and on which source?
MATCH (c:Change) WHERE $of IN c.involves
RETURN c {
  .id, at: toString(c.at), .actor, .mutation, .target, .before, .after,
  source: COLLECT { MATCH (s:Source {id: c.source}) RETURN s {.*} }[0]
} AS change
ORDER BY c.at DESC
SKIP $skip LIMIT $limit
