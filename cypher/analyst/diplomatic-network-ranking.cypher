// Which states have the most embassies, high commissions and nunciatures abroad (and how many states those are accredited to), as the missions data set lists them?
// params: {"top": 10}
MATCH (c:Country)-[s:SENDS]->(m:Mission)
WHERE s.unlistedSince IS NULL AND m.type IN ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE']
WITH c, count(m) AS embassies,
  COUNT { MATCH (c)-[s2:SENDS]->(e:Mission)-[:ACCREDITED_TO]->(t:Country) WHERE s2.unlistedSince IS NULL AND t <> c AND e.type IN ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE'] RETURN DISTINCT t } AS accreditedStates
RETURN c.code AS code, c.name AS state, embassies, accreditedStates
ORDER BY embassies DESC, state
LIMIT toInteger($top)
