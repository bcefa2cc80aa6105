// Which embassy events (pledged, opened, moved back...) are recorded, optionally only in a city (by name key) or by a sending state, with their sources? $parts: 'evidence', 'aliases', 'notes' — what the client selects.
CALL () {
  // from the city, or else from the sending state, so the work grows with the answer, not the graph
  MATCH (city:City) WHERE $cityKey IN city.nameKeys
  CALL (city) { MATCH (c:Country)-[e:OPENS_EMBASSY_IN]->(city) RETURN c, e }
  RETURN c, e, city
  UNION ALL
  WITH 1 AS x WHERE $cityKey IS NULL
  MATCH (c:Country) WHERE $country IS NULL OR c.code = $country
  CALL (c) { MATCH (c)-[e:OPENS_EMBASSY_IN]->(city:City) RETURN e, city }
  RETURN c, e, city
}
WITH c, e, city
WHERE $country IS NULL OR c.code = $country
RETURN e {
  .id, .status, note: CASE WHEN 'notes' IN $parts THEN e.note END, date: toString(e.validFrom), datePrecision: e.precision,
  country: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END}, city: city {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN city.aliases END},
  host: COLLECT { MATCH (h:Country {code: e.host}) RETURN h {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN h.aliases END} }[0],
  sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN e.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
} AS event
ORDER BY c.name, city.name, e.validFrom
