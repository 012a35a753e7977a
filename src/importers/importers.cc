#include "importers/importers.h"

#include "importers/readers.h"

namespace maplace::importers {

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"rome", "ROME 4.0 folder of unix_*_v460_utf8.csv files (jobs, titles, texts, skills)"},
      {"rome-v3", "ROME 3.46 codes with their historical labels (CSV)"},
      {"fap-rome", "Dares FAP 2009 - PCS - ROME correspondence (CSV)"},
      {"bmo", "BMO hiring projects by job family and employment area, any years (CSV)"},
      {"areas", "BMO employment areas with their communes' INSEE codes (CSV)"},
      {"communes", "communes of France, npm @etalab/decoupage-administratif data/communes.json"},
      {"postal-codes", "postal codes of France, npm codes-postaux codes-postaux.json"},
      {"commune-positions", "commune centroids: code_insee, latitude, longitude (CSV)"},
      {"certifications", "Certif Info folder (levels, RNCP, CFD, ROME links; Kit apprentissage)"},
      {"cfa", "apprenticeship training organisations, UAI-SIRET referential (CSV)"},
      {"idcc", "folder of collective agreements (IDCC) and RNCP codes per OPCO (CSV)"},
      {"fap2021", "Dares FAP 2021 nomenclature, FAP341 to FAP22 (CSV, ;)"},
      {"tension-2021", "2021 labour-market tension by ROME and employment area (CSV, ;)"},
      {"diplomas", "Education nationale professional diplomas by CFD code (CSV, ;)"},
      {"cfa-sifa", "DEPP SIFA list of apprentice training centres by UAI (CSV)"},
      {"npec", "France compétences NPEC référentiel, CSV export of its sheet (; or ,)"},
      {"idcc-branches", "IDCC -> professional branch -> OPCO seed (data/seed/idcc_branches.csv)"},
  };
  return kinds;
}

std::vector<Source> StandardSources(const std::filesystem::path& data,
                                    const std::filesystem::path& node_modules) {
  return {
      {"rome", data / "rome/v460"},
      {"rome-v3", data / "rome/rome_v346_codes.csv"},
      {"fap-rome", data / "rome/fap2009_pcs_rome.csv"},
      {"bmo", data / "bmo/bmo_martinique_2023_2025.csv"},
      {"areas", data / "bmo/bassins_emploi_martinique.csv"},
      {"communes", node_modules / "@etalab/decoupage-administratif/data/communes.json"},
      {"postal-codes", node_modules / "codes-postaux/codes-postaux.json"},
      {"commune-positions", data / "communes/communes_martinique.csv"},
      {"certifications", data / "certifications"},
      {"cfa", data / "cfa/organismes_formation_apprentissage_martinique.csv"},
      {"idcc", data / "idcc"},
      {"fap2021", data / "bmo/fap2021_nomenclature_dares.csv"},
      {"tension-2021", data / "bmo/tension_rome_bassin_martinique_2021.csv"},
      {"diplomas", data / "certifications/diplomes_professionnels_education_nationale.csv"},
      {"cfa-sifa", data / "cfa/cfa_sifa_martinique_2020.csv"},
  };
}

Result<reference::Dataset> Read(std::string_view kind, const std::filesystem::path& path,
                                const Progress& progress) {
  if (kind == "rome") return ReadRome(path, progress);
  if (kind == "rome-v3") return ReadRomeV3(path, progress);
  if (kind == "fap-rome") return ReadFapRome(path, progress);
  if (kind == "bmo") return ReadBmo(path, progress);
  if (kind == "areas") return ReadAreas(path, progress);
  if (kind == "communes") return ReadCommunes(path, progress);
  if (kind == "postal-codes") return ReadPostalCodes(path, progress);
  if (kind == "commune-positions") return ReadCommunePositions(path, progress);
  if (kind == "certifications") return ReadCertifications(path, progress);
  if (kind == "cfa") return ReadCfas(path, progress);
  if (kind == "idcc") return ReadIdcc(path, progress);
  if (kind == "fap2021") return ReadFap2021(path, progress);
  if (kind == "tension-2021") return ReadTension2021(path, progress);
  if (kind == "diplomas") return ReadDiplomas(path, progress);
  if (kind == "cfa-sifa") return ReadCfaSifa(path, progress);
  if (kind == "npec") return ReadNpec(path, progress);
  if (kind == "idcc-branches") return ReadIdccBranches(path, progress);
  return Fail(ErrorCode::kInvalidArgument, "unknown import kind: " + std::string(kind));
}

}  // namespace maplace::importers
