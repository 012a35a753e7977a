#pragma once

#include <array>
#include <string>
#include <string_view>

#include "domain/reference/dataset.h"

// Professional branches and the OPCO that finances each (issue 8): no open dataset maps an IDCC
// to its branch and OPCO, so the project carries a seed (data/seed/idcc_branches.csv, loaded by
// `maplace import idcc-branches` into the reference table idcc_branches). Read it through
// CrmRepository::BranchOf / Branches, or join idcc_branches on organisations.idcc in SQL.
namespace maplace::crm {

// The OPCOs the delegation serves or works with, by stable code.
inline constexpr std::array<std::string_view, 5> kOpcoCodes = {"akto", "opco2i", "constructys",
                                                               "ocapiat", "atlas"};
bool IsOpcoCode(std::string_view code);
// "AKTO", "OPCO 2i", "Constructys", "Ocapiat", "ATLAS"; the code itself when unknown.
std::string_view OpcoLabel(std::string_view code);

// One collective agreement's branch.
struct Branch {
  std::string idcc;  // 4 digits, as organisations.idcc
  std::string name;  // "Hôtels, cafés, restaurants"
  std::string opco;  // a code of kOpcoCodes
  bool operator==(const Branch&) const = default;
};

// The reference table the seed fills: idcc, branch, opco (migration 0017).
const reference::TableSpec& IdccBranchesTable();

}  // namespace maplace::crm
