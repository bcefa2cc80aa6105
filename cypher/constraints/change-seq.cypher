// Audit entries are numbered once each (the change feed reads them in this order, from a number on).
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE
