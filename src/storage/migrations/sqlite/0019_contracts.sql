-- Issue 8 §3: the register of apprenticeship and professionalisation contracts and the
-- follow-up of each apprentice (domain/contracts). Instants are Unix seconds (UTC); dates are
-- ISO text ('' when none). Staff only: nothing here is shown to employers, CFAs or young people.
CREATE TABLE apprentices (
  id INTEGER PRIMARY KEY,
  last_name TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 120),
  first_name TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 120),
  birth_date TEXT NOT NULL,
  folded TEXT NOT NULL,  -- crm::FoldName of "last first birth_date": the identity, unique
  email TEXT NOT NULL DEFAULT '',
  young_person_id INTEGER REFERENCES users (id) ON DELETE SET NULL,  -- their account, if any
  advisor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,       -- referent advisor
  risk TEXT NOT NULL DEFAULT 'none' CHECK (risk IN ('none', 'low', 'high')),  -- the latest
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (folded)
);
CREATE INDEX apprentices_by_young_person ON apprentices (young_person_id);
CREATE INDEX apprentices_by_advisor ON apprentices (advisor_id);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  kind TEXT NOT NULL CHECK (kind IN ('apprentissage', 'professionnalisation')),
  employer_id INTEGER NOT NULL REFERENCES organisations (id),
  cfa_id INTEGER REFERENCES organisations (id),  -- none for some professionalisation contracts
  rncp_code TEXT NOT NULL DEFAULT '',
  certification_title TEXT NOT NULL DEFAULT '',
  level INTEGER NOT NULL CHECK (level BETWEEN 3 AND 8),
  concluded_on TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on > starts_on),
  training_starts_on TEXT NOT NULL DEFAULT '',
  tutor_name TEXT NOT NULL DEFAULT '',
  tutor_experience_years INTEGER CHECK (tutor_experience_years BETWEEN 0 AND 60),
  tutor_other_apprentices INTEGER NOT NULL DEFAULT 0 CHECK (tutor_other_apprentices >= 0),
  pay_year1_cents INTEGER NOT NULL CHECK (pay_year1_cents > 0),  -- gross monthly, per year
  pay_year2_cents INTEGER NOT NULL DEFAULT 0 CHECK (pay_year2_cents >= 0),
  pay_year3_cents INTEGER NOT NULL DEFAULT 0 CHECK (pay_year3_cents >= 0),
  pay_year4_cents INTEGER NOT NULL DEFAULT 0 CHECK (pay_year4_cents >= 0),
  opco TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('running', 'broken', 'completed')),
  broken_on TEXT NOT NULL DEFAULT '',
  break_initiative TEXT NOT NULL DEFAULT '',
  break_reason TEXT NOT NULL DEFAULT '',
  after_break TEXT NOT NULL DEFAULT '',  -- what happened next: a code of contracts::AfterBreak
  after_break_note TEXT NOT NULL DEFAULT '',
  checks TEXT NOT NULL DEFAULT '',       -- the engine's checks at the last save: "id\tok\tsentence" lines
  failed_checks INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((state = 'broken') = (broken_on <> ''))
);
CREATE INDEX contracts_by_start ON contracts (starts_on, id);
CREATE INDEX contracts_by_apprentice ON contracts (apprentice_id);
CREATE INDEX contracts_by_employer ON contracts (employer_id, starts_on);
CREATE INDEX contracts_by_cfa ON contracts (cfa_id, starts_on);
CREATE INDEX contracts_by_break ON contracts (broken_on);
CREATE INDEX contracts_by_end ON contracts (ends_on);

-- The follow-up record: difficulties, the risk of break and its history, actions, notes and
-- the aid requests linked.
CREATE TABLE follow_up_difficulties (
  id INTEGER PRIMARY KEY,
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  kind TEXT NOT NULL CHECK (kind IN ('housing', 'transport', 'money', 'health', 'work')),
  noted_on TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  resolved_on TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX follow_up_difficulties_by_apprentice ON follow_up_difficulties (apprentice_id);

CREATE TABLE follow_up_risks (
  id INTEGER PRIMARY KEY,
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  risk TEXT NOT NULL CHECK (risk IN ('none', 'low', 'high')),
  reason TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX follow_up_risks_by_apprentice ON follow_up_risks (apprentice_id, id);

CREATE TABLE follow_up_actions (
  id INTEGER PRIMARY KEY,
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  due_on TEXT NOT NULL,
  done_on TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX follow_up_actions_by_apprentice ON follow_up_actions (apprentice_id);

CREATE TABLE follow_up_notes (
  id INTEGER PRIMARY KEY,
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX follow_up_notes_by_apprentice ON follow_up_notes (apprentice_id);

CREATE TABLE follow_up_aid_requests (
  apprentice_id INTEGER NOT NULL REFERENCES apprentices (id),
  aid_request_id INTEGER NOT NULL REFERENCES aid_requests (id),
  linked_by INTEGER NOT NULL REFERENCES users (id),
  linked_at INTEGER NOT NULL,
  PRIMARY KEY (apprentice_id, aid_request_id)
);
