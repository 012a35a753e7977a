// GET /api/v1/search: offers, trainings and jobs by words, filters and place, with facets
// (issue 4 §4). Public, read-only, answered from memory (the index and its cards).
#include <fmt/format.h>

#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "web/error_response.h"
#include "web/routes.h"
#include "web/search/search_request.h"

namespace maplace::web {
namespace {

nlohmann::json FacetJson(const search::Facet& facet) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [value, count] : facet) out[value] = count;
  return out;
}

nlohmann::json HitJson(const SearchHit& hit) {
  const search::Card& c = hit.card;
  nlohmann::json out = {{"kind", search::DocKindName(c.kind)},
                        {"title", c.title},
                        {"subtitle", c.subtitle},
                        {"url", c.url},
                        {"rome", c.rome_code}};
  if (c.kind == search::DocKind::kJob) {
    out["id"] = c.rome_code;
  } else {
    out["id"] = c.local_id;
    out["commune"] = c.commune;
    out["level"] = c.level == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.level);
    out["contract"] = search::ContractKindName(c.contract);
    out["start"] = c.start_day == 0 ? nlohmann::json(nullptr)
                                    : nlohmann::json(FormatIsoDate(Date(
                                          std::chrono::sys_days(std::chrono::days(c.start_day)))));
    out["published_at"] = c.published_at;
    out["applications"] = c.applications;
  }
  if (!std::isnan(hit.distance_km)) out["distance_km"] = std::round(hit.distance_km * 10) / 10;
  return out;
}

}  // namespace

void AddSearchApi(Router& router, const WebServices& services) {
  router.Get("/api/v1/search", Access::Public(), [&services](Request& request) {
    auto parsed = ParseSearchRequest(request, services.search, std::time(nullptr));
    if (!parsed)
      return JsonError(400, "invalid_argument", "Recherche invalide.", parsed.error().fields,
                       request.request_id);
    // The index's generation before the search: an answer kept for it is the one a fresh
    // search would give (the feed puts cards before it moves the index on).
    std::string key = search::QueryKey(parsed->query);
    if (parsed->place != nullptr) key += parsed->place->insee_code;  // named in the body
    auto& answers = *services.search.api_answers;
    if (auto kept = answers.Find(key, services.search.index.generation()))
      return Json(200, std::move(*kept));
    const search::Results results = services.search.index.Search(parsed->query);
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& hit : HitsWithCards(results, services.search.cards))
      hits.push_back(HitJson(hit));
    nlohmann::json body = {{"total", results.total},
                           {"page", parsed->query.page},
                           {"page_size", parsed->query.page_size},
                           {"results", std::move(hits)},
                           {"facets",
                            {{"kind", FacetJson(results.facets.kind)},
                             {"level", FacetJson(results.facets.level)},
                             {"contract", FacetJson(results.facets.contract)},
                             {"area", FacetJson(results.facets.area)},
                             {"sector", FacetJson(results.facets.sector)},
                             {"rome", FacetJson(results.facets.rome)}}}};
    if (parsed->place != nullptr) {
      body["place"] = {{"commune", parsed->place->insee_code},
                       {"name", parsed->place->name},
                       {"radius_km", results.radius_km},
                       {"widened", results.widened}};
    }
    std::string text = body.dump();
    answers.Store(key, results.generation, text);
    return Json(200, std::move(text));
  });
}

}  // namespace maplace::web
