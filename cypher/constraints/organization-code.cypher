// Each organization is identified by its short code (EU, NATO, UN).
CREATE CONSTRAINT organization_code IF NOT EXISTS FOR (o:Organization) REQUIRE o.code IS UNIQUE
