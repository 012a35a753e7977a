-- Accounts, organisations, sessions, one-time links, the mail outbox and the audit trail.
-- Instants are Unix seconds (UTC); booleans are 0/1, as on SQLite, so one code path binds both.
CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('young_person', 'employer', 'cfa', 'advisor', 'manager',
                                     'finance', 'admin')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
  password_hash TEXT NOT NULL,
  is_demo SMALLINT NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE organisations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('employer', 'cfa')),
  name TEXT NOT NULL,
  siret TEXT NOT NULL DEFAULT '',
  uai TEXT NOT NULL DEFAULT '',
  is_demo SMALLINT NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member'))
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE one_time_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('email_verification', 'password_reset',
                                           'email_change', 'invitation')),
  user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
  email TEXT NOT NULL DEFAULT '',
  organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
  member_role TEXT NOT NULL DEFAULT 'member' CHECK (member_role IN ('admin', 'member')),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);

CREATE TABLE mail_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);

CREATE TABLE audit_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_user_id BIGINT NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  client_address TEXT NOT NULL DEFAULT ''
);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
