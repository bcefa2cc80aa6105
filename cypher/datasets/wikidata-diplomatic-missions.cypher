// Which missions, senders, cities and accreditations does a batch of wikidata-diplomatic-missions rows name? Finds or makes each Mission (by its item id), its SENDS from the sending state or organization, its LOCATED_IN its city (in the host state) or else the host state, and an ACCREDITED_TO per state of its jurisdiction; the pipeline then writes what the rows say.
UNWIND $rows AS row
MERGE (m:Mission {id: row.id})
WITH m, row
OPTIONAL MATCH (state:Country {code: row.sender}) WHERE row.senderKind = 'Country'
OPTIONAL MATCH (organization:Organization {code: row.sender}) WHERE row.senderKind = 'Organization'
WITH m, row, coalesce(state, organization) AS sender
MERGE (sender)-[sends:SENDS {id: 'sends-' + row.id}]->(m)
WITH m, row, sends
MATCH (host:Country {code: row.host})
CALL (m, row, host) {
  WITH m, row, host WHERE row.city IS NULL
  MERGE (m)-[located:LOCATED_IN {id: 'located-in-' + row.id}]->(host)
  RETURN [{ref: located.id, element: elementId(located)}] AS place
  UNION
  WITH m, row, host WHERE row.city IS NOT NULL
  MERGE (city:City {id: row.city.id})
  MERGE (m)-[located:LOCATED_IN {id: 'located-in-' + row.id}]->(city)
  WITH located, city, row, host
  CALL (city, row, host) {
    WITH city, row, host WHERE row.city.locatedId IS NOT NULL
    MERGE (city)-[inHost:LOCATED_IN {id: row.city.locatedId}]->(host)
    RETURN [{ref: 'City:' + city.id, element: elementId(city)}, {ref: inHost.id, element: elementId(inHost)}] AS cityFacts
    UNION
    WITH city, row, host WHERE row.city.locatedId IS NULL
    RETURN [] AS cityFacts
  }
  RETURN [{ref: located.id, element: elementId(located)}] + cityFacts AS place
}
CALL (m, row) {
  UNWIND row.jurisdictions AS jurisdiction
  MATCH (state:Country {code: jurisdiction.code})
  MERGE (m)-[accredited:ACCREDITED_TO {id: jurisdiction.id}]->(state)
  RETURN collect({ref: accredited.id, element: elementId(accredited)}) AS accreditations
}
UNWIND [{ref: 'Mission:' + m.id, element: elementId(m)}, {ref: sends.id, element: elementId(sends)}] + place + accreditations AS found
RETURN found.ref AS ref, found.element AS element
