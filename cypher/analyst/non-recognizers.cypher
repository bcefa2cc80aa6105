// Which states did not recognize $of on $asOf (null: today): on record refusing, or recognizing only later? States with no evidence are left out.
// params: {"of": "XK", "asOf": null}
WITH coalesce(date($asOf), date()) AS day
MATCH (target:Country {code: $of})
MATCH (c:Country)
WHERE c <> target
  AND NOT EXISTS {
    MATCH (c)-[r:RECOGNIZES]->(target)
    WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)
  }
  AND (EXISTS { (c)-[:DOES_NOT_RECOGNIZE]->(target) } OR EXISTS { (c)-[:RECOGNIZES]->(target) })
RETURN c.code AS code, c.name AS name, c.region AS region
ORDER BY name
