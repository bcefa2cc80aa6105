// What is the shortest chain of recorded relations between the two people, states or organizations named $from and $to (full-text name search)?
// params: {"from": "Grenell", "to": "Ashkenazi"}
CALL db.index.fulltext.queryNodes('name_search', $from) YIELD node AS a
WITH a LIMIT 1
CALL db.index.fulltext.queryNodes('name_search', $to) YIELD node AS b
WITH a, b LIMIT 1
MATCH chain = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(chain) | coalesce(n.name, n.title)] AS steps,
       [r IN relationships(chain) | type(r)] AS relations,
       length(chain) AS hops
