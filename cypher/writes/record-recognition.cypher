// Records that $country recognizes $recognized from $since (or, with $until, that the recognition ended), on the authority of $source. No row when either state is unknown.
// A recognition dated after the end of the one on file ($id) is a renewal: a fact of its own ($id-$since), the ended one kept in history;
// an end ($until) ends the standing one (the latest renewal).
MATCH (a:Country {code: $country}), (b:Country {code: $recognized})
OPTIONAL MATCH (a)-[first:RECOGNIZES {id: $id}]->(b)
WITH a, b, first, COLLECT { MATCH (a)-[h:RECOGNIZES]->(b) WHERE h.validTo IS NULL AND (h.id = $id OR h.id STARTS WITH $id + '-') RETURN h.id ORDER BY h.validFrom DESC } AS standing
WITH a, b, CASE
  WHEN $until IS NOT NULL THEN coalesce(standing[0], $id)
  WHEN first.validTo IS NOT NULL AND $since IS NOT NULL AND date($since) > first.validTo THEN $id + '-' + $since
  ELSE $id
END AS id
OPTIONAL MATCH (a)-[old:RECOGNIZES {id: id}]->(b)
WITH a, b, id, old, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
WHERE old IS NOT NULL OR $until IS NULL
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[r:RECOGNIZES {id: id}]->(b)
SET r.validFrom = CASE WHEN $since IS NULL THEN r.validFrom ELSE date($since) END,
    r.precision = CASE WHEN $since IS NULL THEN r.precision ELSE $precision END,
    r.validTo = CASE WHEN $until IS NULL THEN r.validTo ELSE date($until) END,
    r.note = coalesce($note, r.note),
    r.sources = CASE WHEN $source.id IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + $source.id END
RETURN before, properties(r) AS after, r.id AS target, [a.code, b.code, r.id] AS involves
