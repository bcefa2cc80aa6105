// Records that $country backs $supported (on $position, where given), as a source reports on $attestedOn, on the authority of $source. No row when either state is unknown.
MATCH (a:Country {code: $country}), (b:Country {code: $supported})
OPTIONAL MATCH (a)-[old:SUPPORTS]->(b) WHERE $position IS NULL OR old.position IS NULL OR old.position = $position
WITH a, b, old LIMIT 1
WITH a, b, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:SUPPORTS {id: id}]->(b)
SET r.position = coalesce($position, r.position),
    r.attestedOn = CASE WHEN date($attestedOn) IN coalesce(r.attestedOn, []) THEN r.attestedOn ELSE coalesce(r.attestedOn, []) + date($attestedOn) END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
