// Records formal diplomatic relations between $a and $b (stored once, undirected) from $since, or their end on $until, on the authority of $source.
MATCH (a:Country {code: $a}), (b:Country {code: $b})
// The pair's fact on file, whatever id an earlier input gave it, so a pair never gets two.
OPTIONAL MATCH (a)-[old:HAS_DIPLOMATIC_RELATIONS_WITH]-(b)
WITH a, b, old LIMIT 1
WITH a, b, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:HAS_DIPLOMATIC_RELATIONS_WITH {id: id}]-(b)
SET r.validFrom = CASE WHEN $since IS NULL THEN r.validFrom ELSE date($since) END,
    r.precision = CASE WHEN $since IS NULL THEN r.precision ELSE $precision END,
    r.validTo = CASE WHEN $until IS NULL THEN r.validTo ELSE date($until) END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
