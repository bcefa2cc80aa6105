// Which missions, senders, cities and accreditations does a batch of wikidata-diplomatic-missions rows name? Finds or makes each Mission (by its item id), its SENDS from the sending state or organization, its HOSTED_BY the host state, its LOCATED_IN its city (and the city's LOCATED_IN the host state), and an ACCREDITED_TO per state of its jurisdiction; the pipeline then writes what the rows say.
UNWIND $rows AS row
MERGE (m:Mission {id: row.id})
WITH m, row
OPTIONAL MATCH (state:Country {code: row.sender}) WHERE row.senderKind = 'Country'
OPTIONAL MATCH (organization:Organization {code: row.sender}) WHERE row.senderKind = 'Organization'
WITH m, row, coalesce(state, organization) AS sender
MERGE (sender)-[sends:SENDS {id: 'sends-' + row.id}]->(m)
WITH m, row, sends
// no host when Wikidata gave the sender itself (the mapping does not trust that)
OPTIONAL MATCH (host:Country {code: row.host})
CALL (m, row, host) {
  WITH m, host WHERE host IS NOT NULL
  MERGE (m)-[hosted:HOSTED_BY {id: 'hosted-by-' + m.id}]->(host)
  RETURN [{ref: hosted.id, element: elementId(hosted)}] AS hostFacts
  UNION
  WITH host WHERE host IS NULL
  RETURN [] AS hostFacts
}
CALL (m, row, host) {
  WITH row WHERE row.city IS NULL
  RETURN [] AS place
  UNION
  WITH m, row, host WHERE row.city IS NOT NULL
  MERGE (city:City {id: row.city.id})
  MERGE (m)-[located:LOCATED_IN {id: 'located-in-' + row.id}]->(city)
  WITH located, city, row, host
  CALL (city, row, host) {
    WITH city, row, host WHERE row.city.locatedId IS NOT NULL
    MERGE (city)-[inHost:LOCATED_IN {id: row.city.locatedId}]->(host)
    RETURN [{ref: inHost.id, element: elementId(inHost)}] AS inHostFacts
    UNION
    WITH city, row, host WHERE row.city.locatedId IS NULL
    RETURN [] AS inHostFacts
  }
  RETURN [{ref: located.id, element: elementId(located)}]
    + CASE WHEN row.city.node THEN [{ref: 'City:' + city.id, element: elementId(city)}] ELSE [] END
    + inHostFacts AS place
}
CALL (m, row) {
  UNWIND row.jurisdictions AS jurisdiction
  MATCH (state:Country {code: jurisdiction.code})
  MERGE (m)-[accredited:ACCREDITED_TO {id: jurisdiction.id}]->(state)
  RETURN collect({ref: accredited.id, element: elementId(accredited)}) AS accreditations
}
UNWIND [{ref: 'Mission:' + m.id, element: elementId(m)}, {ref: sends.id, element: elementId(sends)}] + hostFacts + place + accreditations AS found
RETURN found.ref AS ref, found.element AS element
