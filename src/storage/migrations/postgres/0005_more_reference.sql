-- More reference data filled by `maplace import` (kinds fap2021, tension-2021, diplomas and
-- cfa-sifa; domain/reference/tables.h describes the same tables). Natural keys only. A NULL is a
-- value the source leaves out, never a zero or an empty code.

-- Dares FAP 2021 nomenclature, each FAP341 family with its FAP228, FAP86 and FAP22 parents.
CREATE TABLE fap2021_families (
  fap341_code TEXT NOT NULL,
  fap341_label TEXT NOT NULL,
  fap228_code TEXT NOT NULL,
  fap228_label TEXT NOT NULL,
  fap86_code TEXT NOT NULL,
  fap86_label TEXT NOT NULL,
  fap22_code TEXT NOT NULL,
  fap22_label TEXT NOT NULL,
  PRIMARY KEY (fap341_code)
);
-- Labour-market tension (Dares, France Travail) by ROME v3 code and employment area ("201").
-- Offers and job seekers are yearly means published with decimals: stored in hundredths,
-- rounded. The indicators are quintiles, 1 to 5.
CREATE TABLE tension_indicators (
  year BIGINT NOT NULL,
  rome_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  offers_x100 BIGINT NOT NULL,
  job_seekers_x100 BIGINT NOT NULL,
  tension BIGINT,
  hiring_intensity BIGINT,
  labour_shortage BIGINT,
  non_durable_jobs BIGINT,
  working_conditions BIGINT,
  geographic_mismatch BIGINT,
  training_specificity BIGINT,
  PRIMARY KEY (year, rome_code, area_code)
);
-- Education nationale professional diplomas (CAP, BP, Bac pro, BTS…), by CFD code.
CREATE TABLE professional_diplomas (
  cfd_code TEXT NOT NULL,
  diploma_code TEXT NOT NULL,
  diploma_type TEXT NOT NULL,
  specialty TEXT NOT NULL,
  level BIGINT NOT NULL,
  rncp_code TEXT,
  sector TEXT,
  commission TEXT NOT NULL,
  first_session BIGINT NOT NULL,
  last_session BIGINT,
  PRIMARY KEY (cfd_code)
);
-- DEPP SIFA list of CFA (2020), by UAI.
CREATE TABLE cfa_sifa (
  uai TEXT NOT NULL,
  management_code TEXT NOT NULL,
  name TEXT NOT NULL,
  patronym TEXT NOT NULL,
  address TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  town TEXT NOT NULL,
  surveyed BIGINT,
  nature TEXT NOT NULL,
  specificity TEXT,
  status TEXT NOT NULL,
  siret TEXT,
  PRIMARY KEY (uai)
);
CREATE INDEX fap2021_families_by_fap228 ON fap2021_families (fap228_code);
CREATE INDEX tension_indicators_by_area ON tension_indicators (area_code);
CREATE INDEX professional_diplomas_by_rncp ON professional_diplomas (rncp_code);
CREATE INDEX cfa_sifa_by_siret ON cfa_sifa (siret);
