// Which organizations does the graph record, by code?
MATCH (o:Organization)
RETURN o {.code, .name, .aliases, id: o.code, label: 'Organization'} AS organization
ORDER BY o.code
