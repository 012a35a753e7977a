#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "domain/offers/offer.h"

namespace maplace::offers {

class OfferRepository {
 public:
  virtual ~OfferRepository() = default;
  virtual Result<std::int64_t> Create(const Offer& offer) = 0;
  // Everything but id, organisation_id, created_by and created_at. kNotFound for an unknown id.
  virtual Status Update(const Offer& offer) = 0;
  virtual Result<Offer> FindById(std::int64_t id) = 0;
  virtual Result<Offer> FindByExtensionToken(const std::string& token_hash) = 0;
  // Newest first.
  virtual Result<std::vector<Offer>> ListByOrganisation(std::int64_t organisation_id) = 0;
  // Published or paused, not hidden, by id.
  virtual Result<std::vector<Offer>> ListOpen() = 0;
  // Every offer ever made (drafts included), by id: for the steering indicators.
  virtual Result<std::vector<Offer>> ListAll() = 0;
  // Published offers expiring at or before `before` (for reminders and expiry).
  virtual Result<std::vector<Offer>> ListPublishedExpiringBy(UnixSeconds before) = 0;

  // Relays to CFAs. AddRelay: kAlreadyExists when the offer was already sent to that CFA.
  virtual Status AddRelay(const OfferRelay& relay) = 0;
  virtual Result<std::vector<OfferRelay>> RelaysOf(std::int64_t offer_id) = 0;  // oldest first
  // The relays a CFA received, newest first.
  virtual Result<std::vector<OfferRelay>> RelaysTo(std::int64_t cfa_organisation_id) = 0;

  virtual Result<std::int64_t> AddReport(const OfferReport& report) = 0;
  // Unresolved reports, oldest first.
  virtual Result<std::vector<OfferReport>> OpenReports() = 0;
  // Marks every report of the offer resolved.
  virtual Status ResolveReports(std::int64_t offer_id) = 0;
};

}  // namespace maplace::offers
