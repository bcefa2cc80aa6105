// Which states started or stopped recognizing $of between $from and $to (recognizing on one of the two days and not on the other), on which day, with the recognition and its sources?
WITH date($from) AS before, date($to) AS after
MATCH (target:Country {code: $of})
MATCH (c:Country)-[r:RECOGNIZES]->(target)
WITH before, after, target, c, collect(r) AS facts
WITH target, c,
  [r IN facts WHERE (r.validFrom IS NULL OR r.validFrom <= before) AND (r.validTo IS NULL OR r.validTo > before)] AS then,
  [r IN facts WHERE (r.validFrom IS NULL OR r.validFrom <= after) AND (r.validTo IS NULL OR r.validTo > after)] AS now
WHERE (size(then) = 0) <> (size(now) = 0)
WITH target, c, CASE WHEN size(now) > 0 THEN 'STARTED' ELSE 'STOPPED' END AS change, coalesce(now[0], then[0]) AS r
WITH target, c, change, r,
  CASE change WHEN 'STARTED' THEN r.validFrom ELSE r.validTo END AS day,
  CASE change WHEN 'STARTED' THEN r.precision ELSE r.untilPrecision END AS precision
ORDER BY day, c.name
SKIP $skip LIMIT $limit
RETURN {
  change: change, date: toString(day), datePrecision: precision,
  country: c {.code, .name, .aliases},
  recognition: r {
    .id, .note, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), untilPrecision: r.untilPrecision,
    untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
    country: c {.code, .name, .aliases}, recognized: target {.code, .name, .aliases},
    sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }
  }
} AS item
