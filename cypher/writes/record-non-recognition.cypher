// Records that $country refuses to recognize $recognized, as a source reports on $attestedOn, on the authority of $source. No row when either state is unknown.
MATCH (a:Country {code: $country}), (b:Country {code: $recognized})
OPTIONAL MATCH (a)-[old:DOES_NOT_RECOGNIZE]->(b)
WITH a, b, old LIMIT 1
WITH a, b, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:DOES_NOT_RECOGNIZE {id: id}]->(b)
SET r.attestedOn = CASE WHEN date($attestedOn) IN coalesce(r.attestedOn, []) THEN r.attestedOn ELSE coalesce(r.attestedOn, []) + date($attestedOn) END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
