-- Issue 5 §5: the CFAs' training catalogues (domain/trainings). Start dates and ROME codes are
-- space-separated lists ("2026-09-01 2027-01-04", "G1602 G1603"). A CFA has one training per
-- certification and site: what a re-import of its catalogue matches on.
CREATE TABLE trainings (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  created_by INTEGER NOT NULL REFERENCES users (id),
  rncp_code TEXT NOT NULL DEFAULT '',
  cfd_code TEXT NOT NULL DEFAULT '',
  level INTEGER NOT NULL CHECK (level BETWEEN 3 AND 8),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
  rhythm TEXT NOT NULL DEFAULT '',
  start_dates TEXT NOT NULL,
  duration_months INTEGER NOT NULL CHECK (duration_months BETWEEN 6 AND 48),
  places INTEGER NOT NULL CHECK (places BETWEEN 1 AND 500),
  commune_code TEXT NOT NULL,
  rome_codes TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (rncp_code <> '' OR cfd_code <> ''),
  UNIQUE (organisation_id, rncp_code, cfd_code, commune_code)
);
CREATE INDEX trainings_published ON trainings (published);

