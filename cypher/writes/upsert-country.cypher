// Records a country (name, aliases, region) on the authority of $source; returns its properties before and after.
OPTIONAL MATCH (old:Country {code: $code})
WITH CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (c:Country {code: $code})
SET c.name = $name,
    c.aliases = $aliases,
    c.nameKeys = $nameKeys,
    c.region = coalesce($region, c.region),
    c.sources = CASE WHEN $source.id IN coalesce(c.sources, []) THEN c.sources ELSE coalesce(c.sources, []) + $source.id END
RETURN before, properties(c) AS after, c.code AS target, [c.code] AS involves
