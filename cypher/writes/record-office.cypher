// Records that $person holds the office $role of $country from $since (until $until when it ended), on the authority of $source.
MATCH (p:Person {id: $person}), (c:Country {code: $country})
// The same office on file under another id (an earlier input's) is the same fact.
OPTIONAL MATCH (p)-[old:HOLDS_OFFICE]->(c) WHERE old.id = $id OR toLower(old.role) = toLower($role)
WITH p, c, old LIMIT 1
WITH p, c, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (p)-[o:HOLDS_OFFICE {id: id}]->(c)
SET o.role = $role,
    o.validFrom = CASE WHEN $since IS NULL THEN o.validFrom ELSE date($since) END,
    o.precision = CASE WHEN $since IS NULL THEN o.precision ELSE $precision END,
    o.validTo = CASE WHEN $until IS NULL THEN o.validTo ELSE date($until) END,
    o.note = coalesce($note, o.note),
    o.sources = CASE WHEN $source.id IN coalesce(o.sources, []) THEN o.sources ELSE coalesce(o.sources, []) + $source.id END
RETURN before, properties(o) AS after, o.id AS target, [p.id, c.code, o.id] AS involves
