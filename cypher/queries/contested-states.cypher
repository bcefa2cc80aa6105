// Which states are contested (limited recognition, or on record as not recognized by some state), and how many states recognize each on a date, do not, claim a withdrawal, or are unknown (withdrawn and inferred counted apart)? The standing rule of recognition-statuses.
WITH coalesce(date($asOf), date()) AS day
MATCH (target:Country)
WHERE target.statehood = 'PARTIALLY_RECOGNIZED' OR EXISTS { (:Country)-[:DOES_NOT_RECOGNIZE]->(target) }
CALL (day, target) {
  MATCH (c:Country)
  WHERE c <> target
  WITH c,
    COLLECT { MATCH (c)-[r:RECOGNIZES]->(target) RETURN r ORDER BY r.validFrom } AS recognitions,
    COLLECT { MATCH (c)-[n:DOES_NOT_RECOGNIZE]->(target) RETURN n } AS refusals,
    COUNT { MATCH (c)-[w:WITHDRAWAL_CLAIMED]->(target) WHERE w.validFrom IS NULL OR w.validFrom <= day } AS claims
  WITH recognitions, refusals, claims,
    [r IN recognitions WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)] AS holding,
    [r IN recognitions WHERE r.validTo IS NOT NULL AND r.validTo <= day] AS ended
  WITH holding, ended,
    CASE
      WHEN size(holding) > 0 AND claims > 0 THEN 'WITHDRAWAL_CLAIMED'
      WHEN size(holding) > 0 THEN 'RECOGNIZES'
      WHEN size(refusals) > 0 OR size(recognitions) > 0 THEN 'DOES_NOT_RECOGNIZE'
      ELSE 'UNKNOWN'
    END AS status,
    CASE WHEN size(holding) > 0 OR size(refusals) > 0 OR size(recognitions) > 0 THEN coalesce(holding[0], ended[-1], refusals[0], recognitions[0]) END AS basis
  WITH collect({status: status, withdrawn: size(holding) = 0 AND size(ended) > 0, inferred: coalesce(basis.inferred, false)}) AS all
  RETURN {
    recognizes: size([x IN all WHERE x.status = 'RECOGNIZES']),
    doesNotRecognize: size([x IN all WHERE x.status = 'DOES_NOT_RECOGNIZE']),
    withdrawalClaimed: size([x IN all WHERE x.status = 'WITHDRAWAL_CLAIMED']),
    unknown: size([x IN all WHERE x.status = 'UNKNOWN']),
    withdrawn: size([x IN all WHERE x.withdrawn]),
    inferred: size([x IN all WHERE x.inferred])
  } AS counts
}
RETURN target {.code, .name, .aliases, .statehood} AS country, counts
ORDER BY target.name
