// Each MEMBER_OF fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE
