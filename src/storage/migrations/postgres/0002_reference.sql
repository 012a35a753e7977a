-- Reference data filled by `maplace import` (domain/reference/tables.h describes the same
-- tables). Natural keys only: a re-import compares rows by key. NULL counts in bmo_figures
-- are secret cells, never zeros.

CREATE TABLE rome_grand_domains (
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE rome_professional_domains (
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE rome_jobs (
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  grand_domain_code TEXT NOT NULL,
  professional_domain_code TEXT NOT NULL,
  parent_code TEXT NOT NULL,
  definition TEXT NOT NULL,
  access TEXT NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE rome_job_titles (
  ogr_code TEXT NOT NULL,
  rome_code TEXT NOT NULL,
  label TEXT NOT NULL,
  short_label TEXT NOT NULL,
  is_main BIGINT NOT NULL,
  PRIMARY KEY (ogr_code)
);
CREATE TABLE rome_skills (
  ogr_code TEXT NOT NULL,
  label TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (ogr_code)
);
CREATE TABLE rome_job_skills (
  rome_code TEXT NOT NULL,
  ogr_code TEXT NOT NULL,
  PRIMARY KEY (rome_code, ogr_code)
);
CREATE TABLE rome_mobility (
  rome_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  rank BIGINT NOT NULL,
  PRIMARY KEY (rome_code, target_code)
);
CREATE TABLE rome_v3_labels (
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE fap_rome (
  fap_code TEXT NOT NULL,
  rome_code TEXT NOT NULL,
  PRIMARY KEY (fap_code, rome_code)
);
CREATE TABLE bmo_figures (
  year BIGINT NOT NULL,
  fap_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  fap_label TEXT NOT NULL,
  family_code TEXT NOT NULL,
  family_label TEXT NOT NULL,
  projects BIGINT,
  difficult BIGINT,
  seasonal BIGINT,
  PRIMARY KEY (year, fap_code, area_code)
);
CREATE TABLE employment_areas (
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE communes (
  insee_code TEXT NOT NULL,
  name TEXT NOT NULL,
  area_code TEXT NOT NULL,
  population BIGINT NOT NULL,
  latitude_e6 BIGINT NOT NULL,
  longitude_e6 BIGINT NOT NULL,
  postal_codes TEXT NOT NULL,
  PRIMARY KEY (insee_code)
);
CREATE INDEX rome_job_titles_by_rome ON rome_job_titles (rome_code);
CREATE INDEX fap_rome_by_rome ON fap_rome (rome_code);
CREATE INDEX bmo_figures_by_fap ON bmo_figures (fap_code, year);
CREATE INDEX communes_by_area ON communes (area_code);

-- One row per import: what was loaded, from where, under which licence, with what effect.
CREATE TABLE dataset_imports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  title TEXT NOT NULL,
  publisher TEXT NOT NULL,
  licence TEXT NOT NULL,
  imported_at BIGINT NOT NULL,
  added BIGINT NOT NULL,
  changed BIGINT NOT NULL,
  removed BIGINT NOT NULL,
  unchanged BIGINT NOT NULL
);
CREATE INDEX dataset_imports_by_kind ON dataset_imports (kind, id);
