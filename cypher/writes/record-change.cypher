// Appends one entry to the audit trail: who changed what, when, from what to what, on which source.
CREATE (c:Change {
  id: randomUUID(), at: datetime(), actor: $actor, mutation: $mutation,
  target: $target, involves: $involves, before: $before, after: $after, source: $sourceId
})
RETURN c.id AS id
