// Which embassy events (pledged, opened, moved back...) are recorded, optionally only in a city (by name key) or by a sending state, with their sources when $withEvidence?
MATCH (c:Country)-[e:OPENS_EMBASSY_IN]->(city:City)
WHERE ($cityKey IS NULL OR $cityKey IN city.nameKeys)
  AND ($country IS NULL OR c.code = $country)
RETURN e {
  .id, .status, .note, date: e.validFrom, datePrecision: e.precision,
  country: c {.code, .name, .aliases}, city: city {.id, .name, .aliases},
  host: COLLECT { MATCH (h:Country {code: e.host}) RETURN h {.code, .name, .aliases} }[0],
  sources: CASE WHEN $withEvidence THEN COLLECT { MATCH (s:Source) WHERE s.id IN e.sources RETURN s {.*} AS item ORDER BY s.date, s.id } ELSE [] END
} AS event
ORDER BY c.name, city.name, e.validFrom
