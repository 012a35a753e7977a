#pragma once

#include <memory>

#include "domain/offers/offer_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// The employers' offers and their reports (migration 0011).
std::unique_ptr<offers::OfferRepository> MakeSqlOffers(soci::session& sql);

}  // namespace maplace::storage
