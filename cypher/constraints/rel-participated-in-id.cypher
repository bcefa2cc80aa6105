// Each PARTICIPATED_IN fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.id IS UNIQUE
