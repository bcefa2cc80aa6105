// By which names and codes can a data set's rows name the states and organizations in the graph?
RETURN
  COLLECT { MATCH (c:Country) RETURN c {.code, .name, nameKeys: coalesce(c.nameKeys, [])} AS item ORDER BY c.code } AS countries,
  COLLECT { MATCH (o:Organization) RETURN o {.code, .name, nameKeys: coalesce(o.nameKeys, [])} AS item ORDER BY o.code } AS organizations
