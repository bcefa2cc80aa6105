// Who headed each state of $codes in the roles $roles: its terms newest first, or those held on $asOf (a known start on or before it, no end or an end after it), one page ($skip, $limit) per state?
UNWIND $codes AS code
OPTIONAL MATCH (c:Country {code: code})
RETURN code, c IS NOT NULL AS known, COLLECT {
  MATCH (p:Person)-[o:HOLDS_OFFICE]->(c)
  WHERE o.role IN $roles
    AND ($asOf IS NULL OR (o.validFrom <= date($asOf) AND (o.validTo IS NULL OR o.validTo > date($asOf))))
  WITH p, o ORDER BY o.validFrom IS NULL, o.validFrom DESC, o.role, p.name, o.id
  SKIP $skip LIMIT $limit
  RETURN o {
    .role, .note, since: toString(o.validFrom), sincePrecision: o.precision, until: toString(o.validTo), attestedOn: [d IN coalesce(o.attestedOn, []) | toString(d)],
    untilInferred: coalesce(o.untilInferred, false), origins: coalesce(o.origins, []),
    person: p {.id, .name, aliases: coalesce(p.aliases, [])}, country: c {.code, .name, aliases: coalesce(c.aliases, [])},
    sources: COLLECT {
      MATCH (s:Source) WHERE s.id IN o.sources
      RETURN s {.*, date: toString(s.date), origins: CASE WHEN s.id = 'dataset-' + o.dataset THEN o.origins ELSE [] END} AS item ORDER BY s.date, s.id
    }
  } AS item
} AS offices
