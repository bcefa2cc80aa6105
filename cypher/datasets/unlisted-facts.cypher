// How many open facts of a data set would a snapshot close (a dry run's count), and which?
MATCH ()-[r]->()
WHERE r.dataset = $dataset AND r.unlistedSince IS NULL AND NOT r.id IN $listed AND NOT r.datasetRow IN $keep
RETURN count(r) AS unlisted, collect(r.id)[..20] AS examples
