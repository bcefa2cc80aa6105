// Seeds countries and organizations, keyed by code; re-running leaves the same nodes with the seed's properties.
UNWIND $rows AS row
MERGE (n:$(row.label) {code: row.props.code})
SET n = row.props
RETURN count(n) AS written
