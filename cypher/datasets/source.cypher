// Which Source stands for a data set? Records (or updates) the data set as one Source: publisher, title, address, license, snapshot date, file and content hash.
MERGE (s:Source {id: $source.id})
SET s += $source
RETURN s.id AS id
