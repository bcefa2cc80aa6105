// Who is the person known by the name key $nameKey (any variant), or who are the people with ids $ids, with offices, agreements and sources?
CALL () {
  // by id through the unique index; by name through person_name_keys (the key as one quoted, escaped term)
  MATCH (p:Person) WHERE p.id IN $ids RETURN p
  UNION
  WITH '"' + replace(replace($nameKey, '\\', '\\\\'), '"', '\\"') + '"' AS term WHERE $nameKey IS NOT NULL
  CALL db.index.fulltext.queryNodes('person_name_keys', term) YIELD node AS p
  WITH p WHERE $nameKey IN p.nameKeys
  RETURN p
}
WITH p
RETURN p {
  .id, .name, .aliases, .wikidata,
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN p.sources RETURN s {.*} AS item ORDER BY s.date, s.id },
  offices: COLLECT {
    MATCH (p)-[o:HOLDS_OFFICE]->(c:Country)
    RETURN o {
      .role, .note, since: o.validFrom, sincePrecision: o.precision, until: o.validTo, attestedOn: coalesce(o.attestedOn, []),
      untilInferred: coalesce(o.untilInferred, false), origins: coalesce(o.origins, []),
      person: p {.id, .name, .aliases}, country: c {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN o.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY o.validFrom, c.name
  },
  signed: COLLECT {
    MATCH (p)-[:SIGNED]->(a:Agreement)
    RETURN a {.id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics} AS item ORDER BY a.date, a.title
  },
  mediated: COLLECT {
    MATCH (p)-[:MEDIATES]->(a:Agreement)
    RETURN a {.id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics} AS item ORDER BY a.date, a.title
  }
} AS person
ORDER BY p.name
