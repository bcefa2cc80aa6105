// Seeds facts between nodes, keyed by the fact's id; type and labels come from the loader's allowlist, never from users.
UNWIND $rows AS row
MATCH (a:$(row.fromLabel)) WHERE a[row.fromKey] = row.fromValue
MATCH (b:$(row.toLabel)) WHERE b[row.toKey] = row.toValue
MERGE (a)-[r:$(row.type) {id: row.props.id}]->(b)
SET r = row.props
RETURN count(r) AS written
