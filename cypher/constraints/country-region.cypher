// Countries by region, for the region filters and grouping.
CREATE INDEX country_region IF NOT EXISTS FOR (c:Country) ON (c.region)
