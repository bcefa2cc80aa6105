// Each WITHDRAWAL_CLAIMED fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT withdrawal_claimed_id IF NOT EXISTS FOR ()-[r:WITHDRAWAL_CLAIMED]-() REQUIRE r.id IS UNIQUE
