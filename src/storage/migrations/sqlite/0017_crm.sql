-- The advisors' back office (issue 8): partner organisations, a folded name to search
-- organisations by, the IDCC -> branch -> OPCO seed, contacts, portfolios and interactions.

-- Partners (LADOM, missions locales…) join employers and CFAs. SQLite cannot alter a CHECK
-- constraint; widening it leaves every stored row valid, so the table's SQL is edited in place
-- (https://www.sqlite.org/lang_altertable.html, "making other kinds of table schema changes")
-- rather than rebuilt, which would cascade deletes to every table referencing organisations.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (kind IN (''employer'', ''cfa''))',
                     'CHECK (kind IN (''employer'', ''cfa'', ''partner''))')
 WHERE type = 'table' AND name = 'organisations';
PRAGMA writable_schema = RESET;

-- The name lower-cased, accents stripped and punctuation turned to spaces: the same folding as
-- crm::FoldName (domain/crm/fold.cc), which folds the words searched for. Kept by triggers (a
-- virtual generated column is computed again for every row a search reads: 15 ms per 1,000
-- organisations) in three steps, since SQLite's parser refuses 73 nested calls.
ALTER TABLE organisations ADD COLUMN folded_name TEXT NOT NULL DEFAULT '';
CREATE TRIGGER organisations_fold_insert AFTER INSERT ON organisations BEGIN
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(name), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'ã', 'a'), 'å', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'Ã', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'í', 'i')
  WHERE id = new.id;
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ì', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Í', 'i'), 'Ì', 'i'), 'ô', 'o'), 'ö', 'o'), 'ó', 'o'), 'ò', 'o'), 'õ', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'Ó', 'o'), 'Ò', 'o'), 'Õ', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'ú', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ú', 'u'), 'ÿ', 'y'), 'Ÿ', 'y')
  WHERE id = new.id;
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ý', 'y'), 'Ý', 'y'), 'ñ', 'n'), 'Ñ', 'n'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), '''', ' '), '’', ' '), '-', ' '), '.', ' '), ',', ' '), ';', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '"', ' '), '_', ' '), '%', ' '), '«', ' '), '»', ' ')
  WHERE id = new.id;
END;
CREATE TRIGGER organisations_fold_update AFTER UPDATE OF name ON organisations BEGIN
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(name), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'ã', 'a'), 'å', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'Ã', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'í', 'i')
  WHERE id = new.id;
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ì', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Í', 'i'), 'Ì', 'i'), 'ô', 'o'), 'ö', 'o'), 'ó', 'o'), 'ò', 'o'), 'õ', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'Ó', 'o'), 'Ò', 'o'), 'Õ', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'ú', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ú', 'u'), 'ÿ', 'y'), 'Ÿ', 'y')
  WHERE id = new.id;
  UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ý', 'y'), 'Ý', 'y'), 'ñ', 'n'), 'Ñ', 'n'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), '''', ' '), '’', ' '), '-', ' '), '.', ' '), ',', ' '), ';', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '"', ' '), '_', ' '), '%', ' '), '«', ' '), '»', ' ')
  WHERE id = new.id;
END;
UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(name), 'à', 'a'), 'â', 'a'), 'ä', 'a'), 'á', 'a'), 'ã', 'a'), 'å', 'a'), 'À', 'a'), 'Â', 'a'), 'Ä', 'a'), 'Á', 'a'), 'Ã', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'è', 'e'), 'ê', 'e'), 'ë', 'e'), 'É', 'e'), 'È', 'e'), 'Ê', 'e'), 'Ë', 'e'), 'î', 'i'), 'ï', 'i'), 'í', 'i')
  WHERE 1 = 1;
UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ì', 'i'), 'Î', 'i'), 'Ï', 'i'), 'Í', 'i'), 'Ì', 'i'), 'ô', 'o'), 'ö', 'o'), 'ó', 'o'), 'ò', 'o'), 'õ', 'o'), 'Ô', 'o'), 'Ö', 'o'), 'Ó', 'o'), 'Ò', 'o'), 'Õ', 'o'), 'ù', 'u'), 'û', 'u'), 'ü', 'u'), 'ú', 'u'), 'Ù', 'u'), 'Û', 'u'), 'Ü', 'u'), 'Ú', 'u'), 'ÿ', 'y'), 'Ÿ', 'y')
  WHERE 1 = 1;
UPDATE organisations SET folded_name =
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(folded_name, 'ý', 'y'), 'Ý', 'y'), 'ñ', 'n'), 'Ñ', 'n'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), '''', ' '), '’', ' '), '-', ' '), '.', ' '), ',', ' '), ';', ' '), '/', ' '), '&', ' '), '(', ' '), ')', ' '), '"', ' '), '_', ' '), '%', ' '), '«', ' '), '»', ' ')
  WHERE 1 = 1;
CREATE INDEX organisations_by_folded_name ON organisations (folded_name);
CREATE INDEX organisations_by_idcc ON organisations (idcc);
CREATE INDEX organisations_by_commune ON organisations (commune_code);

-- Reference seed (data/seed/idcc_branches.csv, maplace import idcc-branches).
CREATE TABLE idcc_branches (
  idcc TEXT PRIMARY KEY,
  branch TEXT NOT NULL,
  opco TEXT NOT NULL
);
CREATE INDEX idcc_branches_by_opco ON idcc_branches (opco);

-- People at an organisation, known to the advisors; not platform users.
CREATE TABLE crm_contacts (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  job_title TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  folded TEXT NOT NULL,  -- crm::FoldName of the name and e-mail, searched
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX crm_contacts_by_organisation ON crm_contacts (organisation_id);

-- An advisor's portfolio: one referent advisor per organisation.
CREATE TABLE crm_portfolio (
  organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  advisor_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  assigned_at INTEGER NOT NULL
);
CREATE INDEX crm_portfolio_by_advisor ON crm_portfolio (advisor_id);

-- Visits, calls, e-mails and events, about an organisation and/or a young person.
CREATE TABLE crm_interactions (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
  young_person_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  advisor_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'email', 'event')),
  occurred_on TEXT NOT NULL,  -- ISO date
  summary TEXT NOT NULL,
  next_action TEXT NOT NULL DEFAULT '',
  next_action_due TEXT NOT NULL DEFAULT '',  -- ISO date, '' when no next action
  next_action_done INTEGER NOT NULL DEFAULT 0 CHECK (next_action_done IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (organisation_id IS NOT NULL OR young_person_id IS NOT NULL)
);
CREATE INDEX crm_interactions_by_organisation ON crm_interactions (organisation_id, occurred_on);
CREATE INDEX crm_interactions_by_young_person ON crm_interactions (young_person_id, occurred_on);
CREATE INDEX crm_interactions_by_advisor_due
  ON crm_interactions (advisor_id, next_action_done, next_action_due);
CREATE INDEX crm_interactions_by_date ON crm_interactions (occurred_on, id);

CREATE TABLE crm_interaction_contacts (
  interaction_id INTEGER NOT NULL REFERENCES crm_interactions (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES crm_contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (interaction_id, contact_id)
);
CREATE INDEX crm_interaction_contacts_by_contact ON crm_interaction_contacts (contact_id);
