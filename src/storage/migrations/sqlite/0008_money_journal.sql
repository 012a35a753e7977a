-- The money journal (issue 7 §5, INV-AUDIT): one row per change to an aid request, an envelope
-- or a payment, append-only and hash-chained. domain/journal/journal_entry.h documents the
-- canonical form that `hash` covers; `maplace audit verify` recomputes it.
CREATE TABLE money_journal (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at INTEGER NOT NULL,
  actor_user_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  amount_cents INTEGER,
  before_ref TEXT NOT NULL,
  after_ref TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE TRIGGER money_journal_no_update BEFORE UPDATE ON money_journal
BEGIN
  SELECT RAISE(ABORT, 'money_journal is append-only');
END;
CREATE TRIGGER money_journal_no_delete BEFORE DELETE ON money_journal
BEGIN
  SELECT RAISE(ABORT, 'money_journal is append-only');
END;
