// Each SENDS fact has a stable id, so re-importing a data set is idempotent.
CREATE CONSTRAINT sends_id IF NOT EXISTS FOR ()-[r:SENDS]-() REQUIRE r.id IS UNIQUE
