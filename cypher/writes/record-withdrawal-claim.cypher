// Records a claim that $country withdrew its recognition of $recognized (made by $claimedBy, on $since), on the authority of $source; the recognition itself stays. No row when a state is unknown.
MATCH (a:Country {code: $country}), (b:Country {code: $recognized})
OPTIONAL MATCH (a)-[old:WITHDRAWAL_CLAIMED]->(b)
WITH a, b, old LIMIT 1
WITH a, b, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:WITHDRAWAL_CLAIMED {id: id}]->(b)
SET r.claimedBy = coalesce($claimedBy, r.claimedBy),
    r.validFrom = CASE WHEN $since IS NULL THEN r.validFrom ELSE date($since) END,
    r.precision = CASE WHEN $since IS NULL THEN r.precision ELSE $precision END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
