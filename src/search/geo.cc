#include "search/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace maplace::search {
namespace {

constexpr double kCellsPerDegree = 10.0;
constexpr double kKmPerDegreeLatitude = 111.19;

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

std::int64_t CellIndex(double degrees) {
  return static_cast<std::int64_t>(std::floor(degrees * kCellsPerDegree));
}

std::uint64_t Pack(std::int64_t lat_index, std::int64_t lon_index) {
  return (static_cast<std::uint64_t>(lat_index + 1000) << 32) |
         static_cast<std::uint64_t>(lon_index + 2000);
}

}  // namespace

std::uint64_t CellOf(double latitude, double longitude) {
  return Pack(CellIndex(latitude), CellIndex(longitude));
}

std::vector<std::uint64_t> CellsAround(double latitude, double longitude, double radius_km) {
  const double dlat = radius_km / kKmPerDegreeLatitude;
  const double max_abs_lat = std::min(89.0, std::abs(latitude) + dlat);
  const double dlon =
      std::min(180.0, radius_km / (kKmPerDegreeLatitude * std::cos(Radians(max_abs_lat))));
  std::vector<std::uint64_t> cells;
  for (auto i = CellIndex(latitude - dlat); i <= CellIndex(latitude + dlat); ++i)
    for (auto j = CellIndex(longitude - dlon); j <= CellIndex(longitude + dlon); ++j)
      cells.push_back(Pack(i, j));
  return cells;
}

}  // namespace maplace::search
