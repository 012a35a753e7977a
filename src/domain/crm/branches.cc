#include "domain/crm/branches.h"

namespace maplace::crm {

bool IsOpcoCode(std::string_view code) {
  for (auto c : kOpcoCodes)
    if (c == code) return true;
  return false;
}

std::string_view OpcoLabel(std::string_view code) {
  if (code == "akto") return "AKTO";
  if (code == "opco2i") return "OPCO 2i";
  if (code == "constructys") return "Constructys";
  if (code == "ocapiat") return "Ocapiat";
  if (code == "atlas") return "ATLAS";
  return code;
}

const reference::TableSpec& IdccBranchesTable() {
  using reference::ColumnType;
  static const reference::TableSpec spec{
      "idcc_branches",
      {{"idcc", ColumnType::kText}, {"branch", ColumnType::kText}, {"opco", ColumnType::kText}},
      1,
      {}};
  return spec;
}

}  // namespace maplace::crm
