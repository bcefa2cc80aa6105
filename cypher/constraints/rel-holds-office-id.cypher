// Each HOLDS_OFFICE fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT holds_office_id IF NOT EXISTS FOR ()-[r:HOLDS_OFFICE]-() REQUIRE r.id IS UNIQUE
