// What does the graph already hold between the states and people an article pairs ($pairs: subject, object), and which agreements have exactly the parties $partySets? (flags new candidates)
CALL () {
  UNWIND $pairs AS pair
  CALL (pair) {
    MATCH (a:Country {code: pair.subject})-[r]-(b:Country {code: pair.object})
    WHERE type(r) IN ['RECOGNIZES', 'DOES_NOT_RECOGNIZE', 'WITHDRAWAL_CLAIMED', 'HAS_DIPLOMATIC_RELATIONS_WITH', 'SUPPORTS']
    RETURN r, startNode(r) = a AS forward, null AS city
    UNION
    MATCH (:Person {id: pair.subject})-[r:HOLDS_OFFICE]->(:Country {code: pair.object})
    RETURN r, true AS forward, null AS city
    UNION
    MATCH (:Country {code: pair.subject})-[r:OPENS_EMBASSY_IN]->(c:City)
    WHERE r.host = pair.object
    RETURN r, true AS forward, c.id AS city
  }
  RETURN collect({subject: pair.subject, object: pair.object, type: type(r), forward: forward, id: r.id, validFrom: r.validFrom, validTo: r.validTo,
                  status: r.status, role: r.role, city: city}) AS facts
}
CALL () {
  UNWIND $partySets AS parties
  MATCH (a:Agreement)
  WHERE all(p IN parties WHERE EXISTS { MATCH (:Country {code: p})-[:PARTY_TO]->(a) })
    AND COUNT { MATCH ()-[:PARTY_TO]->(a) } = size(parties)
  RETURN collect({parties: parties, agreement: a {.id, .title, .kind, .status, .date, .precision, .summary, .place, .topics}}) AS agreements
}
RETURN facts, agreements
