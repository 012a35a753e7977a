#include "domain/fakes/in_memory_offers.h"

#include <algorithm>

namespace maplace::fakes {
namespace {

using offers::Offer;
using offers::OfferReport;
using offers::OfferState;

class Offers final : public offers::OfferRepository {
 public:
  explicit Offers(OffersState& s) : s_(s) {}

  Result<std::int64_t> Create(const Offer& offer) override {
    Offer copy = offer;
    copy.id = s_.next_id++;
    s_.offers[copy.id] = copy;
    return copy.id;
  }
  Status Update(const Offer& offer) override {
    auto it = s_.offers.find(offer.id);
    if (it == s_.offers.end()) return Fail(ErrorCode::kNotFound, "no such offer");
    Offer copy = offer;
    copy.organisation_id = it->second.organisation_id;
    copy.created_by = it->second.created_by;
    copy.created_at = it->second.created_at;
    it->second = copy;
    return Ok();
  }
  Result<Offer> FindById(std::int64_t id) override {
    auto it = s_.offers.find(id);
    if (it == s_.offers.end()) return Fail(ErrorCode::kNotFound, "no such offer");
    return it->second;
  }
  Result<Offer> FindByExtensionToken(const std::string& token_hash) override {
    for (const auto& [id, o] : s_.offers)
      if (!token_hash.empty() && o.extension_token_hash == token_hash) return o;
    return Fail(ErrorCode::kNotFound, "no such offer");
  }
  Result<std::vector<Offer>> ListByOrganisation(std::int64_t organisation_id) override {
    std::vector<Offer> out;
    for (auto it = s_.offers.rbegin(); it != s_.offers.rend(); ++it)
      if (it->second.organisation_id == organisation_id) out.push_back(it->second);
    return out;
  }
  Result<std::vector<Offer>> ListOpen() override {
    std::vector<Offer> out;
    for (const auto& [id, o] : s_.offers)
      if (offers::IsOpen(o.state) && !o.hidden) out.push_back(o);
    return out;
  }
  Status AddRelay(const offers::OfferRelay& relay) override {
    for (const auto& r : s_.relays)
      if (r.offer_id == relay.offer_id && r.cfa_organisation_id == relay.cfa_organisation_id)
        return Fail(ErrorCode::kAlreadyExists, "relayed already");
    s_.relays.push_back(relay);
    return Ok();
  }
  Result<std::vector<offers::OfferRelay>> RelaysOf(std::int64_t offer_id) override {
    std::vector<offers::OfferRelay> out;
    for (const auto& r : s_.relays)
      if (r.offer_id == offer_id) out.push_back(r);
    return out;
  }
  Result<std::vector<offers::OfferRelay>> RelaysTo(std::int64_t cfa) override {
    std::vector<offers::OfferRelay> out;
    for (auto it = s_.relays.rbegin(); it != s_.relays.rend(); ++it)
      if (it->cfa_organisation_id == cfa) out.push_back(*it);
    return out;
  }
  Result<std::vector<Offer>> ListAll() override {
    std::vector<Offer> out;
    for (const auto& [id, o] : s_.offers) out.push_back(o);
    return out;
  }
  Result<std::vector<Offer>> ListPublishedExpiringBy(UnixSeconds before) override {
    std::vector<Offer> out;
    for (const auto& [id, o] : s_.offers)
      if (o.state == OfferState::kPublished && o.expires_at <= before) out.push_back(o);
    return out;
  }
  Result<std::int64_t> AddReport(const OfferReport& report) override {
    if (!s_.offers.count(report.offer_id)) return Fail(ErrorCode::kNotFound, "no such offer");
    OfferReport copy = report;
    copy.id = s_.next_id++;
    s_.reports[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<OfferReport>> OpenReports() override {
    std::vector<OfferReport> out;
    for (const auto& [id, r] : s_.reports)
      if (!r.resolved) out.push_back(r);
    return out;
  }
  Status ResolveReports(std::int64_t offer_id) override {
    for (auto& [id, r] : s_.reports)
      if (r.offer_id == offer_id) r.resolved = true;
    return Ok();
  }

 private:
  OffersState& s_;
};

}  // namespace

std::unique_ptr<offers::OfferRepository> MakeInMemoryOffers(OffersState& state) {
  return std::make_unique<Offers>(state);
}

}  // namespace maplace::fakes
