// Where does each state (or only $country) stand on recognizing $of on a date (recognizes, does not, withdrawal claimed, unknown; withdrawn and inferred said apart), with the evidence, counts, and a page of the states, optionally only in a region or organization?
WITH coalesce(date($asOf), date()) AS day
MATCH (target:Country {code: $of})
MATCH (c:Country)
WHERE c <> target
  AND ($country IS NULL OR c.code = $country)
  AND ($region IS NULL OR c.region = $region OR c.subregion = $region)
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (c)-[m:MEMBER_OF]->(:Organization {code: $memberOf})
        WHERE m.status = 'MEMBER' AND (m.validFrom IS NULL OR m.validFrom <= day) AND (m.validTo IS NULL OR m.validTo > day)
      })
WITH day, target, c,
  COLLECT { MATCH (c)-[r:RECOGNIZES]->(target) RETURN r ORDER BY r.validFrom } AS recognitions,
  COLLECT { MATCH (c)-[n:DOES_NOT_RECOGNIZE]->(target) RETURN n } AS refusals,
  COLLECT { MATCH (c)-[w:WITHDRAWAL_CLAIMED]->(target) WHERE w.validFrom IS NULL OR w.validFrom <= day RETURN w } AS claims
WITH day, target, c, recognitions, refusals, claims,
  [r IN recognitions WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)] AS holding
WITH day, target, c, refusals, claims, holding, recognitions,
  CASE
    WHEN size(holding) > 0 AND size(claims) > 0 THEN 'WITHDRAWAL_CLAIMED'
    WHEN size(holding) > 0 THEN 'RECOGNIZES'
    WHEN size(refusals) > 0 OR size(recognitions) > 0 THEN 'DOES_NOT_RECOGNIZE'
    ELSE 'UNKNOWN'
  END AS status,
  // recognitions withdrawn (switched, frozen, suspended) by the day: validTo on or before it
  [r IN recognitions WHERE r.validTo IS NOT NULL AND r.validTo <= day] AS ended
WITH day, target, c, refusals, claims, holding, recognitions, status,
  size(holding) = 0 AND size(ended) > 0 AS withdrawn,
  // the fact the standing rests on: the recognition holding, else the withdrawn one, else the refusal
  CASE WHEN status = 'UNKNOWN' THEN null ELSE coalesce(holding[0], ended[-1], refusals[0], recognitions[0]) END AS basis
ORDER BY c.name
WITH day, target, collect({c: c, status: status, withdrawn: withdrawn, inferred: coalesce(basis.inferred, false),
  recognition: coalesce(holding[0], recognitions[0]), refusal: refusals[0], claim: claims[0]}) AS all
WITH day, target, all, [x IN all WHERE $status IS NULL OR x.status = $status] AS matching
WITH day, target, size(matching) AS total, matching[$skip..$skip + $limit] AS pageItems,
  {
    recognizes: size([x IN all WHERE x.status = 'RECOGNIZES']),
    doesNotRecognize: size([x IN all WHERE x.status = 'DOES_NOT_RECOGNIZE']),
    withdrawalClaimed: size([x IN all WHERE x.status = 'WITHDRAWAL_CLAIMED']),
    unknown: size([x IN all WHERE x.status = 'UNKNOWN']),
    withdrawn: size([x IN all WHERE x.withdrawn]),
    inferred: size([x IN all WHERE x.inferred])
  } AS counts
CALL (day, target, pageItems) {
  UNWIND pageItems AS x
  WITH day, target, x, x.c AS c, x.recognition AS r, x.refusal AS n, x.claim AS w
  RETURN collect({
    status: x.status, withdrawn: x.withdrawn, inferred: x.inferred,
    country: c {.code, .name, .aliases, .region, .subregion, .isoNumeric},
    organizations: COLLECT {
      MATCH (c)-[m:MEMBER_OF]->(o:Organization)
      WHERE m.status = 'MEMBER' AND (m.validFrom IS NULL OR m.validFrom <= day) AND (m.validTo IS NULL OR m.validTo > day)
      RETURN o.code ORDER BY o.code
    },
    recognition: CASE WHEN r IS NULL THEN null ELSE r {
      .id, .note, since: r.validFrom, sincePrecision: r.precision, until: r.validTo, untilPrecision: r.untilPrecision, untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
      country: c {.code, .name, .aliases}, recognized: target {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } END,
    refusal: CASE WHEN n IS NULL THEN null ELSE n {
      .id, .note, since: n.validFrom, sincePrecision: n.precision, attestedOn: coalesce(n.attestedOn, []), inferred: coalesce(n.inferred, false),
      country: c {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN n.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } END,
    withdrawalClaim: CASE WHEN w IS NULL THEN null ELSE w {
      .id, .note, since: w.validFrom, sincePrecision: w.precision,
      claimedBy: COLLECT { MATCH (k:Country {code: w.claimedBy}) RETURN k {.code, .name, .aliases} }[0],
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN w.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } END
  }) AS items
}
RETURN total, counts, items
