// Every recorded name variant of a city (nameKeys: lower case, no accents) as one exact term, so a lookup of missions by city is an index hit rather than a scan of all cities.
CREATE FULLTEXT INDEX city_name_keys IF NOT EXISTS FOR (c:City) ON EACH [c.nameKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}
