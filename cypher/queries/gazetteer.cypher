// Which names can an article use for the states, organizations, people and cities in the graph? (the ingest extractor's gazetteer)
RETURN
  COLLECT {
    MATCH (c:Country)
    RETURN c {.code, .name, aliases: coalesce(c.aliases, []), demonyms: coalesce(c.demonyms, []), capitals: coalesce(c.capitals, [])} AS item ORDER BY c.code
  } AS countries,
  COLLECT { MATCH (o:Organization) RETURN o {.code, .name, aliases: coalesce(o.aliases, [])} AS item ORDER BY o.code } AS organizations,
  COLLECT {
    MATCH (p:Person)
    RETURN p {.id, .name, aliases: coalesce(p.aliases, []), countries: COLLECT { MATCH (p)-[:HOLDS_OFFICE]->(c:Country) RETURN DISTINCT c.code AS code ORDER BY code }} AS item ORDER BY p.id
  } AS people,
  COLLECT {
    MATCH (x:City)
    RETURN x {.id, .name, aliases: coalesce(x.aliases, []), country: COLLECT { MATCH (x)-[:LOCATED_IN]->(c:Country) RETURN c.code AS code ORDER BY code }[0]} AS item ORDER BY x.id
  } AS cities
