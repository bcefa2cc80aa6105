// Each RECOGNIZES_AS_CAPITAL fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT recognizes_as_capital_id IF NOT EXISTS FOR ()-[r:RECOGNIZES_AS_CAPITAL]-() REQUIRE r.id IS UNIQUE
