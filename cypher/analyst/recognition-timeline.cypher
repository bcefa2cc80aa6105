// How many states recognized $of in each year, and how many in all by the end of it?
// params: {"of": "XK"}
MATCH (target:Country {code: $of})
MATCH (:Country)-[r:RECOGNIZES]->(target)
WHERE r.validFrom IS NOT NULL
WITH r.validFrom.year AS year, count(*) AS recognitions
ORDER BY year
WITH collect({year: year, recognitions: recognitions}) AS years
UNWIND range(0, size(years) - 1) AS i
RETURN years[i].year AS year, years[i].recognitions AS recognitions,
       reduce(total = 0, y IN years[0..i + 1] | total + y.recognitions) AS cumulative
ORDER BY year
