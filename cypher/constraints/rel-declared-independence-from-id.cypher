// Each DECLARED_INDEPENDENCE_FROM fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT declared_independence_from_id IF NOT EXISTS FOR ()-[r:DECLARED_INDEPENDENCE_FROM]-() REQUIRE r.id IS UNIQUE
