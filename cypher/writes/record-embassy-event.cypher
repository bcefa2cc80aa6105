// Records one embassy event ($status on $date: PLEDGED, OPENED, MOVED_BACK, REOPENED, PLEDGE_LAPSED, DIPLOMATIC_OFFICE, CLOSED) of $country in the city $cityId (created if new) accredited to $host, on the authority of $source.
MATCH (a:Country {code: $country}), (:Country {code: $host})
MERGE (city:City {id: $cityId}) ON CREATE SET city.name = $cityName, city.aliases = [], city.nameKeys = $cityKeys, city.sources = [$source.id]
WITH a, city
// The same event (state, city, status) on file under another id is the same fact.
OPTIONAL MATCH (a)-[old:OPENS_EMBASSY_IN]->(city) WHERE old.id = $id OR old.status = $status
WITH a, city, old LIMIT 1
WITH a, city, coalesce(old.id, $id) AS id, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (src:Source {id: $source.id}) ON CREATE SET src += $source.props
MERGE (a)-[e:OPENS_EMBASSY_IN {id: id}]->(city)
SET e.status = $status,
    e.host = $host,
    e.validFrom = CASE WHEN $date IS NULL THEN e.validFrom ELSE date($date) END,
    e.precision = CASE WHEN $date IS NULL THEN e.precision ELSE $precision END,
    e.note = coalesce($note, e.note),
    e.sources = CASE WHEN $source.id IN coalesce(e.sources, []) THEN e.sources ELSE coalesce(e.sources, []) + $source.id END
RETURN before, properties(e) AS after, e.id AS target, [a.code, $host, city.id, e.id] AS involves
