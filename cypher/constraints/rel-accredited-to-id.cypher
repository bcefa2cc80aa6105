// Each ACCREDITED_TO fact has a stable id, so re-importing a data set is idempotent.
CREATE CONSTRAINT accredited_to_id IF NOT EXISTS FOR ()-[r:ACCREDITED_TO]-() REQUIRE r.id IS UNIQUE
