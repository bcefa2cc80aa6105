// Each candidate fact has a stable id (its article and what it states), so re-ingesting an article finds the same candidates.
CREATE CONSTRAINT candidate_id IF NOT EXISTS FOR (c:Candidate) REQUIRE c.id IS UNIQUE
