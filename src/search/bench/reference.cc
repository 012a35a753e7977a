#include "search/bench/reference.h"

#include <fmt/format.h>

#include "search/analyzer.h"

namespace maplace::search::bench {
namespace {

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

template <typename T, typename F>
std::string InList(const std::vector<T>& values, F&& format) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + format(v);
  return out;
}

}  // namespace

std::string SqlFilters(const Query& q) {
  std::string sql = "1 = 1";
  if (!q.kinds.empty())
    sql += " AND d.kind IN (" +
           InList(q.kinds, [](DocKind k) { return std::to_string(static_cast<int>(k)); }) + ")";
  if (!q.levels.empty())
    sql += " AND d.level IN (" + InList(q.levels, [](int l) { return std::to_string(l); }) + ")";
  if (!q.contracts.empty())
    sql += " AND d.contract IN (" +
           InList(q.contracts, [](ContractKind k) { return std::to_string(static_cast<int>(k)); }) +
           ")";
  if (!q.areas.empty()) sql += " AND d.area IN (" + InList(q.areas, Quoted) + ")";
  if (!q.sectors.empty())
    sql += " AND d.sector IN (" +
           InList(q.sectors, [](char c) { return Quoted(std::string(1, c)); }) + ")";
  if (!q.rome_codes.empty()) sql += " AND d.rome IN (" + InList(q.rome_codes, Quoted) + ")";
  if (q.start_from != 0) sql += fmt::format(" AND (d.start = 0 OR d.start >= {})", q.start_from);
  if (q.start_to != 0) sql += fmt::format(" AND (d.start = 0 OR d.start <= {})", q.start_to);
  if (q.has_place && q.radius_km > 0) {
    const double dlat = q.radius_km / 111.0;
    const double dlon = q.radius_km / (111.0 * std::cos(q.latitude * 3.14159265358979 / 180) * 0.9);
    sql += fmt::format(" AND d.lat BETWEEN {} AND {} AND d.lon BETWEEN {} AND {} AND {} <= {}",
                       q.latitude - dlat, q.latitude + dlat, q.longitude - dlon, q.longitude + dlon,
                       fmt::format("dist_km(d.lat, d.lon, {}, {})", q.latitude, q.longitude),
                       q.radius_km);
  }
  return sql;
}

std::vector<std::string> QueryTerms(const Query& query, bool stem, bool* last_is_prefix) {
  const std::string folded = Fold(query.text);
  const auto words = Words(folded);
  const bool typing = query.matching.prefix && !query.text.empty() && query.text.back() != ' ';
  std::vector<std::string> stems;
  *last_is_prefix = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool last = i + 1 == words.size();
    if (last && typing && words[i].size() >= 2) {
      stems.emplace_back(words[i]);  // a prefix of the folded word, not a stem
      *last_is_prefix = true;
      continue;
    }
    if (IsStopWord(words[i])) continue;
    stems.push_back(stem ? Stem(words[i]) : std::string(words[i]));
  }
  return stems;
}

}  // namespace maplace::search::bench
