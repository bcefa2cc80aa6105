// Where does the world stand on each contested state on $asOf (null: today): how many states recognize it, how many do not (of which withdrawn: switched, frozen, suspended), how many recognitions rest on inferred evidence? States with no row either way are not counted.
// params: {"asOf": "2026-01-01"}
WITH coalesce(date($asOf), date()) AS day
MATCH (target:Country)
WHERE target.statehood = 'PARTIALLY_RECOGNIZED' OR EXISTS { (:Country)-[:DOES_NOT_RECOGNIZE]->(target) }
RETURN target.code AS code, target.name AS state,
  COUNT { MATCH (c:Country)-[r:RECOGNIZES]->(target) WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day) } AS recognizing,
  COUNT { MATCH (c:Country)-[r:RECOGNIZES]->(target) WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day) AND r.inferred } AS ofWhichInferred,
  COUNT { MATCH (c:Country)-[:DOES_NOT_RECOGNIZE]->(target) WHERE NOT EXISTS { MATCH (c)-[r:RECOGNIZES]->(target) WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day) } } AS onRecordRefusing,
  COUNT { MATCH (c:Country)-[r:RECOGNIZES]->(target) WHERE r.validTo <= day AND NOT EXISTS { MATCH (c)-[q:RECOGNIZES]->(target) WHERE (q.validFrom IS NULL OR q.validFrom <= day) AND (q.validTo IS NULL OR q.validTo > day) } } AS withdrawn
ORDER BY state
