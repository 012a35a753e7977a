-- Issue 4 §3 and issue 5 §3: young people's CVs, their applications to offers and the
-- recruiters' replies (domain/applications). A CV is never changed: replacing it adds a row, so
-- an application keeps the CV it was sent with.
CREATE TABLE cv_documents (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users (id),
  stored_name TEXT NOT NULL UNIQUE,  -- random, in the documents folder
  original_name TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL CHECK (content_type IN (
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX cv_documents_by_owner ON cv_documents (owner_id, id);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES offers (id),
  organisation_id INTEGER NOT NULL REFERENCES organisations (id),
  applicant_id INTEGER NOT NULL REFERENCES users (id),
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  start_date TEXT NOT NULL DEFAULT '',  -- ISO date, '' for « dès que possible »
  rhythm TEXT NOT NULL DEFAULT '',
  cfa_place TEXT NOT NULL CHECK (cfa_place IN ('yes', 'no', 'in_progress')),
  cv_document_id INTEGER NOT NULL DEFAULT 0,  -- a cv_documents id, 0 when sent without a CV
  status TEXT NOT NULL CHECK (status IN ('new', 'seen', 'interview', 'refused', 'hired')),
  refusal_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  seen_at INTEGER NOT NULL DEFAULT 0,
  reminded_at INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  UNIQUE (offer_id, applicant_id)
);
CREATE INDEX applications_by_organisation ON applications (organisation_id, id);
CREATE INDEX applications_by_applicant ON applications (applicant_id, id);
CREATE INDEX applications_by_cv ON applications (cv_document_id);
CREATE INDEX applications_unanswered ON applications (status, reminded_at, created_at);

CREATE TABLE application_replies (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'refusal', 'hire')),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX application_replies_by_application ON application_replies (application_id, id);
