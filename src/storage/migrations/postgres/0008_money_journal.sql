-- The money journal (issue 7 §5, INV-AUDIT): one row per change to an aid request, an envelope
-- or a payment, append-only and hash-chained. domain/journal/journal_entry.h documents the
-- canonical form that `hash` covers; `maplace audit verify` recomputes it. Appends take
-- pg_advisory_xact_lock(7262) before reading the head (storage/sql_journal.cc).
CREATE TABLE money_journal (
  seq BIGINT PRIMARY KEY CHECK (seq > 0),
  at BIGINT NOT NULL,
  actor_user_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  amount_cents BIGINT,
  before_ref TEXT NOT NULL,
  after_ref TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE FUNCTION money_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'money_journal is append-only';
END;
$$;
CREATE TRIGGER money_journal_no_change BEFORE UPDATE OR DELETE ON money_journal
  FOR EACH ROW EXECUTE FUNCTION money_journal_append_only();
-- Row triggers do not see TRUNCATE.
CREATE TRIGGER money_journal_no_truncate BEFORE TRUNCATE ON money_journal
  FOR EACH STATEMENT EXECUTE FUNCTION money_journal_append_only();
