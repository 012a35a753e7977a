-- Requests for the delegation's aids, their thread and documents, the beneficiaries' bank
-- details and the payments (issue 7; domain/aid_requests). Amounts are integer cents, instants
-- Unix seconds. The separation of hands (four-eyes) is checked here as well as in
-- domain/aid_requests/workflow.cc, so that no code path, however buggy, can have one person
-- instruct and approve, or approve and pay. A NULL hand passes the CHECKs below (SQL's
-- unknown): a hand is only compared once it is set.

-- A bank account given by a requester: the IBAN sealed with core/secret_box.h (the key is a
-- file outside the database), its masked form for pages and exports.
CREATE TABLE bank_accounts (
  id INTEGER PRIMARY KEY,
  owner_user_id INTEGER REFERENCES users (id),
  owner_organisation_id INTEGER REFERENCES organisations (id),
  holder TEXT NOT NULL CHECK (length(holder) BETWEEN 1 AND 70),
  iban_sealed TEXT NOT NULL CHECK (iban_sealed LIKE 'sb1:%'),
  iban_masked TEXT NOT NULL,
  bic TEXT NOT NULL DEFAULT '' CHECK (length(bic) IN (0, 8, 11)),
  created_at INTEGER NOT NULL,
  CHECK ((owner_user_id IS NULL) <> (owner_organisation_id IS NULL))
);

CREATE TABLE aid_requests (
  id INTEGER PRIMARY KEY,
  aid_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'under_instruction',
                                       'complement_requested', 'approved', 'rejected',
                                       'committed', 'paid', 'closed')),
  requester_id INTEGER NOT NULL REFERENCES users (id),
  organisation_id INTEGER REFERENCES organisations (id),
  beneficiary_name TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0 AND paid_cents <= amount_cents),
  situation_json TEXT NOT NULL,  -- the simulation the request came from
  envelope_id INTEGER REFERENCES aid_envelopes (id),
  instructor_id INTEGER REFERENCES users (id),
  approver_id INTEGER REFERENCES users (id),   -- a manager, above the approval threshold
  committer_id INTEGER REFERENCES users (id),  -- the manager who committed the envelope
  decision_reason TEXT NOT NULL DEFAULT '',
  bank_account_id INTEGER REFERENCES bank_accounts (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (instructor_id <> requester_id),
  CHECK (approver_id <> requester_id AND approver_id <> instructor_id),
  CHECK (committer_id <> requester_id AND committer_id <> instructor_id),
  CHECK (state NOT IN ('committed', 'paid')
         OR (committer_id IS NOT NULL AND envelope_id IS NOT NULL)),
  -- paid ⇔ fully paid; money is only paid on a committed request.
  CHECK ((state = 'paid') = (paid_cents = amount_cents) OR state = 'closed'),
  CHECK (paid_cents = 0 OR state IN ('committed', 'paid', 'closed'))
);
CREATE INDEX aid_requests_by_state ON aid_requests (state, updated_at);
CREATE INDEX aid_requests_by_requester ON aid_requests (requester_id);
CREATE INDEX aid_requests_by_organisation ON aid_requests (organisation_id);

-- A hand, once set, never changes: what the CHECKs compared stays true.
CREATE TRIGGER aid_requests_hands_stay BEFORE UPDATE ON aid_requests
WHEN NEW.requester_id IS NOT OLD.requester_id
  OR (OLD.instructor_id IS NOT NULL AND NEW.instructor_id IS NOT OLD.instructor_id)
  OR (OLD.approver_id IS NOT NULL AND NEW.approver_id IS NOT OLD.approver_id)
  OR (OLD.committer_id IS NOT NULL AND NEW.committer_id IS NOT OLD.committer_id)
  OR (OLD.envelope_id IS NOT NULL AND NEW.envelope_id IS NOT OLD.envelope_id)
BEGIN
  SELECT RAISE(ABORT, 'the hands and the envelope of an aid request never change once set');
END;

-- The thread the requester sees: messages, and each action with its comment.
CREATE TABLE aid_request_messages (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES aid_requests (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('message', 'submit', 'take_up', 'request_complement',
                                     'answer_complement', 'approve', 'reject', 'commit',
                                     'pay_instalment', 'close')),
  body TEXT NOT NULL CHECK (length(body) <= 4000),
  created_at INTEGER NOT NULL
);
CREATE INDEX aid_request_messages_by_request ON aid_request_messages (request_id, id);

-- Supporting documents: the bytes are in <dir>/documents/<stored_name>, outside the web root,
-- never in the database; the name the person gave is only shown.
CREATE TABLE aid_request_documents (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES aid_requests (id),
  uploaded_by INTEGER NOT NULL REFERENCES users (id),
  stored_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg',
                                                     'image/png')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  created_at INTEGER NOT NULL
);
CREATE INDEX aid_request_documents_by_request ON aid_request_documents (request_id, id);

-- One SEPA credit transfer file: its message id is the batch's idempotency key.
CREATE TABLE payment_batches (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('open', 'sent', 'confirmed')),
  message_id TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  confirmed_at INTEGER,
  CHECK (state = 'open' OR sent_at IS NOT NULL),
  CHECK (state <> 'confirmed' OR confirmed_at IS NOT NULL)
);

-- One instalment paid on a request. The request's hands are copied in, so that a CHECK can
-- keep the executor apart from them, and the trigger below that they are the request's.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES aid_requests (id),
  instalment INTEGER NOT NULL CHECK (instalment >= 1),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  idempotency_key TEXT NOT NULL UNIQUE,
  batch_id INTEGER NOT NULL REFERENCES payment_batches (id),
  bank_account_id INTEGER NOT NULL REFERENCES bank_accounts (id),
  envelope_id INTEGER NOT NULL REFERENCES aid_envelopes (id),
  executed_by INTEGER NOT NULL REFERENCES users (id),
  requester_id INTEGER NOT NULL,
  instructor_id INTEGER NOT NULL,
  approver_id INTEGER,
  committer_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (request_id, instalment),
  CHECK (executed_by <> requester_id AND executed_by <> instructor_id
         AND executed_by <> committer_id AND (approver_id IS NULL OR executed_by <> approver_id))
);
CREATE INDEX payments_by_batch ON payments (batch_id, id);

CREATE TRIGGER payments_hands_are_the_requests BEFORE INSERT ON payments
WHEN NOT EXISTS (
  SELECT 1 FROM aid_requests r
  WHERE r.id = NEW.request_id AND r.state = 'committed'
    AND r.requester_id = NEW.requester_id AND r.instructor_id = NEW.instructor_id
    AND r.approver_id IS NEW.approver_id AND r.committer_id = NEW.committer_id
    AND r.envelope_id = NEW.envelope_id)
BEGIN
  SELECT RAISE(ABORT, 'a payment must be of a committed request and copy its hands');
END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN
  SELECT RAISE(ABORT, 'payments are never changed');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
  SELECT RAISE(ABORT, 'payments are never deleted');
END;
