// Each SIGNED fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT signed_id IF NOT EXISTS FOR ()-[r:SIGNED]-() REQUIRE r.id IS UNIQUE
