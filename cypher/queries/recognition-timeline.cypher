// How many states recognized $of in each year, and how many in all by the end of it (recognitions with a known date; withdrawals with a known date and withdrawal claims per year beside them)?
MATCH (target:Country {code: $of})
WITH target,
  COLLECT { MATCH (:Country)-[r:RECOGNIZES]->(target) WHERE r.validFrom IS NOT NULL RETURN r.validFrom.year } AS recognized,
  COLLECT { MATCH (:Country)-[w:WITHDRAWAL_CLAIMED]->(target) WHERE w.validFrom IS NOT NULL RETURN w.validFrom.year } AS claimed,
  COLLECT { MATCH (:Country)-[r:RECOGNIZES]->(target) WHERE r.validTo IS NOT NULL AND r.untilUnknown IS NULL RETURN r.validTo.year } AS withdrawn,
  COUNT { MATCH (:Country)-[r:RECOGNIZES]->(target) WHERE r.validFrom IS NULL } AS undated
WITH recognized, claimed, withdrawn, undated, [y IN range(coalesce(reduce(m = null, y IN recognized + claimed + withdrawn | CASE WHEN m IS NULL OR y < m THEN y ELSE m END), 0), coalesce(reduce(m = null, y IN recognized + claimed + withdrawn | CASE WHEN m IS NULL OR y > m THEN y ELSE m END), -1))] AS years
RETURN undated, [y IN years | {
  year: y,
  recognitions: size([x IN recognized WHERE x = y]),
  cumulative: size([x IN recognized WHERE x <= y]),
  withdrawalClaims: size([x IN claimed WHERE x = y]),
  withdrawals: size([x IN withdrawn WHERE x = y])
}] AS years
