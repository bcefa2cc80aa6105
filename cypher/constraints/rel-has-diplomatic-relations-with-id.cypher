// Each HAS_DIPLOMATIC_RELATIONS_WITH fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT has_diplomatic_relations_with_id IF NOT EXISTS FOR ()-[r:HAS_DIPLOMATIC_RELATIONS_WITH]-() REQUIRE r.id IS UNIQUE
