// Records a person (name and name variants) on the authority of $source; returns their properties before and after.
OPTIONAL MATCH (old:Person {id: $id})
WITH CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (p:Person {id: $id})
SET p.name = $name,
    p.aliases = $aliases,
    p.nameKeys = $nameKeys,
    p.sources = CASE WHEN $source.id IN coalesce(p.sources, []) THEN p.sources ELSE coalesce(p.sources, []) + $source.id END
RETURN before, properties(p) AS after, p.id AS target, [p.id] AS involves
