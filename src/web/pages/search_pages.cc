// « Trouver une alternance »: one box for a job or words, one for the place, results with the
// facts that matter (distance, date, level, applications already received), filters with
// their counts, pagination; the URL is the search, so it can be shared (issue 4 §2). Works
// without JavaScript; the lists of communes and levels are plain HTML.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/date.h"
#include "core/text.h"
#include "domain/trainings/training.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/young_pages.h"
#include "web/routes.h"
#include "web/search/search_request.h"

namespace maplace::web {
namespace {

// Cards of communes without a known position come as NaN.
bool IsPlaced(double latitude, double longitude) {
  return !std::isnan(latitude) && !std::isnan(longitude);
}

using Dict = ctemplate::TemplateDictionary;

std::string KindLabel(std::string_view kind, bool plural) {
  if (kind == "offer") return plural ? "Offres d'alternance" : "Offre d'alternance";
  if (kind == "training") return plural ? "Formations en alternance" : "Formation en alternance";
  if (kind == "job") return plural ? "Métiers" : "Métier";
  return std::string(kind);
}

// The certification levels' names are the catalogue's (trainings::LevelLabel).
std::string LevelLabel(int level) {
  return level == 0 ? "Sans niveau" : trainings::LevelLabel(level);
}

std::string ContractLabel(std::string_view code) {
  if (code == "apprentissage") return "Apprentissage";
  if (code == "professionnalisation") return "Professionnalisation";
  return "Non précisé";
}

// The current query string with `name` set to `value` (removed when empty), page reset.
std::string With(const Request& request, const std::string& name, const std::string& value) {
  std::string out;
  for (const auto& [key, v] : request.query) {
    if (key == name || key == "page" || v.empty()) continue;
    out += (out.empty() ? "?" : "&") + text::UrlEncode(key) + "=" + text::UrlEncode(v);
  }
  if (!value.empty())
    out += (out.empty() ? "?" : "&") + text::UrlEncode(name) + "=" + text::UrlEncode(value);
  return "/recherche" + out;
}

std::string PageLink(const Request& request, int page) {
  std::string out;
  for (const auto& [key, v] : request.query) {
    if (key == "page" || v.empty()) continue;
    out += (out.empty() ? "?" : "&") + text::UrlEncode(key) + "=" + text::UrlEncode(v);
  }
  out += (out.empty() ? "?" : "&") + fmt::format("page={}", page);
  return "/recherche" + out;
}

std::string FormatDistance(double km) {
  if (km < 1) return "à moins d'1 km";
  return fmt::format("à {} km", static_cast<long>(std::lround(km)));
}

void AddFacet(Dict& page, const Request& request, const char* heading, const char* parameter,
              const search::Facet& facet,
              const std::function<std::string(const std::string&)>& label) {
  if (facet.empty()) return;
  Dict* group = page.AddSectionDictionary("FACET");
  group->SetValue("HEADING", heading);
  const std::string chosen = request.Query(parameter);
  for (const auto& [value, count] : facet) {
    if (value == "0" || value == "none") continue;
    Dict* item = group->AddSectionDictionary("VALUE");
    item->SetValue("LABEL", label(value));
    item->SetValue("COUNT", std::to_string(count));
    item->SetValue("HREF", With(request, parameter, chosen == value ? "" : value));
    if (chosen == value) item->ShowSection("CHOSEN");
  }
}

Response SearchPage(Request& request, const WebServices& services) {
  Page page(request, "Trouver une alternance", "pages/search.tpl");
  const std::string q = request.Query("q");
  page.Set("Q", q);
  page.Set("COMMUNE", request.Query("commune"));
  for (const auto& [code, commune] : services.search.communes) {
    Dict* option = page.dict().AddSectionDictionary("COMMUNE_OPTION");
    option->SetValue("NAME", commune.name);
  }
  const std::string radius = request.Query("radius_km").empty() ? "30" : request.Query("radius_km");
  for (const char* km : {"10", "30", "50", "100"}) {
    Dict* option = page.dict().AddSectionDictionary("RADIUS_OPTION");
    option->SetValue("VALUE", km);
    if (radius == km) option->ShowSection("SELECTED");
  }
  const std::string sort = request.Query("sort");
  for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
           {"", "Pertinence"},
           {"distance", "Distance"},
           {"recent", "Les plus récentes"},
           {"applications", "Le moins de candidatures"}}) {
    Dict* option = page.dict().AddSectionDictionary("SORT_OPTION");
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label);
    if (sort == value) option->ShowSection("SELECTED");
  }
  const std::string kind = request.Query("kind");
  if (kind == "offer") page.Show("KIND_OFFER");
  if (kind == "training") page.Show("KIND_TRAINING");
  if (kind == "job") page.Show("KIND_JOB");

  const bool asked = !request.query.empty();
  if (!asked) return page.Render(services.templates);

  auto parsed = ParseSearchRequest(request, services.search, std::time(nullptr));
  if (!parsed) {
    page.Errors(parsed.error());
    return page.Render(services.templates, 400);
  }
  // Without a chosen kind, the list holds offers and trainings, and the jobs the words name
  // come beside it (a job has no place: a radius would leave them all out).
  search::Query& query = parsed->query;
  if (query.kinds.empty()) {
    query.kinds = {search::DocKind::kOffer, search::DocKind::kTraining};
    if (!query.text.empty()) {
      search::Query jobs_query;
      jobs_query.text = query.text;
      jobs_query.kinds = {search::DocKind::kJob};
      jobs_query.page_size = 3;
      const search::Results jobs = services.search.index.Search(jobs_query);
      if (!jobs.hits.empty()) {
        Dict* list = page.dict().AddSectionDictionary("JOBS");
        for (const SearchHit& hit : HitsWithCards(jobs, services.search.cards)) {
          Dict* job = list->AddSectionDictionary("JOB");
          job->SetValue("TITLE", hit.card.title);
          job->SetValue("HREF", hit.card.url);
        }
      }
    }
  }
  const search::Results results = services.search.index.Search(query);
  Dict* section = page.dict().AddSectionDictionary("RESULTS");
  // The young person's « Enregistrer cette recherche » and favourite buttons (young_pages).
  AddSaveSearchForm(*section, request, services);
  const auto favourites = LoadFavouriteKeys(request, services);
  std::string here = "/recherche";
  for (const auto& [key, v] : request.query)
    here += fmt::format("{}{}={}", here.size() == 10 ? "?" : "&", text::UrlEncode(key),
                        text::UrlEncode(v));
  section->SetValue("TOTAL", results.total == 0   ? "Aucun résultat"
                             : results.total == 1 ? "1 résultat"
                                                  : fmt::format("{} résultats", results.total));
  if (parsed->place != nullptr) {
    if (results.widened && results.radius_km > 0) {
      section->SetValueAndShowSection(
          "TEXT",
          fmt::format("Rien dans le rayon demandé autour de {} : voici les résultats à moins de "
                      "{} km.",
                      parsed->place->name, static_cast<long>(results.radius_km)),
          "WIDENED");
    } else if (results.widened) {
      section->SetValueAndShowSection(
          "TEXT",
          fmt::format("Rien à moins de 100 km de {} : voici les résultats de tous nos "
                      "territoires.",
                      parsed->place->name),
          "WIDENED");
    }
  }
  const std::vector<SearchHit> hits = HitsWithCards(results, services.search.cards);
  const bool placed = std::any_of(hits.begin(), hits.end(), [](const SearchHit& hit) {
    return IsPlaced(hit.card.latitude, hit.card.longitude);
  });
  if (placed && !services.site.map_tiles.empty()) {
    Dict* map = section->AddSectionDictionary("MAP");
    map->SetValue("TILES", services.site.map_tiles);
    map->SetValue("ATTRIBUTION", services.site.map_attribution);
    if (parsed->place != nullptr && parsed->place->HasPosition()) {
      Dict* centre = map->AddSectionDictionary("CENTRE");
      centre->SetValue("LAT", fmt::format("{:.5f}", parsed->place->latitude));
      centre->SetValue("LON", fmt::format("{:.5f}", parsed->place->longitude));
    }
  }
  for (const SearchHit& hit : hits) {
    const search::Card& c = hit.card;
    Dict* item = section->AddSectionDictionary("HIT");
    if (IsPlaced(c.latitude, c.longitude)) {
      Dict* place = item->AddSectionDictionary("PLACE");
      place->SetValue("LAT", fmt::format("{:.5f}", c.latitude));
      place->SetValue("LON", fmt::format("{:.5f}", c.longitude));
      place->SetValue("COMMUNE", c.commune);
    }
    item->SetValue("KIND", KindLabel(search::DocKindName(c.kind), false));
    item->SetValue("TITLE", c.title);
    item->SetValue("HREF", c.url);
    if (!c.subtitle.empty()) item->SetValueAndShowSection("SUBTITLE", c.subtitle, "HAS_SUBTITLE");
    std::vector<std::string> facts;
    if (!c.commune.empty())
      facts.push_back(std::isnan(hit.distance_km)
                          ? c.commune
                          : fmt::format("{}, {}", c.commune, FormatDistance(hit.distance_km)));
    if (c.level != 0) facts.push_back(LevelLabel(c.level));
    if (c.contract != search::ContractKind::kNone)
      facts.push_back(ContractLabel(search::ContractKindName(c.contract)));
    if (c.kind != search::DocKind::kJob) {
      facts.push_back(c.start_day == 0 ? std::string("Début dès que possible")
                                       : "Début le " + FormatFrenchDate(Date(std::chrono::sys_days(
                                                           std::chrono::days(c.start_day)))));
    }
    if (c.kind == search::DocKind::kOffer) {
      if (c.published_at > 0)
        facts.push_back("Publiée le " + FormatFrenchDate(MartiniqueDate(c.published_at)));
      facts.push_back(c.applications == 0 ? std::string("Aucune candidature pour l'instant")
                      : c.applications == 1
                          ? std::string("1 candidature reçue")
                          : fmt::format("{} candidatures reçues", c.applications));
    }
    for (const std::string& fact : facts)
      item->AddSectionDictionary("FACT")->SetValue("TEXT", fact);
    if (c.kind != search::DocKind::kJob)
      AddFavouriteButton(*item, request, favourites,
                         c.kind == search::DocKind::kOffer ? young_people::FavouriteKind::kOffer
                                                           : young_people::FavouriteKind::kTraining,
                         c.local_id, c.title, here);
  }
  AddFacet(*section, request, "Type", "kind", results.facets.kind,
           [](const std::string& v) { return KindLabel(v, true); });
  AddFacet(*section, request, "Niveau visé", "level", results.facets.level,
           [](const std::string& v) { return LevelLabel(std::atoi(v.c_str())); });
  AddFacet(*section, request, "Contrat", "contract", results.facets.contract, ContractLabel);

  const int pages = static_cast<int>((results.total + parsed->query.page_size - 1) /
                                     static_cast<std::uint32_t>(parsed->query.page_size));
  const int current = parsed->query.page;
  if (pages > 1) {
    Dict* pager = section->AddSectionDictionary("PAGER");
    pager->SetValue("TEXT", fmt::format("Page {} sur {}", current, pages));
    if (current > 1)
      pager->SetValueAndShowSection("HREF", PageLink(request, current - 1), "PREVIOUS");
    if (current < pages) {
      Dict* next = pager->AddSectionDictionary("NEXT");
      next->SetValue("HREF", PageLink(request, current + 1));
    }
  }
  return page.Render(services.templates);
}

}  // namespace

void AddSearchPages(Router& router, const WebServices& services) {
  router.Get("/recherche", Access::Public(),
             [&services](Request& request) { return SearchPage(request, services); });
}

}  // namespace maplace::web
