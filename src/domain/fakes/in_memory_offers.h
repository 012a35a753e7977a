#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "domain/offers/offer_repository.h"

namespace maplace::fakes {

// The offers of an InMemoryStore: copied whole to roll a transaction back.
struct OffersState {
  std::map<std::int64_t, offers::Offer> offers;
  std::map<std::int64_t, offers::OfferReport> reports;
  std::vector<offers::OfferRelay> relays;
  std::int64_t next_id = 1;
};

std::unique_ptr<offers::OfferRepository> MakeInMemoryOffers(OffersState& state);

}  // namespace maplace::fakes
