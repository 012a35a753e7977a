#pragma once

#include <cstdint>
#include <vector>

#include "core/geo.h"  // DistanceKm

namespace maplace::search {

// The index files places in cells of 0.1° × 0.1° (about 11 km × 8–11 km in France and the
// overseas departments), so a place + radius query reads a few hundred cells at most.
std::uint64_t CellOf(double latitude, double longitude);
// The cells that may hold a point within `radius_km` of (latitude, longitude).
std::vector<std::uint64_t> CellsAround(double latitude, double longitude, double radius_km);

}  // namespace maplace::search
