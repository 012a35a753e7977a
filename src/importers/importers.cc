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
  return Fail(ErrorCode::kInvalidArgument, "unknown import kind: " + std::string(kind));
}

}  // namespace maplace::importers
