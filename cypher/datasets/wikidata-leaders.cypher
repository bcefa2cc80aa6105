// Which people and terms of office does a batch of wikidata-leaders rows name? Finds or makes each Person (by id) and the term, a HOLDS_OFFICE to the state (by the term's id); the pipeline then writes what the rows say.
UNWIND $rows AS row
MERGE (p:Person {id: row.person})
WITH p, row
MATCH (c:Country {code: row.code})
MERGE (p)-[o:HOLDS_OFFICE {id: row.id}]->(c)
WITH p, o
UNWIND [{ref: 'Person:' + p.id, element: elementId(p)}, {ref: o.id, element: elementId(o)}] AS found
RETURN found.ref AS ref, found.element AS element
