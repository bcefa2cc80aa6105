// Marks the pending candidate $id $status (ACCEPTED, with the fact $fact written, or REJECTED) by $actor; no row when it is not pending.
MATCH (c:Candidate {id: $id}) WHERE c.status = 'PENDING'
WITH c, c {.status} AS before
SET c.status = $status, c.reviewedBy = $actor, c.reviewedAt = toString(datetime()), c.reviewNote = $note, c.fact = $fact
RETURN before, c {.status, .reviewNote, .fact} AS after, c.id AS target, [c.id] + CASE WHEN $fact IS NULL THEN [] ELSE [$fact] END AS involves
