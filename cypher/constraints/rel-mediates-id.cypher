// Each MEDIATES fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT mediates_id IF NOT EXISTS FOR ()-[r:MEDIATES]-() REQUIRE r.id IS UNIQUE
