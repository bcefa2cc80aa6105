// Records an organization (name and aliases) on the authority of $source; returns its properties before and after.
OPTIONAL MATCH (old:Organization {code: $code})
WITH CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (o:Organization {code: $code})
SET o.name = $name,
    o.aliases = $aliases,
    o.nameKeys = $nameKeys,
    o.sources = CASE WHEN $source.id IN coalesce(o.sources, []) THEN o.sources ELSE coalesce(o.sources, []) + $source.id END
RETURN before, properties(o) AS after, o.code AS target, [o.code] AS involves
