// Each DOES_NOT_RECOGNIZE fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT does_not_recognize_id IF NOT EXISTS FOR ()-[r:DOES_NOT_RECOGNIZE]-() REQUIRE r.id IS UNIQUE
