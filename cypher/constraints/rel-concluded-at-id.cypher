// Each CONCLUDED_AT fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT concluded_at_id IF NOT EXISTS FOR ()-[r:CONCLUDED_AT]-() REQUIRE r.id IS UNIQUE
