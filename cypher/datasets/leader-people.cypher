// Which people does the graph hold, by id, name keys and Wikidata item, so that a leaders import adds terms to a person it already knows instead of making a second one?
MATCH (p:Person)
RETURN p.id AS id, coalesce(p.nameKeys, []) AS nameKeys, p.wikidata AS wikidata, 'name' IN coalesce(p.datasetProps, []) AS made
ORDER BY id
