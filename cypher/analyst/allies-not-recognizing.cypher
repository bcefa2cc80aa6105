// Which allies of $ally (states backing it, or backed by it) are on record as not recognizing $of?
// params: {"ally": "RS", "of": "XK"}
MATCH (ally:Country {code: $ally})-[s:SUPPORTS]-(friend:Country)
MATCH (friend)-[n:DOES_NOT_RECOGNIZE]->(:Country {code: $of})
RETURN DISTINCT friend.code AS code, friend.name AS name, s.position AS position,
       COLLECT { MATCH (src:Source) WHERE src.id IN n.sources RETURN src.publisher } AS sources
ORDER BY name
