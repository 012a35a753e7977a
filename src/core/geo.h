#pragma once

namespace maplace {

// Great-circle distance in km between two points in degrees (haversine, Earth radius 6371 km).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace maplace
