// Each LOCATED_IN fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE
