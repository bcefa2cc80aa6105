// Which recognitions have these $ids (those the change feed reports), each with both states, its withdrawal claim and its sources, as they stand now?
UNWIND $ids AS id
MATCH (c:Country)-[r:RECOGNIZES {id: id}]->(target:Country)
RETURN r {
  .id, .note, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), untilPrecision: r.untilPrecision, untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
  country: c {.code, .name, .aliases}, recognized: target {.code, .name, .aliases},
  withdrawalClaim: COLLECT {
    MATCH (c)-[w:WITHDRAWAL_CLAIMED]->(target)
    RETURN w {.id, .note, claimedBy: COLLECT { MATCH (k:Country {code: w.claimedBy}) RETURN k {.code, .name, .aliases} }[0], since: toString(w.validFrom), sincePrecision: w.precision, sources: COLLECT { MATCH (s:Source) WHERE s.id IN w.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }}
  }[0],
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }
} AS recognition
