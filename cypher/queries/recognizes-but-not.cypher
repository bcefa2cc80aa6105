// Which states recognize $recognizes but not $butNot on a date (on record refusing $butNot, or recognizing it only later)?
WITH coalesce(date($asOf), date()) AS day
MATCH (x:Country {code: $recognizes}), (y:Country {code: $butNot})
MATCH (c:Country)-[r:RECOGNIZES]->(x)
WHERE c <> y
  AND (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)
  AND NOT EXISTS {
    MATCH (c)-[q:RECOGNIZES]->(y)
    WHERE (q.validFrom IS NULL OR q.validFrom <= day) AND (q.validTo IS NULL OR q.validTo > day)
  }
  AND (EXISTS { (c)-[:DOES_NOT_RECOGNIZE]->(y) } OR EXISTS { (c)-[:RECOGNIZES]->(y) })
RETURN c {.code, .name, .aliases} AS country
ORDER BY c.name
SKIP $skip LIMIT $limit
