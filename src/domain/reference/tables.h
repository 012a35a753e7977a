#pragma once

#include "domain/reference/dataset.h"

// The reference tables that importers fill, as the migrations create them
// (storage/migrations/*/0002_reference.sql, 0003_catalogue.sql). Instants and counts are integers;
// coordinates are integer micro-degrees, so that values compare exactly on both databases.
namespace maplace::reference::tables {

const TableSpec& RomeGrandDomains();         // code, label
const TableSpec& RomeProfessionalDomains();  // code, label
// code, label, grand_domain_code, professional_domain_code, parent_code, definition, access
const TableSpec& RomeJobs();
const TableSpec& RomeJobTitles();  // ogr_code, rome_code, label, short_label, is_main
const TableSpec& RomeSkills();     // ogr_code, label, kind (savoir_faire, savoir_etre, savoir)
const TableSpec& RomeJobSkills();  // rome_code, ogr_code
const TableSpec& RomeMobility();   // rome_code, target_code, rank
const TableSpec& RomeV3Labels();   // code, label
const TableSpec& FapRome();        // fap_code, rome_code (FAP 2009 ↔ ROME v3, Dares)
// year, fap_code, area_code, fap_label, family_code, family_label, projects, difficult, seasonal;
// partitioned by year. NULL counts are secret cells.
const TableSpec& BmoFigures();
const TableSpec& EmploymentAreas();   // code, name
const TableSpec& Communes();          // insee_code, name, department, population (nullable)
const TableSpec& PostalCodes();       // postal_code, insee_code, routing_label
const TableSpec& CommuneAreas();      // insee_code, area_code
const TableSpec& CommunePositions();  // insee_code, latitude_e6, longitude_e6

// Certif Info certifications: certifinfo_code, label, diploma_type, level (3..8, NULL: none),
// rncp_code ("RNCP38410", NULL: none), cfd_code (NULL: none), apprenticeship (Certif Info's
// accessibilite_ca as published: 1 yes, 0 no, 2 undocumented — never to be read as yes),
// rncp_apprenticeship (the Kit apprentissage's answer for the RNCP fiche: 1 oui, 0 non; NULL
// when the kit does not list the fiche or says NR). When Certif Info leaves rncp_code or
// cfd_code empty and the kit gives exactly one counterpart of the other code, it fills it.
const TableSpec& Certifications();
const TableSpec& CertificationRome();  // certifinfo_code, rome_code (ROME v3), rank (1..5)
// siret, uai (NULL: none), name, trade_name (NULL: none), address, postal_code (NULL: none
// in the address), commune (its name)
const TableSpec& Cfas();
const TableSpec& CollectiveAgreements();  // idcc ("0016"), title, short_title
const TableSpec& OpcoCertifications();    // opco ("akto"), rncp_code ("RNCP38410")

// (storage/migrations/*/0005_more_reference.sql)
// Dares FAP 2021 nomenclature: fap341_code ("A0X41a"), fap341_label, fap228_code, fap228_label,
// fap86_code, fap86_label, fap22_code, fap22_label.
const TableSpec& Fap2021Families();
// Labour-market tension by ROME (v3) and employment area: year, rome_code, area_code ("201"),
// offers_x100, job_seekers_x100 (yearly means published with decimals: hundredths, rounded),
// tension and its six sub-indicators as quintiles (1..5, NULL: not published): tension,
// hiring_intensity, labour_shortage, non_durable_jobs, working_conditions, geographic_mismatch,
// training_specificity.
const TableSpec& TensionIndicators();
// Education nationale professional diplomas: cfd_code ("40024202"), diploma_code as published
// ("400-24202 V"), diploma_type ("BAC PRO"), specialty, level (3..5), rncp_code ("RNCP751",
// NULL: none), sector (NULL: none given), commission, first_session, last_session (NULL: open).
const TableSpec& ProfessionalDiplomas();
// DEPP SIFA list of CFA (2020): uai, management_code, name, patronym, address, postal_code,
// town, surveyed (1, NULL: not in the survey), nature ("600"), specificity (NULL: none), status
// ("nouveau", "present_enquete_sifa"), siret (NULL: none).
const TableSpec& CfaSifa();

// (storage/migrations/*/0006_aids.sql; read through aids::AidsRepository)
// France compétences' référentiel des NPEC: rncp_code ("RNCP1002"), cpne_code ("2"), cpne_label,
// certification_label (NULL: not given), yearly_cents (the « NPEC final » in cents),
// applicable_from ("2023-10-15", NULL: not given), status ("A", NULL: not given).
const TableSpec& Npec();

}  // namespace maplace::reference::tables
