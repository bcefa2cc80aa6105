// Which recognition facts does a batch of recognition-table rows name? Finds or makes each cited page as a Source (as the seed loader makes pages), and each fact (RECOGNIZES, DOES_NOT_RECOGNIZE, WITHDRAWAL_CLAIMED; types from the mapping's allowlist) between the two states by its id; the pipeline then writes what the rows say.
UNWIND $rows AS row
CALL (row) {
  UNWIND row.pages AS page
  MERGE (s:Source {id: page.id})
  ON CREATE SET s += page
  RETURN count(s) AS pages
}
MATCH (a:Country {code: row.from})
MATCH (b:Country {code: row.to})
UNWIND row.facts AS fact
MERGE (a)-[r:$(fact.type) {id: fact.id}]->(b)
RETURN fact.id AS ref, elementId(r) AS element
