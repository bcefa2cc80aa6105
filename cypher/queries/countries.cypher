// Which countries does the graph hold (all, those with the given codes or known by a name, in a region or organization), a page of them by name, with the lists of facts that $parts names ('evidence': their sources too; 'aliases', 'notes': those fields)?
WITH coalesce(date($asOf), date()) AS day
CALL () {
  // by code through the index; otherwise every country, filtered below
  MATCH (c:Country) WHERE c.code IN $codes RETURN c
  UNION ALL
  WITH 1 AS every WHERE $codes IS NULL
  MATCH (c:Country) RETURN c
}
WITH day, c
WHERE ($nameKey IS NULL OR $nameKey IN c.nameKeys)
  AND ($region IS NULL OR c.region = $region OR c.subregion = $region)
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (c)-[m:MEMBER_OF]->(:Organization {code: $memberOf})
        WHERE m.status = 'MEMBER' AND (m.validFrom IS NULL OR m.validFrom <= day) AND (m.validTo IS NULL OR m.validTo > day)
      })
WITH c ORDER BY c.name SKIP $skip LIMIT $limit
RETURN c {
  .code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END, .officialName, .iso3, .isoNumeric, .region, .subregion, .statehood, demonyms: coalesce(c.demonyms, []),
  memberships: CASE WHEN 'memberships' IN $parts THEN COLLECT {
    MATCH (c)-[m:MEMBER_OF]->(o:Organization)
    RETURN m {
      .status, note: CASE WHEN 'notes' IN $parts THEN m.note END, since: toString(m.validFrom), sincePrecision: m.precision, until: toString(m.validTo),
      organization: o {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN o.aliases END, id: o.code, label: 'Organization'},
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN m.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY o.code
  } ELSE [] END,
  sources: CASE WHEN 'sources' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN c.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END,
  recognizes: CASE WHEN 'recognizes' IN $parts THEN COLLECT {
    MATCH (c)-[r:RECOGNIZES]->(o:Country)
    RETURN r {
      .id, note: CASE WHEN 'notes' IN $parts THEN r.note END, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), untilPrecision: r.untilPrecision, untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
      country: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END}, recognized: o {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN o.aliases END},
      withdrawalClaim: CASE WHEN 'evidence' IN $parts THEN COLLECT {
        MATCH (c)-[w:WITHDRAWAL_CLAIMED]->(o)
        RETURN w {.id, note: CASE WHEN 'notes' IN $parts THEN w.note END, claimedBy: COLLECT { MATCH (k:Country {code: w.claimedBy}) RETURN k {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN k.aliases END} }[0], since: toString(w.validFrom), sincePrecision: w.precision, sources: COLLECT { MATCH (s:Source) WHERE s.id IN w.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }}
      }[0] END,
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY r.validFrom, o.name
  } ELSE [] END,
  recognizedBy: CASE WHEN 'recognizedBy' IN $parts THEN COLLECT {
    MATCH (o:Country)-[r:RECOGNIZES]->(c)
    RETURN r {
      .id, note: CASE WHEN 'notes' IN $parts THEN r.note END, since: toString(r.validFrom), sincePrecision: r.precision, until: toString(r.validTo), untilPrecision: r.untilPrecision, untilUnknown: coalesce(r.untilUnknown, false), inferred: coalesce(r.inferred, false), .withdrawal,
      country: o {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN o.aliases END}, recognized: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END},
      withdrawalClaim: CASE WHEN 'evidence' IN $parts THEN COLLECT {
        MATCH (o)-[w:WITHDRAWAL_CLAIMED]->(c)
        RETURN w {.id, note: CASE WHEN 'notes' IN $parts THEN w.note END, claimedBy: COLLECT { MATCH (k:Country {code: w.claimedBy}) RETURN k {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN k.aliases END} }[0], since: toString(w.validFrom), sincePrecision: w.precision, sources: COLLECT { MATCH (s:Source) WHERE s.id IN w.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id }}
      }[0] END,
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY r.validFrom, o.name
  } ELSE [] END,
  notRecognizedBy: CASE WHEN 'notRecognizedBy' IN $parts THEN COLLECT {
    MATCH (o:Country)-[r:DOES_NOT_RECOGNIZE]->(c)
    RETURN r {
      .id, note: CASE WHEN 'notes' IN $parts THEN r.note END, since: toString(r.validFrom), sincePrecision: r.precision, attestedOn: [d IN coalesce(r.attestedOn, []) | toString(d)], inferred: coalesce(r.inferred, false),
      country: o {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN o.aliases END},
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN r.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY o.name
  } ELSE [] END,
  embassyEvents: CASE WHEN 'embassyEvents' IN $parts THEN COLLECT {
    MATCH (c)-[e:OPENS_EMBASSY_IN]->(city:City)
    RETURN e {
      .id, .status, note: CASE WHEN 'notes' IN $parts THEN e.note END, date: toString(e.validFrom), datePrecision: e.precision,
      country: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END}, city: city {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN city.aliases END},
      host: COLLECT { MATCH (h:Country {code: e.host}) RETURN h {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN h.aliases END} }[0],
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN e.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY city.name, e.validFrom
  } ELSE [] END,
  officials: CASE WHEN 'officials' IN $parts THEN COLLECT {
    MATCH (p:Person)-[o:HOLDS_OFFICE]->(c)
    RETURN o {
      .role, note: CASE WHEN 'notes' IN $parts THEN o.note END, since: toString(o.validFrom), sincePrecision: o.precision, until: toString(o.validTo), attestedOn: [d IN coalesce(o.attestedOn, []) | toString(d)],
      person: p {.id, .name, aliases: CASE WHEN 'aliases' IN $parts THEN p.aliases END}, country: c {.code, .name, aliases: CASE WHEN 'aliases' IN $parts THEN c.aliases END},
      sources: CASE WHEN 'evidence' IN $parts THEN COLLECT { MATCH (s:Source) WHERE s.id IN o.sources RETURN s {.*, date: toString(s.date)} AS item ORDER BY s.date, s.id } ELSE [] END
    } AS item ORDER BY p.name, o.role
  } ELSE [] END,
  agreements: CASE WHEN 'agreements' IN $parts THEN COLLECT {
    MATCH (c)-[:PARTY_TO]->(a:Agreement)
    RETURN a {.id, .title, date: toString(a.date), datePrecision: a.precision, .kind, .status, .place, .summary, .topics} AS item ORDER BY a.date IS NULL, a.date DESC, a.title
  } ELSE [] END
} AS country
