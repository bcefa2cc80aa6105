// Sources by address: ingesting an article finds the Source already on file for its URL.
CREATE INDEX source_url IF NOT EXISTS FOR (s:Source) ON (s.url)
