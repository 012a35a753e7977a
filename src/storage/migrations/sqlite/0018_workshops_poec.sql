-- Issue 8 §4 and §5: the « Aktiv Alternance » workshops (domain/workshops) and the POEC
-- programmes (domain/poec). Instants are Unix seconds (UTC); dates are ISO text.
CREATE TABLE workshop_themes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE workshop_sessions (
  id INTEGER PRIMARY KEY,
  theme_id INTEGER NOT NULL REFERENCES workshop_themes (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  place TEXT NOT NULL DEFAULT '',
  online_link TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
  -- Seats held by registrations: taken by a conditional update (seats_taken < capacity), so
  -- two registrations racing for the last seat never both get it.
  seats_taken INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= capacity),
  speakers TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  reminded_at INTEGER NOT NULL DEFAULT 0,       -- the day-before reminder, sent once
  survey_sent_at INTEGER NOT NULL DEFAULT 0     -- the satisfaction survey, sent once
);
CREATE INDEX workshop_sessions_by_start ON workshop_sessions (starts_at);

CREATE TABLE workshop_materials (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES workshop_sessions (id),
  stored_name TEXT NOT NULL UNIQUE,  -- random, in the documents folder
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX workshop_materials_by_session ON workshop_materials (session_id, id);

CREATE TABLE workshop_registrations (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES workshop_sessions (id),
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  registered_by INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
  attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
  survey_token_hash TEXT NOT NULL DEFAULT '',
  rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),  -- 0: no answer yet
  comment TEXT NOT NULL DEFAULT '',
  rated_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (session_id, user_id)
);
CREATE INDEX workshop_registrations_by_organisation ON workshop_registrations (organisation_id);
CREATE INDEX workshop_registrations_by_token ON workshop_registrations (survey_token_hash);

CREATE TABLE workshop_invitations (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES workshop_sessions (id),
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  sent_by INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  UNIQUE (session_id, organisation_id)
);

CREATE TABLE workshop_actions (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES workshop_sessions (id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX workshop_actions_by_session ON workshop_actions (session_id, id);

CREATE TABLE poec_programmes (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  rome_code TEXT NOT NULL,
  training_organisation TEXT NOT NULL,
  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 400),
  funding TEXT NOT NULL DEFAULT '',
  partner_opcos TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE poec_partners (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES poec_programmes (id),
  company TEXT NOT NULL CHECK (length(company) BETWEEN 1 AND 200),
  positions INTEGER NOT NULL CHECK (positions BETWEEN 0 AND 1000),
  created_at INTEGER NOT NULL
);
CREATE INDEX poec_partners_by_programme ON poec_partners (programme_id, id);

CREATE TABLE poec_cohorts (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES poec_programmes (id),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  place TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX poec_cohorts_by_programme ON poec_cohorts (programme_id, id);

CREATE TABLE poec_candidates (
  id INTEGER PRIMARY KEY,
  cohort_id INTEGER NOT NULL REFERENCES poec_cohorts (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  commune_code TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL CHECK (stage IN ('information', 'selection', 'training', 'outcome',
                                        'withdrawn')),
  hours_attended INTEGER NOT NULL DEFAULT 0 CHECK (hours_attended BETWEEN 0 AND 400),
  outcome TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'cdi', 'cdd12', 'alternance',
                                                      'other')),
  company TEXT NOT NULL DEFAULT '',  -- the company that hired, when hired
  outcome_date TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX poec_candidates_by_cohort ON poec_candidates (cohort_id, id);
