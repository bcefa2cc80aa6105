// Records an agreement with its parties ($parties: country or organization codes), signatories and mediators, on the authority of $source. No row when a named party, person or mediator is unknown.
WITH $parties AS codes
OPTIONAL MATCH (party) WHERE (party:Country OR party:Organization) AND party.code IN codes
WITH codes, collect(DISTINCT party) AS parties
WHERE size(parties) = size(codes)
  AND all(s IN $signatories WHERE EXISTS { MATCH (:Person {id: s.person}) })
  AND all(m IN $mediators WHERE EXISTS { MATCH (x) WHERE (x:Country OR x:Organization) AND x.code = m.actor } OR EXISTS { MATCH (:Person {id: m.actor}) })
OPTIONAL MATCH (old:Agreement {id: $id})
WITH parties, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a:Agreement {id: $id})
SET a.title = $title, a.kind = $kind, a.status = $status, a.summary = $summary, a.topics = $topics,
    a.date = CASE WHEN $date IS NULL THEN a.date ELSE date($date) END,
    a.precision = CASE WHEN $date IS NULL THEN a.precision ELSE $precision END,
    a.place = coalesce($place, a.place),
    a.sources = CASE WHEN $source.id IN coalesce(a.sources, []) THEN a.sources ELSE coalesce(a.sources, []) + $source.id END
WITH before, a, parties
CALL (a, parties) {
  UNWIND parties AS party
  MERGE (party)-[r:PARTY_TO]->(a) ON CREATE SET r.id = 'party-' + party.code + '-' + a.id
  SET r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
}
CALL (a) {
  UNWIND $signatories AS s
  MATCH (p:Person {id: s.person})
  MERGE (p)-[r:SIGNED]->(a) ON CREATE SET r.id = 'signed-' + p.id + '-' + a.id
  SET r.onBehalfOf = coalesce(s.onBehalfOf, r.onBehalfOf), r.role = coalesce(s.role, r.role),
      r.validFrom = CASE WHEN s.date IS NULL THEN r.validFrom ELSE date(s.date) END,
      r.precision = CASE WHEN s.date IS NULL THEN r.precision ELSE 'DAY' END,
      r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
}
CALL (a) {
  UNWIND $mediators AS m
  MATCH (x) WHERE ((x:Country OR x:Organization) AND x.code = m.actor) OR (x:Person AND x.id = m.actor)
  MERGE (x)-[r:MEDIATES]->(a) ON CREATE SET r.id = 'mediates-' + m.actor + '-' + a.id
  SET r.role = coalesce(m.role, r.role),
      r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
}
RETURN before, properties(a) AS after, a.id AS target,
  [a.id] + [p IN parties | p.code] + [s IN $signatories | s.person] + [m IN $mediators | m.actor] AS involves
