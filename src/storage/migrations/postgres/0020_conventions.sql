-- Partner conventions (issue 8 §6): a convention with a partner organisation (LADOM's on
-- mobility in alternance…), its object, dates and amount, its payment schedule, the aid
-- envelopes it funds, the counterpart commitments the delegation made and their follow-up.
-- Also (issue 8 §2): a contact who left their organisation is marked gone, not deleted, so that
-- the interactions that met them keep their names.

CREATE TABLE conventions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  reference TEXT NOT NULL DEFAULT '',  -- the partner's or the delegation's number
  object TEXT NOT NULL,
  starts_on TEXT NOT NULL,  -- ISO dates
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX conventions_by_organisation ON conventions (organisation_id);
CREATE INDEX conventions_by_dates ON conventions (starts_on, ends_on);

-- The aid envelopes a convention funds.
CREATE TABLE convention_envelopes (
  convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
  envelope_id BIGINT NOT NULL REFERENCES aid_envelopes (id),
  PRIMARY KEY (convention_id, envelope_id)
);
CREATE INDEX convention_envelopes_by_envelope ON convention_envelopes (envelope_id);

-- The partner's payments to the delegation, as scheduled; received_on '' until received.
CREATE TABLE convention_instalments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
  due_on TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  received_on TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX convention_instalments_by_convention ON convention_instalments (convention_id, due_on);

-- What the delegation committed to in return: an indicator with a target by a date.
CREATE TABLE convention_commitments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
  description TEXT NOT NULL,
  indicator TEXT NOT NULL,
  target BIGINT NOT NULL CHECK (target > 0),
  achieved BIGINT NOT NULL DEFAULT 0 CHECK (achieved >= 0),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'in_progress', 'met', 'missed')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX convention_commitments_by_convention ON convention_commitments (convention_id, due_on);

-- Each progress recorded on a commitment, never rewritten.
CREATE TABLE convention_followups (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commitment_id BIGINT NOT NULL REFERENCES convention_commitments (id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES users (id),
  recorded_on TEXT NOT NULL,
  achieved BIGINT NOT NULL CHECK (achieved >= 0),
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'met', 'missed')),
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX convention_followups_by_commitment ON convention_followups (commitment_id, id);

ALTER TABLE crm_contacts ADD COLUMN gone_at BIGINT;
