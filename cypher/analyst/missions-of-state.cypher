// Where does the state $code have missions abroad (type, city, host state, the states each is accredited to), with each mission's Wikidata item?
// params: {"code": "XK"}
MATCH (:Country {code: $code})-[s:SENDS]->(m:Mission)
WHERE s.unlistedSince IS NULL
OPTIONAL MATCH (m)-[:LOCATED_IN]->(city:City)
OPTIONAL MATCH (m)-[:HOSTED_BY]->(host:Country)
RETURN m.type AS type, city.name AS city, host.name AS host,
  COLLECT { MATCH (m)-[:ACCREDITED_TO]->(c:Country) RETURN c.code ORDER BY c.code } AS accreditedTo,
  m.origins[0] AS wikidata
ORDER BY host, city, type
