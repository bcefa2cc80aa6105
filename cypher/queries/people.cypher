// Who is the person known by the name key $nameKey (any variant), or who are the people with ids $ids, with offices, agreements and sources?
MATCH (p:Person)
WHERE ($nameKey IS NOT NULL AND $nameKey IN p.nameKeys) OR ($ids IS NOT NULL AND p.id IN $ids)
RETURN p {
  .id, .name, .aliases,
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN p.sources RETURN s {.*} },
  offices: [(p)-[o:HOLDS_OFFICE]->(c:Country) | o {
    .role, .note, since: o.validFrom, sincePrecision: o.precision, until: o.validTo, attestedOn: coalesce(o.attestedOn, []),
    person: p {.id, .name, .aliases}, country: c {.code, .name, .aliases},
    sources: COLLECT { MATCH (s:Source) WHERE s.id IN o.sources RETURN s {.*} }
  }],
  signed: [(p)-[:SIGNED]->(a:Agreement) | a {.id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics}],
  mediated: [(p)-[:MEDIATES]->(a:Agreement) | a {.id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics}]
} AS person
ORDER BY p.name
