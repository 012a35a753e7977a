#include "search/bench/api_paths.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <functional>

#include "core/text.h"

namespace maplace::search::bench {
namespace {

// The 34 communes of Martinique (INSEE codes 97201–97234).
std::string MartiniqueCommune(const std::string& insee) {
  if (insee.starts_with("972")) return insee;
  return fmt::format("972{:02}", 1 + std::hash<std::string>{}(insee) % 34);
}

std::string_view SortName(Sort sort) {
  switch (sort) {
    case Sort::kRelevance:
      return "relevance";
    case Sort::kDistance:
      return "distance";
    case Sort::kRecent:
      return "recent";
    case Sort::kFewestApplications:
      return "applications";
  }
  return "relevance";
}

}  // namespace

std::string ApiPath(const BenchQuery& b) {
  const Query& q = b.query;
  std::string path = "/api/v1/search?q=" + text::UrlEncode(q.text);
  for (auto kind : q.kinds) path += fmt::format("&kind={}", DocKindName(kind));
  for (int level : q.levels) path += fmt::format("&level={}", level);
  for (auto contract : q.contracts) path += fmt::format("&contract={}", ContractKindName(contract));
  if (q.has_place) {
    path += fmt::format("&commune={}&radius_km={}", MartiniqueCommune(b.commune),
                        static_cast<int>(std::lround(q.radius_km)));
  }
  if (q.sort != Sort::kRelevance) path += fmt::format("&sort={}", SortName(q.sort));
  return path;
}

}  // namespace maplace::search::bench
