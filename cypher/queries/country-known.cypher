// Which of the codes in $codes name a country the graph holds?
MATCH (c:Country) WHERE c.code IN $codes
RETURN collect(c.code) AS known
