// Full-text search over the names and aliases of countries, people, organizations and cities (analysts: db.index.fulltext.queryNodes('name_search', 'Abdullah~')).
CREATE FULLTEXT INDEX name_search IF NOT EXISTS FOR (n:Country|Person|Organization|City) ON EACH [n.name, n.aliases]
