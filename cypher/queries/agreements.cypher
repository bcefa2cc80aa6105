// Which agreements are recorded (all, by id, with a given party, or between all of the given states), with parties, signatories, mediators and sources?
MATCH (a:Agreement)
WHERE ($ids IS NULL OR a.id IN $ids)
  AND ($party IS NULL OR EXISTS { (:Country {code: $party})-[:PARTY_TO]->(a) })
  AND ($between IS NULL OR all(code IN $between WHERE EXISTS { (:Country {code: code})-[:PARTY_TO]->(a) }))
WITH a ORDER BY a.date IS NULL, a.date DESC, a.title SKIP $skip LIMIT $limit
RETURN a {
  .id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics,
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN a.sources RETURN s {.*} AS item ORDER BY s.date, s.id },
  parties: COLLECT {
    MATCH (p)-[:PARTY_TO]->(a)
    RETURN p {.name, id: coalesce(p.code, p.id), .code, .aliases, label: head(labels(p))} AS item ORDER BY p.name
  },
  signatories: COLLECT {
    MATCH (p:Person)-[r:SIGNED]->(a)
    RETURN r {
      .role, date: r.validFrom,
      person: p {.id, .name, .aliases},
      onBehalfOf: COLLECT { MATCH (c:Country {code: r.onBehalfOf}) RETURN c {.code, .name, .aliases} }[0],
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY p.name
  },
  mediators: COLLECT {
    MATCH (m)-[r:MEDIATES]->(a)
    RETURN r {
      .role,
      actor: m {.name, id: coalesce(m.code, m.id), .code, .aliases, label: head(labels(m))},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY head(labels(m)), m.name
  }
} AS agreement
