-- Catalogues filled by `maplace import` (kinds certifications, cfa and idcc;
-- domain/reference/tables.h describes the same tables). Natural keys only. A NULL is a value
-- the source leaves out (no level, no RNCP fiche, no UAI…), never a zero or an empty code.

-- Certif Info certifications. apprenticeship is Certif Info's value as published (1 yes, 0 no,
-- 2 undocumented); rncp_apprenticeship is the Kit apprentissage's answer for the RNCP fiche.
CREATE TABLE certifications (
  certifinfo_code TEXT NOT NULL,
  label TEXT NOT NULL,
  diploma_type TEXT NOT NULL,
  level BIGINT,
  rncp_code TEXT,
  cfd_code TEXT,
  apprenticeship BIGINT NOT NULL,
  rncp_apprenticeship BIGINT,
  PRIMARY KEY (certifinfo_code)
);
CREATE TABLE certification_rome (
  certifinfo_code TEXT NOT NULL,
  rome_code TEXT NOT NULL,
  rank BIGINT NOT NULL,
  PRIMARY KEY (certifinfo_code, rome_code)
);
-- Apprenticeship training organisations, one row per establishment (SIRET).
CREATE TABLE cfas (
  siret TEXT NOT NULL,
  uai TEXT,
  name TEXT NOT NULL,
  trade_name TEXT,
  address TEXT NOT NULL,
  postal_code TEXT,
  commune TEXT NOT NULL,
  PRIMARY KEY (siret)
);
CREATE TABLE collective_agreements (
  idcc TEXT NOT NULL,
  title TEXT NOT NULL,
  short_title TEXT NOT NULL,
  PRIMARY KEY (idcc)
);
-- RNCP certifications attributed to each OPCO (not an IDCC -> OPCO mapping).
CREATE TABLE opco_certifications (
  opco TEXT NOT NULL,
  rncp_code TEXT NOT NULL,
  PRIMARY KEY (opco, rncp_code)
);
CREATE INDEX certifications_by_rncp ON certifications (rncp_code);
CREATE INDEX certifications_by_cfd ON certifications (cfd_code);
CREATE INDEX certification_rome_by_rome ON certification_rome (rome_code);
CREATE INDEX cfas_by_uai ON cfas (uai);
CREATE INDEX opco_certifications_by_rncp ON opco_certifications (rncp_code);
