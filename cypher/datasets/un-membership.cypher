// Which UN membership facts does a batch of un-membership rows name? Each state's one MEMBER_OF the United Nations, found by its id (the seed's member-XX-UN) or made; the pipeline then writes what the row says.
UNWIND $rows AS row
MATCH (c:Country {code: row.code})
MATCH (un:Organization {code: 'UN'})
MERGE (c)-[m:MEMBER_OF {id: row.id}]->(un)
RETURN row.id AS ref, elementId(m) AS element
