// Each source (article, dataset page) has one id, referenced from every fact's sources list.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE
