// Which agreements are recorded (all, by id, with a given party, or between all of the given states), with the lists $parts names (parties, signatories, mediators, sources; 'evidence': the sources of signatures and mediation; 'aliases': of the actors)?
CALL () {
  // by id, or from the first named party, through the indexes; every agreement only when nothing narrows
  MATCH (a:Agreement) WHERE a.id IN $ids RETURN a
  UNION ALL
  WITH coalesce($party, $between[0]) AS anchor WHERE $ids IS NULL AND anchor IS NOT NULL
  MATCH (:Country {code: anchor})-[:PARTY_TO]->(a:Agreement) RETURN a
  UNION ALL
  WITH 1 AS every WHERE $ids IS NULL AND $party IS NULL AND $between IS NULL
  MATCH (a:Agreement) RETURN a
}
WITH a
WHERE ($party IS NULL OR EXISTS { (:Country {code: $party})-[:PARTY_TO]->(a) })
  AND ($between IS NULL OR all(code IN $between WHERE EXISTS { (:Country {code: code})-[:PARTY_TO]->(a) }))
WITH DISTINCT a ORDER BY a.date IS NULL, a.date DESC, a.title SKIP $skip LIMIT $limit
RETURN a {
  .id, .title, date: toString(a.date), datePrecision: a.precision, .kind, .status, .place, .summary, .topics,
  sources: CASE WHEN 'sources' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN a.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END,
  parties: CASE WHEN 'parties' IN $parts THEN COLLECT {
    MATCH (p)-[:PARTY_TO]->(a)
    RETURN p {.name, id: coalesce(p.code, p.id), .code, aliases: CASE WHEN 'aliases' IN $parts THEN p.aliases END, label: head(labels(p))} AS item ORDER BY p.name
  } ELSE [] END,
  signatories: CASE WHEN 'signatories' IN $parts THEN COLLECT {
    MATCH (p:Person)-[r:SIGNED]->(a)
    RETURN r {
      .role, date: toString(r.validFrom),
      person: p {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN p.aliases END},
      onBehalfOf: COLLECT { MATCH (c:Country {code: r.onBehalfOf}) RETURN c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END} }[0],
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY p.name
  } ELSE [] END,
  mediators: CASE WHEN 'mediators' IN $parts THEN COLLECT {
    MATCH (m)-[r:MEDIATES]->(a)
    RETURN r {
      .role,
      actor: m {.name, id: coalesce(m.code, m.id), .code, aliases: CASE WHEN 'aliases' IN $parts THEN m.aliases END, label: head(labels(m))},
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY head(labels(m)), m.name
  } ELSE [] END
} AS agreement
