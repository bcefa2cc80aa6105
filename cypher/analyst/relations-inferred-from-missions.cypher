// With which states does $code have diplomatic relations, asserted by a source or only inferred from missions (and which missions are the evidence)?
// params: {"code": "TW"}
MATCH (:Country {code: $code})-[r:HAS_DIPLOMATIC_RELATIONS_WITH]-(other:Country)
RETURN other.code AS code, other.name AS state, coalesce(r.inferred, false) AS inferred, r.validFrom AS since,
  [id IN coalesce(r.evidenceMissions, []) | 'https://www.wikidata.org/wiki/' + id] AS evidence
ORDER BY state
