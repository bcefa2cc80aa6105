// Which countries does the graph hold (all, those with the given codes, or those not recognizing $notRecognizing on a date), with their facts and sources?
WITH coalesce(date($asOf), date()) AS day
OPTIONAL MATCH (target:Country {code: $notRecognizing})
WITH day, target
MATCH (c:Country)
WHERE ($codes IS NULL OR c.code IN $codes)
  AND ($notRecognizing IS NULL OR (target IS NOT NULL AND c <> target AND NOT EXISTS {
        MATCH (c)-[r:RECOGNIZES]->(target)
        WHERE (r.validFrom IS NULL OR r.validFrom <= day) AND (r.validTo IS NULL OR r.validTo > day)
      }))
WITH c ORDER BY c.name
RETURN c {
  .code, .name, .aliases,
  sources: COLLECT { MATCH (s:Source) WHERE s.id IN c.sources RETURN s {.*} AS item ORDER BY s.date, s.id },
  recognizes: COLLECT {
    MATCH (c)-[r:RECOGNIZES]->(o:Country)
    RETURN r {
      .id, .note, since: r.validFrom, sincePrecision: r.precision, until: r.validTo,
      country: c {.code, .name, .aliases}, recognized: o {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY r.validFrom, o.name
  },
  recognizedBy: COLLECT {
    MATCH (o:Country)-[r:RECOGNIZES]->(c)
    RETURN r {
      .id, .note, since: r.validFrom, sincePrecision: r.precision, until: r.validTo,
      country: o {.code, .name, .aliases}, recognized: c {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY r.validFrom, o.name
  },
  notRecognizedBy: COLLECT {
    MATCH (o:Country)-[r:DOES_NOT_RECOGNIZE]->(c)
    RETURN r {
      .id, .note, since: r.validFrom, sincePrecision: r.precision, attestedOn: coalesce(r.attestedOn, []),
      country: o {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY o.name
  },
  embassyEvents: COLLECT {
    MATCH (c)-[e:OPENS_EMBASSY_IN]->(city:City)
    RETURN e {
      .id, .status, .note, date: e.validFrom, datePrecision: e.precision,
      country: c {.code, .name, .aliases}, city: city {.id, .name, .aliases},
      host: COLLECT { MATCH (h:Country {code: e.host}) RETURN h {.code, .name, .aliases} }[0],
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN e.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY city.name, e.validFrom
  },
  officials: COLLECT {
    MATCH (p:Person)-[o:HOLDS_OFFICE]->(c)
    RETURN o {
      .role, .note, since: o.validFrom, sincePrecision: o.precision, until: o.validTo, attestedOn: coalesce(o.attestedOn, []),
      person: p {.id, .name, .aliases}, country: c {.code, .name, .aliases},
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN o.sources RETURN s {.*} AS item ORDER BY s.date, s.id }
    } AS item ORDER BY p.name, o.role
  },
  agreements: COLLECT {
    MATCH (c)-[:PARTY_TO]->(a:Agreement)
    RETURN a {.id, .title, .date, datePrecision: a.precision, .kind, .status, .place, .summary, .topics} AS item ORDER BY a.date IS NULL, a.date DESC, a.title
  }
} AS country
