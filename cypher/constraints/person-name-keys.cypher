// Every recorded name variant of a person (nameKeys: lower case, no accents) as one exact term, so a lookup by name is an index hit rather than a scan of all people.
CREATE FULLTEXT INDEX person_name_keys IF NOT EXISTS FOR (p:Person) ON EACH [p.nameKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}
