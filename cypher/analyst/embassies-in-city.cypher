// What happened to embassies in the city named $city (full-text name search, so "Al-Quds" works too), event by event, oldest first?
// params: {"city": "Jerusalem"}
CALL db.index.fulltext.queryNodes('name_search', $city) YIELD node AS city
WITH city WHERE city:City
WITH city LIMIT 1
MATCH (state:Country)-[e:OPENS_EMBASSY_IN]->(city)
RETURN e.validFrom AS date, e.precision AS precision, state.name AS state, e.status AS status, e.note AS note
ORDER BY date, state
