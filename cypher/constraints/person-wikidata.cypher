// Each person with a Wikidata item has one node: analysts (and the leaders data set's next snapshot) find a person by item id in an index.
CREATE CONSTRAINT person_wikidata IF NOT EXISTS FOR (p:Person) REQUIRE p.wikidata IS UNIQUE
