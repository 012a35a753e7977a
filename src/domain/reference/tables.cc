#include "domain/reference/tables.h"

namespace maplace::reference::tables {
namespace {
constexpr auto kText = ColumnType::kText;
constexpr auto kInteger = ColumnType::kInteger;
}  // namespace

const TableSpec& RomeGrandDomains() {
  static const TableSpec spec{"rome_grand_domains", {{"code", kText}, {"label", kText}}, 1, {}};
  return spec;
}

const TableSpec& RomeProfessionalDomains() {
  static const TableSpec spec{
      "rome_professional_domains", {{"code", kText}, {"label", kText}}, 1, {}};
  return spec;
}

const TableSpec& RomeJobs() {
  static const TableSpec spec{"rome_jobs",
                              {{"code", kText},
                               {"label", kText},
                               {"grand_domain_code", kText},
                               {"professional_domain_code", kText},
                               {"parent_code", kText},
                               {"definition", kText},
                               {"access", kText}},
                              1,
                              {}};
  return spec;
}

const TableSpec& RomeJobTitles() {
  static const TableSpec spec{"rome_job_titles",
                              {{"ogr_code", kText},
                               {"rome_code", kText},
                               {"label", kText},
                               {"short_label", kText},
                               {"is_main", kInteger}},
                              1,
                              {}};
  return spec;
}

const TableSpec& RomeSkills() {
  static const TableSpec spec{
      "rome_skills", {{"ogr_code", kText}, {"label", kText}, {"kind", kText}}, 1, {}};
  return spec;
}

const TableSpec& RomeJobSkills() {
  static const TableSpec spec{
      "rome_job_skills", {{"rome_code", kText}, {"ogr_code", kText}}, 2, {}};
  return spec;
}

const TableSpec& RomeMobility() {
  static const TableSpec spec{
      "rome_mobility", {{"rome_code", kText}, {"target_code", kText}, {"rank", kInteger}}, 2, {}};
  return spec;
}

const TableSpec& RomeV3Labels() {
  static const TableSpec spec{"rome_v3_labels", {{"code", kText}, {"label", kText}}, 1, {}};
  return spec;
}

const TableSpec& FapRome() {
  static const TableSpec spec{"fap_rome", {{"fap_code", kText}, {"rome_code", kText}}, 2, {}};
  return spec;
}

const TableSpec& BmoFigures() {
  static const TableSpec spec{"bmo_figures",
                              {{"year", kInteger},
                               {"fap_code", kText},
                               {"area_code", kText},
                               {"fap_label", kText},
                               {"family_code", kText},
                               {"family_label", kText},
                               {"projects", kInteger},
                               {"difficult", kInteger},
                               {"seasonal", kInteger}},
                              3,
                              0};
  return spec;
}

const TableSpec& EmploymentAreas() {
  static const TableSpec spec{"employment_areas", {{"code", kText}, {"name", kText}}, 1, {}};
  return spec;
}

const TableSpec& Communes() {
  static const TableSpec spec{
      "communes",
      {{"insee_code", kText}, {"name", kText}, {"department", kText}, {"population", kInteger}},
      1,
      {}};
  return spec;
}

const TableSpec& PostalCodes() {
  static const TableSpec spec{
      "postal_codes",
      {{"postal_code", kText}, {"insee_code", kText}, {"routing_label", kText}},
      3,
      {}};
  return spec;
}

const TableSpec& CommuneAreas() {
  static const TableSpec spec{
      "commune_areas", {{"insee_code", kText}, {"area_code", kText}}, 1, {}};
  return spec;
}

const TableSpec& CommunePositions() {
  static const TableSpec spec{
      "commune_positions",
      {{"insee_code", kText}, {"latitude_e6", kInteger}, {"longitude_e6", kInteger}},
      1,
      {}};
  return spec;
}

const TableSpec& Certifications() {
  static const TableSpec spec{"certifications",
                              {{"certifinfo_code", kText},
                               {"label", kText},
                               {"diploma_type", kText},
                               {"level", kInteger},
                               {"rncp_code", kText},
                               {"cfd_code", kText},
                               {"apprenticeship", kInteger},
                               {"rncp_apprenticeship", kInteger}},
                              1,
                              {}};
  return spec;
}

const TableSpec& CertificationRome() {
  static const TableSpec spec{
      "certification_rome",
      {{"certifinfo_code", kText}, {"rome_code", kText}, {"rank", kInteger}},
      2,
      {}};
  return spec;
}

const TableSpec& Cfas() {
  static const TableSpec spec{"cfas",
                              {{"siret", kText},
                               {"uai", kText},
                               {"name", kText},
                               {"trade_name", kText},
                               {"address", kText},
                               {"postal_code", kText},
                               {"commune", kText}},
                              1,
                              {}};
  return spec;
}

const TableSpec& CollectiveAgreements() {
  static const TableSpec spec{
      "collective_agreements", {{"idcc", kText}, {"title", kText}, {"short_title", kText}}, 1, {}};
  return spec;
}

const TableSpec& OpcoCertifications() {
  static const TableSpec spec{
      "opco_certifications", {{"opco", kText}, {"rncp_code", kText}}, 2, {}};
  return spec;
}

const TableSpec& Fap2021Families() {
  static const TableSpec spec{"fap2021_families",
                              {{"fap341_code", kText},
                               {"fap341_label", kText},
                               {"fap228_code", kText},
                               {"fap228_label", kText},
                               {"fap86_code", kText},
                               {"fap86_label", kText},
                               {"fap22_code", kText},
                               {"fap22_label", kText}},
                              1,
                              {}};
  return spec;
}

const TableSpec& TensionIndicators() {
  static const TableSpec spec{"tension_indicators",
                              {{"year", kInteger},
                               {"rome_code", kText},
                               {"area_code", kText},
                               {"offers_x100", kInteger},
                               {"job_seekers_x100", kInteger},
                               {"tension", kInteger},
                               {"hiring_intensity", kInteger},
                               {"labour_shortage", kInteger},
                               {"non_durable_jobs", kInteger},
                               {"working_conditions", kInteger},
                               {"geographic_mismatch", kInteger},
                               {"training_specificity", kInteger}},
                              3,
                              {}};
  return spec;
}

const TableSpec& ProfessionalDiplomas() {
  static const TableSpec spec{"professional_diplomas",
                              {{"cfd_code", kText},
                               {"diploma_code", kText},
                               {"diploma_type", kText},
                               {"specialty", kText},
                               {"level", kInteger},
                               {"rncp_code", kText},
                               {"sector", kText},
                               {"commission", kText},
                               {"first_session", kInteger},
                               {"last_session", kInteger}},
                              1,
                              {}};
  return spec;
}

const TableSpec& CfaSifa() {
  static const TableSpec spec{"cfa_sifa",
                              {{"uai", kText},
                               {"management_code", kText},
                               {"name", kText},
                               {"patronym", kText},
                               {"address", kText},
                               {"postal_code", kText},
                               {"town", kText},
                               {"surveyed", kInteger},
                               {"nature", kText},
                               {"specificity", kText},
                               {"status", kText},
                               {"siret", kText}},
                              1,
                              {}};
  return spec;
}

const TableSpec& Npec() {
  static const TableSpec spec{"npec",
                              {{"rncp_code", kText},
                               {"cpne_code", kText},
                               {"cpne_label", kText},
                               {"certification_label", kText},
                               {"yearly_cents", kInteger},
                               {"applicable_from", kText},
                               {"status", kText}},
                              2,
                              {}};
  return spec;
}

}  // namespace maplace::reference::tables
