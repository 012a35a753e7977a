-- Issue 5: organisations' details and their validation by the delegation's advisors, the
-- employers' offers and their reports (domain/people/organisation_service.h, domain/offers).
-- Organisations made before this migration (demo, administration) count as validated.
ALTER TABLE organisations ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN commune_code TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN headcount TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN idcc TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN naf TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN status TEXT NOT NULL DEFAULT 'validated'
  CHECK (status IN ('pending', 'validated', 'details_requested', 'refused'));
ALTER TABLE organisations ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN status_changed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX organisations_by_siret ON organisations (siret);
CREATE INDEX organisations_by_status ON organisations (status);

CREATE TABLE offers (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  created_by BIGINT NOT NULL REFERENCES users (id),
  rome_code TEXT NOT NULL CHECK (length(rome_code) = 5),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  level INTEGER NOT NULL CHECK (level BETWEEN 3 AND 7),
  contract TEXT NOT NULL CHECK (contract IN ('apprentissage', 'professionnalisation')),
  start_date TEXT NOT NULL DEFAULT '',  -- ISO date, '' for « dès que possible »
  duration_months INTEGER NOT NULL CHECK (duration_months BETWEEN 6 AND 36),
  positions INTEGER NOT NULL CHECK (positions BETWEEN 1 AND 50),
  rhythm TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL CHECK (length(description) <= 5000),
  commune_code TEXT NOT NULL,
  pause_after_applications INTEGER NOT NULL DEFAULT 0 CHECK (pause_after_applications >= 0),
  state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'paused', 'expired', 'filled',
                                       'closed')),
  published_at BIGINT NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL DEFAULT 0,
  reminder_sent_at BIGINT NOT NULL DEFAULT 0,
  extension_token_hash TEXT NOT NULL DEFAULT '',
  filled_channel TEXT NOT NULL DEFAULT ''
    CHECK (filled_channel IN ('', 'maplace', 'cfa', 'france_travail', 'reseau', 'autre')),
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  hidden_reason TEXT NOT NULL DEFAULT '',
  applications INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX offers_by_organisation ON offers (organisation_id);
CREATE INDEX offers_by_state ON offers (state, expires_at);
CREATE INDEX offers_by_extension_token ON offers (extension_token_hash);

CREATE TABLE offer_reports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  offer_id BIGINT NOT NULL REFERENCES offers (id),
  reason TEXT NOT NULL CHECK (reason IN ('discriminatory', 'not_alternance', 'expired', 'fraud',
                                         'other')),
  details TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
);
CREATE INDEX offer_reports_open ON offer_reports (resolved, offer_id);
