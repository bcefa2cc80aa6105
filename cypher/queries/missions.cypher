// Which diplomatic missions match the filters ($ids, sender, host, accreditedTo, city by name key, type, within $near.meters of a point), one page per scope ($scopes: the codes a nested field asks for, in the role $scopeRole), with the total? $parts: 'accreditations', 'history', 'evidence', 'aliases', 'notes'.
UNWIND CASE WHEN $scopes IS NULL THEN [null] ELSE $scopes END AS scope
WITH scope,
  CASE WHEN $scopeRole = 'sender' THEN scope ELSE $sender END AS sender,
  CASE WHEN $scopeRole = 'host' THEN scope ELSE $host END AS host,
  CASE WHEN $scopeRole = 'accredited' THEN scope ELSE $accreditedTo END AS accreditedTo,
  CASE WHEN $near IS NULL THEN null ELSE point({latitude: $near.latitude, longitude: $near.longitude}) END AS center
CALL (sender, host, accreditedTo, center) {
  // Start where the fewest missions are: the sender's, the host's, the accredited state's, the city's,
  // those near the point; all of them only when nothing narrows the search.
  WITH sender WHERE sender IS NOT NULL
  CALL (sender) {
    MATCH (s:Country {code: sender}) RETURN s
    UNION
    MATCH (s:Organization {code: sender}) RETURN s
  }
  MATCH (s)-[:SENDS]->(m:Mission)
  RETURN m
  UNION
  WITH sender, host WHERE sender IS NULL AND host IS NOT NULL
  MATCH (:Country {code: host})<-[:HOSTED_BY]-(m:Mission)
  RETURN m
  UNION
  // a mission whose host the data set did not trust is in its city's state
  WITH sender, host WHERE sender IS NULL AND host IS NOT NULL
  MATCH (:Country {code: host})<-[:LOCATED_IN]-(:City)<-[:LOCATED_IN]-(m:Mission) WHERE NOT EXISTS { (m)-[:HOSTED_BY]->() }
  RETURN m
  UNION
  WITH sender, host, accreditedTo WHERE sender IS NULL AND host IS NULL AND accreditedTo IS NOT NULL
  MATCH (:Country {code: accreditedTo})<-[:ACCREDITED_TO]-(m:Mission)
  RETURN m
  UNION
  WITH sender, host, accreditedTo WHERE sender IS NULL AND host IS NULL AND accreditedTo IS NULL AND $cityKey IS NOT NULL
  // the key as one quoted, escaped term of the keyword-analysed index, then the exact key
  CALL db.index.fulltext.queryNodes('city_name_keys', '"' + replace(replace($cityKey, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS city
  WITH city WHERE $cityKey IN city.nameKeys
  MATCH (city)<-[:LOCATED_IN]-(m:Mission)
  RETURN m
  UNION
  WITH sender, host, accreditedTo, center WHERE sender IS NULL AND host IS NULL AND accreditedTo IS NULL AND $cityKey IS NULL AND center IS NOT NULL
  MATCH (m:Mission) WHERE point.distance(m.location, center) <= $near.meters
  RETURN m
  UNION
  WITH sender, host, accreditedTo, center WHERE sender IS NULL AND host IS NULL AND accreditedTo IS NULL AND $cityKey IS NULL AND center IS NULL AND $ids IS NOT NULL
  MATCH (m:Mission) WHERE m.id IN $ids
  RETURN m
  UNION
  WITH sender, host, accreditedTo, center WHERE sender IS NULL AND host IS NULL AND accreditedTo IS NULL AND $cityKey IS NULL AND center IS NULL AND $ids IS NULL
  MATCH (m:Mission)
  RETURN m
}
MATCH (s)-[sends:SENDS]->(m)
WHERE ($includeUnlisted OR sends.unlistedSince IS NULL)
  AND ($ids IS NULL OR m.id IN $ids)
  AND ($type IS NULL OR m.type = $type)
  AND (sender IS NULL OR s.code = sender)
  AND (accreditedTo IS NULL OR EXISTS { (m)-[:ACCREDITED_TO]->(:Country {code: accreditedTo}) })
  AND ($cityKey IS NULL OR EXISTS { (m)-[:LOCATED_IN]->(city:City) WHERE $cityKey IN city.nameKeys })
  AND (center IS NULL OR point.distance(m.location, center) <= $near.meters)
OPTIONAL MATCH (m)-[:LOCATED_IN]->(city:City)
// the host: the state the data set places the mission in, else its city's (never the sender itself)
WITH scope, host, center, m, s, sends, city,
  coalesce(
    COLLECT { MATCH (m)-[hosted:HOSTED_BY]->(h:Country) RETURN h ORDER BY hosted.unlistedSince IS NULL DESC LIMIT 1 }[0],
    COLLECT { MATCH (city)-[li:LOCATED_IN]->(h:Country) WHERE h <> s AND li.unlistedSince IS NULL RETURN h ORDER BY h.code LIMIT 1 }[0]
  ) AS h
WHERE host IS NULL OR h.code = host
WITH scope, m, s, sends, city, h, CASE WHEN center IS NULL THEN null ELSE point.distance(m.location, center) END AS distance
ORDER BY distance, s.name, h.name, city.name, m.id
WITH scope, collect({m: m, s: s, sends: sends, city: city, h: h, distance: distance}) AS found
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS row
  WITH row.m AS m, row.s AS s, row.sends AS sends, row.city AS city, row.h AS h, row.distance AS distance
  RETURN collect(m {
    .id, .type, .typeLabel, .address, .website, created: toString(m.created),
    latitude: m.location.latitude, longitude: m.location.longitude,
    distanceKm: distance / 1000.0,
    otherJurisdictions: coalesce(m.otherJurisdictions, []),
    unlistedSince: toString(sends.unlistedSince),
    evidenceOfRelations: m.type IN $relationsEvidence,
    sender: s {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN s.aliases END, label: CASE WHEN s:Organization THEN 'Organization' END},
    host: h {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN h.aliases END},
    city: city {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN city.aliases END},
    accreditedTo: CASE WHEN 'accreditations' IN $parts THEN COLLECT {
      MATCH (m)-[a:ACCREDITED_TO]->(c:Country) WHERE $includeUnlisted OR a.unlistedSince IS NULL
      RETURN c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END} AS item ORDER BY c.name
    } ELSE [] END,
    // the sender's embassy events in the city are this mission's when it is an embassy (not a consulate there)
    history: CASE WHEN 'history' IN $parts AND m.type IN $embassyTypes THEN COLLECT {
      MATCH (s)-[e:OPENS_EMBASSY_IN]->(city)
      RETURN e {
        .id, .status, note: CASE WHEN 'notes' IN $parts THEN e.note END, date: toString(e.validFrom), datePrecision: e.precision,
        country: s {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN s.aliases END},
        city: city {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN city.aliases END},
        host: COLLECT { MATCH (eh:Country {code: e.host}) RETURN eh {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN eh.aliases END} }[0],
        sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (src:Source) WHERE src.id IN e.sources RETURN src {.*, date: toString(src.date)} AS item ORDER BY src.date, src.id } ELSE [] END
      } AS item ORDER BY e.validFrom, e.id
    } ELSE [] END,
    sources: CASE WHEN 'evidence' IN $parts THEN COLLECT {
      MATCH (src:Source) WHERE src.id IN m.sources
      RETURN src {.*, date: toString(src.date), origins: CASE WHEN src.id = 'dataset-' + m.dataset THEN m.origins ELSE [] END} AS item ORDER BY src.date, src.id
    } ELSE [] END
  }) AS items
}
RETURN scope, size(found) AS totalCount, items
