// Which facts (relationships) and nodes does the source $source assert?
// params: {"source": "rferl-2021-02-01"}
MATCH (a)-[r]->(b)
WHERE $source IN r.sources
RETURN type(r) AS fact, coalesce(a.name, a.title) AS subject, coalesce(b.name, b.title) AS object, r.validFrom AS date, r.id AS id
ORDER BY fact, subject, object
