// Which mission is each (sending state, city) pair's embassy — the Wikidata mission its embassy events belong to? $pairs: [{country, city}], $embassyTypes: the mission types that are embassies.
UNWIND $pairs AS pair
MATCH (:Country {code: pair.country})-[sends:SENDS]->(m:Mission)-[:LOCATED_IN]->(:City {id: pair.city})
WHERE m.type IN $embassyTypes
WITH pair, m ORDER BY sends.unlistedSince IS NULL DESC, m.id
RETURN pair.country AS country, pair.city AS city, collect(m.id)[0] AS mission
