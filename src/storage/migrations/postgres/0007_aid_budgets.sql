-- Budget envelopes of the aids (domain/budgets): the money set aside for one aid, one year, from
-- one source. Amounts are integer cents. Every change is one conditional UPDATE whose WHERE
-- clause keeps the amounts in order (storage/sql_budgets.cc), and is recorded in audit_events
-- (action "envelope.*", subject "envelope:<id>") in the same transaction. The CHECK below is the
-- last line of defence should any other write forget it.
CREATE TABLE aid_envelopes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aid_id TEXT NOT NULL,
  year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  -- opco: the OPCO's own funds; delegation: funds managed for another OPCO (partner);
  -- convention: a partner convention such as LADOM co-financing (partner); state: the State.
  funding_source TEXT NOT NULL
    CHECK (funding_source IN ('opco', 'delegation', 'convention', 'state')),
  -- '' when the source has no partner, so that the UNIQUE key treats it as a value.
  partner TEXT NOT NULL DEFAULT ''
    CHECK ((funding_source IN ('delegation', 'convention')) = (partner <> '')),
  label TEXT NOT NULL,
  allocated_cents BIGINT NOT NULL,
  committed_cents BIGINT NOT NULL DEFAULT 0,
  paid_cents BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (aid_id, year, funding_source, partner),
  CHECK (0 <= paid_cents AND paid_cents <= committed_cents AND committed_cents <= allocated_cents)
);
CREATE INDEX aid_envelopes_by_year ON aid_envelopes (year, aid_id);
