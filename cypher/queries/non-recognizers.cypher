// Which states do not recognize $of on a date (on record refusing, or recognizing only later), optionally in a region or organization, a page of them by name? (The DOES_NOT_RECOGNIZE rule of recognition-statuses, without the evidence; aliases when $parts has 'aliases'.)
WITH coalesce(date($asOf), date()) AS day
MATCH (target:Country {code: $of})
// every state on record about $of (refusing, or recognizing at some time), once, unless it recognizes $of on the day
CALL (target, day) {
  MATCH (c:Country)-[r:DOES_NOT_RECOGNIZE|RECOGNIZES]->(target)
  WITH c, collect(r) AS facts
  WHERE c <> target
    AND none(r IN facts WHERE type(r) = 'RECOGNIZES' AND (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day))
  RETURN c
}
WITH day, c
WHERE ($region IS NULL OR c.region = $region OR c.subregion = $region)
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (c)-[m:MEMBER_OF]->(:Organization {code: $memberOf})
        WHERE m.status = 'MEMBER' AND (m.validFrom IS NULL OR m.validFrom <= day) AND (m.validTo IS NULL OR m.validTo > day)
      })
WITH c ORDER BY c.name SKIP $skip LIMIT $limit
RETURN c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END, .region, .subregion, .isoNumeric} AS country
