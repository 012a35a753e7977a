-- Young people's enquiries to organisations outside offers (issue 4 §3, issue 5 §5):
-- spontaneous applications to employers and requests for information to CFAs, with the
-- organisations' answers (domain/enquiries); a CFA's partner companies (issue 5 §5); the marks
-- that limit reports of offers (issue 5 §6); unsubscribes from non-transactional mail and the
-- secret that signs their links (issue 5 §7, domain/outbox/unsubscribe.h).
CREATE TABLE enquiries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('spontaneous', 'information')),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  training_id BIGINT NOT NULL DEFAULT 0,  -- a trainings id (information), 0 for none
  subject TEXT NOT NULL DEFAULT '',  -- information: dates, admission, rhythm, employer, other
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  start_date TEXT NOT NULL DEFAULT '',  -- spontaneous: ISO date, '' for « dès que possible »
  rhythm TEXT NOT NULL DEFAULT '',
  cfa_place TEXT NOT NULL DEFAULT '',  -- spontaneous: 'yes', 'no', 'in_progress'
  cv_document_id BIGINT NOT NULL DEFAULT 0,  -- a cv_documents id, 0 without a CV
  status TEXT NOT NULL CHECK (status IN ('new', 'seen', 'answered', 'closed')),
  created_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL DEFAULT 0,
  reminded_at BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX enquiries_by_organisation ON enquiries (organisation_id, id);
CREATE INDEX enquiries_by_author ON enquiries (author_id, created_at);
CREATE INDEX enquiries_by_cv ON enquiries (cv_document_id);
CREATE INDEX enquiries_unanswered ON enquiries (status, reminded_at, created_at);

CREATE TABLE enquiry_replies (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enquiry_id BIGINT NOT NULL REFERENCES enquiries (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('answer', 'no_position', 'interview')),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX enquiry_replies_by_enquiry ON enquiry_replies (enquiry_id, id);

CREATE TABLE cfa_partners (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cfa_organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  employer_organisation_id BIGINT NOT NULL DEFAULT 0,  -- 0: a company not on the platform
  name TEXT NOT NULL,
  siret TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  UNIQUE (cfa_organisation_id, siret)
);

CREATE TABLE offer_report_marks (
  offer_id BIGINT NOT NULL REFERENCES offers (id),
  visitor TEXT NOT NULL,  -- "user:<id>" or a hash of the visitor's cookie
  client TEXT NOT NULL,   -- a hash of the client address
  created_at BIGINT NOT NULL,
  UNIQUE (offer_id, visitor)
);
CREATE INDEX offer_report_marks_by_client ON offer_report_marks (client, created_at);

CREATE TABLE mail_unsubscribes (
  email TEXT NOT NULL,
  list TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (email, list)
);

CREATE TABLE unsubscribe_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL
);
INSERT INTO unsubscribe_secret (id, secret) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT '';
