// Records that $country recognizes $recognized from $since (or, with $until, that the recognition ended), on the authority of $source. No row when either state is unknown.
MATCH (a:Country {code: $country}), (b:Country {code: $recognized})
OPTIONAL MATCH (a)-[old:RECOGNIZES {id: $id}]->(b)
WITH a, b, old, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
WHERE old IS NOT NULL OR $until IS NULL
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:RECOGNIZES {id: $id}]->(b)
SET r.validFrom = CASE WHEN $since IS NULL THEN r.validFrom ELSE date($since) END,
    r.precision = CASE WHEN $since IS NULL THEN r.precision ELSE $precision END,
    r.validTo = CASE WHEN $until IS NULL THEN r.validTo ELSE date($until) END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
