// Who held which office of which state on $date? Where the sources give no start, count from the first date a source reports the person in office; no end means still in office.
// params: {"date": "2020-09-04"}
WITH date($date) AS day
MATCH (p:Person)-[o:HOLDS_OFFICE]->(c:Country)
WHERE coalesce(o.validFrom, head(o.attestedOn)) <= day AND (o.validTo IS NULL OR o.validTo > day)
RETURN c.name AS state, o.role AS office, p.name AS person, o.attestedOn AS attestedOn
ORDER BY state, office
