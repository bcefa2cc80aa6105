// Which states switched their recognition from $from to $to (Taiwan to the PRC): the day the one ended and the day the other began, with the tables' notes?
// params: {"from": "TW", "to": "CN"}
MATCH (a:Country {code: $from})
MATCH (b:Country {code: $to})
MATCH (c:Country)-[old:RECOGNIZES]->(a)
WHERE old.validTo IS NOT NULL AND old.untilUnknown IS NULL
MATCH (c)-[new:RECOGNIZES]->(b)
WHERE new.validFrom IS NOT NULL AND new.validFrom >= old.validTo - duration({months: 1}) AND new.validFrom <= old.validTo + duration({months: 1})
RETURN c.code AS code, c.name AS state, toString(old.validTo) AS ended, toString(new.validFrom) AS began, old.withdrawal AS withdrawal, old.note AS note
ORDER BY ended DESC
