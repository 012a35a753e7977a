-- Proposals to move allocated money between aid envelopes (domain/budgets/transfer.h). One
-- person proposes, another decides: the CHECK below enforces the separation of hands in the
-- database as well as in the domain. The money moves only on approval, in the same transaction
-- (the envelopes' conditional UPDATEs, audited and chained into money_journal).
CREATE TABLE envelope_transfers (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_envelope_id BIGINT NOT NULL REFERENCES aid_envelopes (id),
  to_envelope_id BIGINT NOT NULL REFERENCES aid_envelopes (id),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'approved', 'refused')),
  proposed_by BIGINT NOT NULL REFERENCES users (id),
  proposed_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT,
  decision_note TEXT NOT NULL DEFAULT '',
  CHECK (from_envelope_id <> to_envelope_id),
  CHECK ((state = 'proposed') = (decided_by IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK (state <> 'refused' OR decision_note <> '')
);
CREATE INDEX envelope_transfers_by_state ON envelope_transfers (state, proposed_at);
