#include "importers/importers.h"

#include "importers/readers.h"

namespace maplace::importers {

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"rome", "ROME 4.0 folder of unix_*_v460_utf8.csv files (jobs, titles, texts, skills)"},
      {"rome-v3", "ROME 3.46 codes with their historical labels (CSV)"},
      {"fap-rome", "Dares FAP 2009 - PCS - ROME correspondence (CSV)"},
      {"bmo", "BMO hiring projects by job family and employment area, any years (CSV)"},
      {"areas", "BMO employment areas (CSV)"},
      {"communes", "communes with postal codes, coordinates, population and area (CSV)"},
      {"certifications", "Certif Info folder (levels, RNCP, CFD, ROME links; Kit apprentissage)"},
      {"cfa", "apprenticeship training organisations, UAI-SIRET referential (CSV)"},
      {"idcc", "folder of collective agreements (IDCC) and RNCP codes per OPCO (CSV)"},
  };
  return kinds;
}

Result<reference::Dataset> Read(std::string_view kind, const std::filesystem::path& path,
                                const Progress& progress) {
  if (kind == "rome") return ReadRome(path, progress);
  if (kind == "rome-v3") return ReadRomeV3(path, progress);
  if (kind == "fap-rome") return ReadFapRome(path, progress);
  if (kind == "bmo") return ReadBmo(path, progress);
  if (kind == "areas") return ReadAreas(path, progress);
  if (kind == "communes") return ReadCommunes(path, progress);
  if (kind == "certifications") return ReadCertifications(path, progress);
  if (kind == "cfa") return ReadCfas(path, progress);
  if (kind == "idcc") return ReadIdcc(path, progress);
  return Fail(ErrorCode::kInvalidArgument, "unknown import kind: " + std::string(kind));
}

}  // namespace maplace::importers
