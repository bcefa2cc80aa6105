// Each diplomatic mission has one id: its Wikidata item's.
CREATE CONSTRAINT mission_id IF NOT EXISTS FOR (m:Mission) REQUIRE m.id IS UNIQUE
