// Each SUPPORTS fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE
