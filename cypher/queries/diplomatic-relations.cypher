// Which states does each of $codes have diplomatic relations with (only $with, if given), since and until when, asserted or inferred from missions (the evidence), with sources? One page ($skip, $limit) per state, with the total.
UNWIND $codes AS code
MATCH (c:Country {code: code})
CALL (c) {
  OPTIONAL MATCH (c)-[r:HAS_DIPLOMATIC_RELATIONS_WITH]-(other:Country)
  WHERE $with IS NULL OR other.code = $with
  WITH r, other ORDER BY other.name
  RETURN collect(r {
    .id, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), note: CASE WHEN 'notes' IN $parts THEN r.note END,
    inferred: coalesce(r.inferred, false),
    evidenceMissions: coalesce(r.evidenceMissions, []),
    country: other {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN other.aliases END},
    sources: CASE WHEN 'evidence' IN $parts THEN COLLECT {
      MATCH (s:Source) WHERE s.id IN r.sources
      RETURN s {.*, date: toString(s.date),
        origins: CASE WHEN s.id = 'dataset-' + r.derivedFrom THEN [id IN coalesce(r.evidenceMissions, []) | 'https://www.wikidata.org/wiki/' + id] ELSE [] END} AS item ORDER BY s.date, s.id
    } ELSE [] END
  }) AS relations
}
RETURN code, size(relations) AS totalCount, relations[$skip..$skip + $limit] AS items
