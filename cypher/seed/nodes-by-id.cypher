// Seeds people, cities, agreements, events and sources, keyed by id; re-running leaves the same nodes.
UNWIND $rows AS row
MERGE (n:$(row.label) {id: row.props.id})
SET n = row.props
RETURN count(n) AS written
