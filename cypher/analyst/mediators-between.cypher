// Who mediated the agreements between $a and $b, in what role, per which sources?
// params: {"a": "RS", "b": "XK"}
MATCH (:Country {code: $a})-[:PARTY_TO]->(agreement:Agreement)<-[:PARTY_TO]-(:Country {code: $b})
MATCH (mediator)-[m:MEDIATES]->(agreement)
RETURN agreement.title AS agreement, agreement.date AS date, labels(mediator)[0] AS kind, mediator.name AS mediator, m.role AS role,
       COLLECT { MATCH (s:Source) WHERE s.id IN m.sources RETURN s.publisher } AS sources
ORDER BY date IS NULL, date DESC, kind, mediator
