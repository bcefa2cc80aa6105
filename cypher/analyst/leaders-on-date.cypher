// Who headed each state, as head of state and as head of government, on $date (the leaders data set's terms: a known start on or before it, no end or a later one), and is the end the sources' word or inferred from the successor's start?
// params: {"date": "2021-07-01"}
WITH date($date) AS day
MATCH (p:Person)-[o:HOLDS_OFFICE]->(c:Country)
WHERE o.role IN ['head of state', 'head of government'] AND o.validFrom <= day AND (o.validTo IS NULL OR o.validTo > day)
RETURN c.code AS code, c.name AS state, o.role AS role, p.name AS person, p.wikidata AS wikidata,
       toString(o.validFrom) AS since, toString(o.validTo) AS until, coalesce(o.untilInferred, false) AS untilInferred
ORDER BY state, role, person
