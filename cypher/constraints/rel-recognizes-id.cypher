// Each RECOGNIZES fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT recognizes_id IF NOT EXISTS FOR ()-[r:RECOGNIZES]-() REQUIRE r.id IS UNIQUE
