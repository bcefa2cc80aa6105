// Who recognizes $of on a date (default today), since when, and per which sources? $parts: 'evidence' (sources, withdrawal claims), 'aliases', 'notes' — what the client selects. targetKnown says whether $of is in the graph.
WITH coalesce(date($asOf), date()) AS day
OPTIONAL MATCH (target:Country {code: $of})
RETURN target IS NOT NULL AS targetKnown,
  COLLECT {
    MATCH (c:Country)-[r:RECOGNIZES]->(target)
    WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)
    RETURN r {
      .id, note: CASE WHEN 'notes' IN $parts THEN r.note END, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), untilPrecision: r.untilPrecision, untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
      country: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END}, recognized: target {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN target.aliases END},
      withdrawalClaim: CASE WHEN 'evidence' IN $parts THEN COLLECT {
        MATCH (c)-[w:WITHDRAWAL_CLAIMED]->(target)
        RETURN w {.id, note: CASE WHEN 'notes' IN $parts THEN w.note END, claimedBy: COLLECT { MATCH (k:Country {code: w.claimedBy}) RETURN k {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN k.aliases END} }[0], since: toString(w.validFrom), sincePrecision: w.precision, sources: COLLECT { MATCH (s:Source) WHERE s.id IN w.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }}
      }[0] END,
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY r.validFrom, c.name
  }[$skip..$skip + $limit] AS recognitions
