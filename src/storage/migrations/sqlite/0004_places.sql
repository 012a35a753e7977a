-- Places from their official sources: communes of all France (INSEE code officiel géographique,
-- npm @etalab/decoupage-administratif), postal codes (npm codes-postaux), the communes of each
-- BMO employment area (France Travail), and commune centroids. Replaces the single communes
-- table of 0002, which mixed the four sources. Reference data only: `maplace import` refills it.
DROP TABLE communes;
CREATE TABLE communes (
  insee_code TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  population INTEGER,
  PRIMARY KEY (insee_code)
);
CREATE INDEX communes_by_department ON communes (department);
CREATE TABLE postal_codes (
  postal_code TEXT NOT NULL,
  insee_code TEXT NOT NULL,
  routing_label TEXT NOT NULL,
  PRIMARY KEY (postal_code, insee_code, routing_label)
);
CREATE INDEX postal_codes_by_commune ON postal_codes (insee_code);
CREATE TABLE commune_areas (
  insee_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  PRIMARY KEY (insee_code)
);
CREATE INDEX commune_areas_by_area ON commune_areas (area_code);
CREATE TABLE commune_positions (
  insee_code TEXT NOT NULL,
  latitude_e6 INTEGER NOT NULL,
  longitude_e6 INTEGER NOT NULL,
  PRIMARY KEY (insee_code)
);
