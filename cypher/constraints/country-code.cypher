// Each country is identified by its ISO 3166-1 alpha-2 code (Kosovo: XK).
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE
