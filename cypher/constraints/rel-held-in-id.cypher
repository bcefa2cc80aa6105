// Each HELD_IN fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT held_in_id IF NOT EXISTS FOR ()-[r:HELD_IN]-() REQUIRE r.id IS UNIQUE
