// Each PARTY_TO fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE
