#pragma once

#include <filesystem>

#include "importers/importers.h"

// One reader per official format; importers.cc dispatches on the kind.
namespace maplace::importers {

Result<reference::Dataset> ReadRome(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadRomeV3(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadFapRome(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadBmo(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadAreas(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadCommunes(const std::filesystem::path& path,
                                        const Progress& progress);
Result<reference::Dataset> ReadPostalCodes(const std::filesystem::path& path,
                                           const Progress& progress);
Result<reference::Dataset> ReadCommunePositions(const std::filesystem::path& path,
                                                const Progress& progress);
// A folder holding certifinfo_certifications.csv, certifinfo_rome.csv and optionally the kit.
Result<reference::Dataset> ReadCertifications(const std::filesystem::path& path,
                                              const Progress& progress);
Result<reference::Dataset> ReadCfas(const std::filesystem::path& path, const Progress& progress);
// A folder holding idcc_conventions_collectives.csv and opco_rncp_perimetre.csv.
Result<reference::Dataset> ReadIdcc(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadFap2021(const std::filesystem::path& path, const Progress& progress);
Result<reference::Dataset> ReadTension2021(const std::filesystem::path& path,
                                           const Progress& progress);
Result<reference::Dataset> ReadDiplomas(const std::filesystem::path& path,
                                        const Progress& progress);
Result<reference::Dataset> ReadCfaSifa(const std::filesystem::path& path, const Progress& progress);
// France compétences' référentiel des NPEC, CSV export of its sheet (npec_importer.cc).
Result<reference::Dataset> ReadNpec(const std::filesystem::path& path, const Progress& progress);
// The project's seed data/seed/idcc_branches.csv: idcc, branche, opco (idcc_branches_importer.cc).
Result<reference::Dataset> ReadIdccBranches(const std::filesystem::path& path,
                                            const Progress& progress);

}  // namespace maplace::importers
