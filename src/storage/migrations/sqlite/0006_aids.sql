-- What the aids engine reads and keeps: France compétences' référentiel des NPEC (filled by
-- `maplace import npec`; domain/reference/tables.h describes the same table) and the values of
-- rules parameters set by an administrator (domain/aids/aids_repository.h).

-- NPEC (niveau de prise en charge): the yearly amount the OPCO of a branch (CPNE) pays the CFA
-- per apprenticeship contract preparing a certification. Amounts in cents; dates as
-- "YYYY-MM-DD". A NULL is a value the référentiel leaves out.
CREATE TABLE npec (
  rncp_code TEXT NOT NULL,
  cpne_code TEXT NOT NULL,
  cpne_label TEXT NOT NULL,
  certification_label TEXT,
  yearly_cents INTEGER NOT NULL CHECK (yearly_cents > 0),
  applicable_from TEXT,
  status TEXT,
  PRIMARY KEY (rncp_code, cpne_code)
);
CREATE INDEX npec_by_cpne ON npec (cpne_code);

-- A parameter of rules/*.toml set in place of the file's value. Every change is also in
-- audit_events ("aid_parameter.set", subject "aid_parameter:<name>"). changed_by is a user id,
-- 0 for the system; changed_at Unix seconds.
CREATE TABLE aid_parameter_overrides (
  name TEXT PRIMARY KEY,
  value REAL NOT NULL,
  reason TEXT NOT NULL,
  changed_by INTEGER NOT NULL DEFAULT 0,
  changed_at INTEGER NOT NULL
);
