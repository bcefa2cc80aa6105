// Each HOSTED_BY fact (a mission and the state it is in) has a stable id, so imports are idempotent.
CREATE CONSTRAINT hosted_by_id IF NOT EXISTS FOR ()-[r:HOSTED_BY]-() REQUIRE r.id IS UNIQUE
