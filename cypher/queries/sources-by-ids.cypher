// Which sources have these $ids (those a change feed's page of facts rests on)?
MATCH (s:Source) WHERE s.id IN $ids
RETURN s {.*, date: toString(s.date)} AS source
