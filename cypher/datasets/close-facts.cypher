// Which facts of a data set does its newer snapshot no longer list? Closes them on the snapshot's date with a note (never deletes), except those of rows the snapshot lists but could not load.
MATCH ()-[r]->()
WHERE r.dataset = $dataset AND r.unlistedSince IS NULL AND NOT r.id IN $listed AND NOT r.datasetRow IN $keep
SET r.unlistedSince = date($date),
    r.validTo = coalesce(r.validTo, date($date)),
    r.note = trim(coalesce(r.note, '') + ' No longer listed in the data set ' + $dataset + ' as of ' + $date + '.')
RETURN count(r) AS closed
