// Where each diplomatic mission is (a WGS 84 point), so "missions within 10 km of a point" is an index seek.
CREATE POINT INDEX mission_location IF NOT EXISTS FOR (m:Mission) ON (m.location)
