// Relaying an offer to the CFAs that train for its job (issue 5 §4): the employer picks among
// the validated CFAs with a published training for the offer's ROME code, nearest first; each
// CFA receives the offer once, by e-mail and in its space, with a poster to print.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/geo.h"
#include "domain/offers/offer_service.h"
#include "domain/outbox/organisation_mail.h"
#include "domain/outbox/unsubscribe.h"

namespace maplace::offers {
namespace {

constexpr std::size_t kMaxCandidates = 20;

// The candidates of `offer`, read in the caller's transaction.
Result<std::vector<RelayCandidate>> Candidates(Repositories& repos, const Offer& offer) {
  auto communes = repos.jobs().Communes();
  if (!communes) return Fail(communes.error());
  std::map<std::string, jobs::Commune> by_code;
  for (auto& c : *communes) by_code[c.insee_code] = std::move(c);
  const auto workplace = by_code.find(offer.input.commune_code);

  auto trainings = repos.trainings().ListPublished();
  if (!trainings) return Fail(trainings.error());
  std::map<std::int64_t, RelayCandidate> by_cfa;
  for (const auto& t : *trainings) {
    const auto& codes = t.input.rome_codes;
    if (std::find(codes.begin(), codes.end(), offer.input.rome_code) == codes.end()) continue;
    RelayCandidate& c = by_cfa[t.organisation_id];
    c.cfa_organisation_id = t.organisation_id;
    ++c.trainings;
    const auto site = by_code.find(t.input.commune_code);
    if (site == by_code.end()) continue;
    double km = -1;
    if (workplace != by_code.end() && workplace->second.HasPosition() && site->second.HasPosition())
      km = DistanceKm(workplace->second.latitude, workplace->second.longitude,
                      site->second.latitude, site->second.longitude);
    if (c.site_commune.empty() || (km >= 0 && (c.distance_km < 0 || km < c.distance_km))) {
      c.site_commune = site->second.name;
      c.distance_km = km;
    }
  }
  auto relays = repos.offers().RelaysOf(offer.id);
  if (!relays) return Fail(relays.error());
  std::set<std::int64_t> relayed;
  for (const auto& r : *relays) relayed.insert(r.cfa_organisation_id);

  std::vector<RelayCandidate> out;
  for (auto& [id, c] : by_cfa) {
    auto cfa = repos.organisations().FindById(id);
    if (!cfa) return Fail(cfa.error());
    if (cfa->kind != people::OrganisationKind::kCfa ||
        cfa->status != people::OrganisationStatus::kValidated)
      continue;
    c.name = cfa->name;
    c.relayed = relayed.contains(id);
    out.push_back(std::move(c));
  }
  // Nearest first; unknown distances last, then by name.
  std::sort(out.begin(), out.end(), [](const RelayCandidate& a, const RelayCandidate& b) {
    const double da = a.distance_km < 0 ? 1e9 : a.distance_km;
    const double db = b.distance_km < 0 ? 1e9 : b.distance_km;
    return std::tie(da, a.name) < std::tie(db, b.name);
  });
  if (out.size() > kMaxCandidates) out.resize(kMaxCandidates);
  return out;
}

}  // namespace

Result<std::vector<RelayCandidate>> OfferService::RelayCandidates(const people::Actor& actor,
                                                                  std::int64_t id) {
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<RelayCandidate>> {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    if (!Visible(*offer)) return std::vector<RelayCandidate>{};  // only a published offer
    return Candidates(repos, *offer);
  });
}

Result<int> OfferService::Relay(const people::Actor& actor, std::int64_t id,
                                const std::vector<std::int64_t>& cfa_organisation_ids,
                                const std::string& client_address,
                                std::vector<std::string>* not_mailed) {
  if (cfa_organisation_ids.empty())
    return FailFields("no CFA chosen", {{"cfa", "Cochez au moins un CFA."}});
  const UnixSeconds now = clock_.Now();
  int sent = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto offer = Owned(repos, actor, id);
    if (!offer) return Fail(offer.error());
    if (!Visible(*offer))
      return Fail(Error{ErrorCode::kFailedPrecondition,
                        "offer not visible",
                        {{"cfa", "Seule une offre publiée peut être relayée aux CFA."}}});
    auto candidates = Candidates(repos, *offer);
    if (!candidates) return Fail(candidates.error());
    auto employer = repos.organisations().FindById(offer->organisation_id);
    if (!employer) return Fail(employer.error());
    const std::string link = fmt::format("{}/offres/{}", settings_.public_url, id);
    for (std::int64_t cfa :
         std::set<std::int64_t>(cfa_organisation_ids.begin(), cfa_organisation_ids.end())) {
      auto candidate =
          std::find_if(candidates->begin(), candidates->end(),
                       [&](const RelayCandidate& c) { return c.cfa_organisation_id == cfa; });
      if (candidate == candidates->end())
        return FailFields("not a candidate",
                          {{"cfa", "Ce CFA ne forme pas à ce métier : choisissez dans la liste."}});
      if (candidate->relayed) continue;
      if (auto s = repos.offers().AddRelay({id, cfa, actor.user_id, now}); !s) return s;
      const std::string body = fmt::format(
          "{} vous relaie son offre d'alternance « {} », pour un métier auquel votre CFA forme.\n\n"
          "L'offre : {}\nL'affiche à imprimer, avec son code QR : {}/affiche\n\n"
          "Vous la retrouvez aussi dans votre espace, rubrique « Offres relayées ».\n\n"
          "— Ici c'est ma place",
          employer->name, offer->input.title, link, link);
      // Not transactional: members who unsubscribed are skipped (issue 5 §7); the offer is
      // still in the CFA's space.
      auto mailed = outbox::MailOrganisationList(
          repos, cfa,
          fmt::format("Une offre d'alternance pour vos apprentis : {}", offer->input.title), body,
          now, settings_.public_url, outbox::kListRelayedOffers);
      if (!mailed) return Fail(mailed.error());
      if (mailed->sent == 0 && mailed->skipped > 0 && not_mailed)
        not_mailed->push_back(candidate->name);
      if (auto s = Audit(repos, actor.user_id, fmt::format("offer.relayed:cfa:{}", cfa), id,
                         client_address);
          !s)
        return s;
      ++sent;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return sent;
}

Result<std::vector<RelayedOffer>> OfferService::RelayedToMe(const people::Actor& actor) {
  if (actor.role != people::Role::kCfa || !actor.membership)
    return Fail(ErrorCode::kPermissionDenied, "relayed offers are for CFA users");
  std::vector<RelayedOffer> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto relays = repos.offers().RelaysTo(actor.membership->organisation_id);
    if (!relays) return Fail(relays.error());
    for (const auto& relay : *relays) {
      auto offer = repos.offers().FindById(relay.offer_id);
      if (!offer) return Fail(offer.error());
      if (!Visible(*offer)) continue;
      auto employer = repos.organisations().FindById(offer->organisation_id);
      if (!employer) return Fail(employer.error());
      out.push_back({PublicOffer{*offer, employer->name}, relay.relayed_at});
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

}  // namespace maplace::offers
