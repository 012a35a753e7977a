// Offers relayed to CFAs (issue 5 §4): the employer chooses among the CFAs that train for the
// offer's job, nearest first; the CFA finds the offers in its space; anyone prints the
// offer's poster with a QR code to its page.
#include <fmt/format.h>

#include <cmath>

#include "core/qr_code.h"
#include "core/time_format.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/offer_facts.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

std::string Distance(double km) {
  if (km < 0) return "distance inconnue";
  if (km < 1) return "à moins d'1 km";
  return fmt::format("à {} km", static_cast<long>(std::lround(km)));
}

Response RelayPage(Request& request, const WebServices& services, const Error* error) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto offer = services.offers.Get(*request.actor, *id);
  if (!offer) return ErrorResponse(request, services.templates, offer.error());
  auto candidates = services.offers.RelayCandidates(*request.actor, *id);
  if (!candidates) return ErrorResponse(request, services.templates, candidates.error());
  Page page(request, "Relayer l'offre aux CFA", "pages/offer_relay.tpl");
  page.Form();
  page.Set("ID", std::to_string(*id));
  page.Set("TITLE", offer->input.title);
  if (error != nullptr) page.Errors(*error);
  if (request.Query("info") == "relaye" && !request.Query("desabonnes").empty())
    page.Notice("success",
                ParseId(request.Query("desabonnes")).value_or(0) == 1
                    ? std::string("L'offre est dans l'espace des CFA choisis. L'un d'eux a "
                                  "choisi de ne plus recevoir ces offres par e-mail : il n'est "
                                  "pas prévenu par courriel, mais la trouve dans son espace.")
                    : fmt::format("L'offre est dans l'espace des CFA choisis. {} d'entre eux ont "
                                  "choisi de ne plus recevoir ces offres par e-mail : ils ne sont "
                                  "pas prévenus par courriel, mais la trouvent dans leur espace.",
                                  ParseId(request.Query("desabonnes")).value_or(0)));
  else if (request.Query("info") == "relaye")
    page.Notice("success", "L'offre est envoyée aux CFA choisis, par e-mail et dans leur espace.");
  bool any_to_send = false;
  for (const auto& c : *candidates) {
    Dict* row = page.dict().AddSectionDictionary(c.relayed ? "RELAYED" : "CANDIDATE");
    row->SetValue("CFA_ID", std::to_string(c.cfa_organisation_id));
    row->SetValue("NAME", c.name);
    row->SetValue("WHERE", c.site_commune.empty()
                               ? Distance(c.distance_km)
                               : fmt::format("{}, {}", c.site_commune, Distance(c.distance_km)));
    row->SetValue("TRAININGS", c.trainings == 1
                                   ? std::string("1 formation à ce métier")
                                   : fmt::format("{} formations à ce métier", c.trainings));
    any_to_send |= !c.relayed;
  }
  if (any_to_send) page.Show("SEND");
  if (candidates->empty()) page.Show("NONE");
  return page.Render(services.templates, error != nullptr ? HttpStatusFor(error->code) : 200);
}

Response RelayedPage(Request& request, const WebServices& services) {
  auto relayed = services.offers.RelayedToMe(*request.actor);
  if (!relayed) return ErrorResponse(request, services.templates, relayed.error());
  Page page(request, "Offres relayées par les employeurs", "pages/cfa_relayed.tpl");
  if (relayed->empty()) page.Show("NONE");
  for (const auto& r : *relayed) {
    Dict* row = page.dict().AddSectionDictionary("OFFER");
    row->SetValue("ID", std::to_string(r.offer.offer.id));
    row->SetValue("TITLE", r.offer.offer.input.title);
    row->SetValue("EMPLOYER", r.offer.organisation_name);
    row->SetValue("WHEN", FormatFrenchDate(TodayIn(r.relayed_at)));
  }
  return page.Render(services.templates);
}

Response PosterPage(Request& request, const WebServices& services) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto offer = services.offers.GetPublished(*id);
  if (!offer) return ErrorResponse(request, services.templates, offer.error());
  const std::string link = fmt::format("{}/offres/{}", services.site.public_url, *id);
  auto qr = QrCodeSvg(link, fmt::format("Code QR vers l'offre : {}", link));
  if (!qr) return ErrorResponse(request, services.templates, qr.error());
  Page page(request, offer->offer.input.title, "pages/offer_poster.tpl");
  FillOfferFacts(page.dict(), services, offer->offer);
  page.Set("ORGANISATION", offer->organisation_name);
  page.Set("LINK", link);
  page.Set("QR", *qr);
  return page.Render(services.templates);
}

}  // namespace

void AddRelayPages(Router& router, const WebServices& services) {
  using people::Role;
  const auto employers = Access::Roles({Role::kEmployer});
  router.Get("/employeur/offres/:id/relayer", employers,
             [&services](Request& request) { return RelayPage(request, services, nullptr); });
  router.Post("/employeur/offres/:id/relayer", employers, [&services](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    std::vector<std::int64_t> chosen;
    for (const auto& [name, value] : request.form) {
      if (name != "cfa") continue;
      if (auto cfa = ParseId(value)) chosen.push_back(*cfa);
    }
    std::vector<std::string> not_mailed;
    auto sent =
        services.offers.Relay(*request.actor, *id, chosen, request.client_address, &not_mailed);
    if (!sent) {
      if (sent.error().code == ErrorCode::kNotFound)
        return ErrorResponse(request, services.templates, sent.error());
      return RelayPage(request, services, &sent.error());
    }
    if (!not_mailed.empty())
      return Redirect(fmt::format("/employeur/offres/{}/relayer?info=relaye&desabonnes={}", *id,
                                  not_mailed.size()));
    return Redirect(fmt::format("/employeur/offres/{}/relayer?info=relaye", *id));
  });
  router.Get("/cfa/offres-relayees", Access::Roles({Role::kCfa}),
             [&services](Request& request) { return RelayedPage(request, services); });
  router.Get("/offres/:id/affiche", Access::Public(),
             [&services](Request& request) { return PosterPage(request, services); });
}

}  // namespace maplace::web
