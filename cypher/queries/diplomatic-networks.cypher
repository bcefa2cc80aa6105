// How large is each state's diplomatic network (posts abroad by kind as in $groups, the states where it has posts, the states they are accredited to), and where does it rank? All states, or those of $codes, largest first, paged.
MATCH (c:Country)
CALL (c) {
  OPTIONAL MATCH (c)-[sends:SENDS]->(m:Mission) WHERE sends.unlistedSince IS NULL
  // the state where each post is: the one the data set places it in, else its city's (never the sender itself)
  WITH m, CASE WHEN m IS NULL OR m.type IN $groups.honorary THEN null ELSE coalesce(
    COLLECT { MATCH (m)-[:HOSTED_BY]->(h:Country) RETURN h.code LIMIT 1 }[0],
    COLLECT { MATCH (m)-[:LOCATED_IN]->(:City)-[li:LOCATED_IN]->(h:Country) WHERE h <> c AND li.unlistedSince IS NULL RETURN h.code ORDER BY h.code LIMIT 1 }[0]
  ) END AS host
  RETURN
    count(CASE WHEN m.type IN $groups.embassies THEN 1 END) AS embassies,
    count(CASE WHEN m.type IN $groups.consulates THEN 1 END) AS consulates,
    count(CASE WHEN m.type IN $groups.honorary THEN 1 END) AS honoraryConsulates,
    count(CASE WHEN NOT m.type IN $groups.embassies + $groups.consulates + $groups.honorary THEN 1 END) AS otherPosts,
    count(DISTINCT host) AS hostStates
}
CALL (c) {
  OPTIONAL MATCH (c)-[sends:SENDS]->(m:Mission)-[a:ACCREDITED_TO]->(t:Country)
  WHERE sends.unlistedSince IS NULL AND a.unlistedSince IS NULL AND t <> c AND NOT m.type IN $groups.honorary
  RETURN count(DISTINCT t) AS accreditedStates
}
WITH c, embassies, consulates, otherPosts, honoraryConsulates, hostStates, accreditedStates, embassies + consulates + otherPosts AS total
ORDER BY total DESC, embassies DESC, c.name
WITH collect({
  country: c {.code, .name, .aliases}, total: total, embassies: embassies, consulates: consulates, otherPosts: otherPosts,
  honoraryConsulates: honoraryConsulates, hostStates: hostStates, accreditedStates: accreditedStates
}) AS networks
WITH networks, [n IN networks | n.total] AS totals
UNWIND range(0, size(networks) - 1) AS i
WITH networks[i] AS network, size([t IN totals WHERE t > totals[i]]) + 1 AS rank
WHERE $codes IS NULL OR network.country.code IN $codes
RETURN network {.*, rank: rank} AS network
SKIP $skip LIMIT $limit
