// Each OPENS_EMBASSY_IN fact has a stable id, so seeding and edits are idempotent.
CREATE CONSTRAINT opens_embassy_in_id IF NOT EXISTS FOR ()-[r:OPENS_EMBASSY_IN]-() REQUIRE r.id IS UNIQUE
