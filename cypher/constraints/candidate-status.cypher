// The review queue lists candidates by state.
CREATE INDEX candidate_status IF NOT EXISTS FOR (c:Candidate) ON (c.status)
