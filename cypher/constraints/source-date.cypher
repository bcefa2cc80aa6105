// Sources by publication date, for "newest first" listings and date ranges.
CREATE INDEX source_date IF NOT EXISTS FOR (s:Source) ON (s.date)
