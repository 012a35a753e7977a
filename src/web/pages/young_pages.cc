// Issue 4 §3, the young person's space: profile (/mon-profil), favourites (/mes-favoris, and the
// button of the offer, training and search pages), saved searches (/mes-recherches, and «
// Enregistrer cette recherche » on /recherche), the alerts' former unsubscribe link
// (/alertes/desabonnement, kept for the mails sent before they used /desabonnement), and what an
// employer may see of a profile (/employeur/jeunes/:id, README of domain/young_people).
#include "web/pages/young_pages.h"

#include <fmt/format.h>

#include <ctime>
#include <regex>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "domain/trainings/training.h"
#include "domain/young_people/young_people_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/form_support.h"
#include "web/pages/staff_support.h"
#include "web/search/search_request.h"

namespace maplace::web {
namespace {

using people::Role;
using young_people::FavouriteKind;
using Dict = ctemplate::TemplateDictionary;

constexpr char kProfile[] = "/mon-profil";
constexpr char kFavourites[] = "/mes-favoris";
constexpr char kSearches[] = "/mes-recherches";
constexpr char kUnsubscribe[] = "/alertes/desabonnement";

// The certification levels' names are the catalogue's (trainings::LevelLabel).
std::string LevelLabel(int level) {
  return level == 0 ? "Peu importe" : trainings::LevelLabel(level);
}

std::string CommuneName(const WebServices& services, const std::string& code) {
  auto it = services.search.communes.find(code);
  return it == services.search.communes.end() ? code : it->second.name;
}

// "Personnel de cuisine (G1602)" or "g1602" -> "G1602"; a label from the list -> its code.
std::string RomeCodeOf(const WebServices& services, const std::string& typed) {
  static const std::regex kCode("([A-Na-n][0-9]{4})\\)?\\s*$");
  const std::string trimmed(text::Trim(typed));
  std::smatch match;
  if (std::regex_search(trimmed, match, kCode)) {
    std::string code = match[1];
    code[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[0])));
    return code;
  }
  if (auto jobs = services.jobs.Jobs())
    for (const auto& job : *jobs)
      if (text::AsciiLower(job.label) == text::AsciiLower(trimmed)) return job.code;
  return trimmed;
}

std::string RomeFieldValue(const WebServices& services, const std::string& code) {
  if (code.empty()) return "";
  if (auto jobs = services.jobs.Jobs())
    for (const auto& job : *jobs)
      if (job.code == code) return fmt::format("{} ({})", job.label, job.code);
  return code;
}

// Where a field's message goes in young_profile.tpl.
const std::map<std::string, std::string>& ProfileErrorSections() {
  static const std::map<std::string, std::string> sections = {
      {"wishes", "WISHES_ERR"},   {"rome_code", "ROME_ERR"},       {"level", "LEVEL_ERR"},
      {"commune", "COMMUNE_ERR"}, {"mobility_km", "MOBILITY_ERR"}, {"birth_date", "BIRTH_ERR"},
      {"phone", "PHONE_ERR"}};
  return sections;
}

Response ProfilePage(const Request& request, const WebServices& services, const Error* error,
                     int status) {
  auto mine = services.young_people->MyProfile(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mon profil", "pages/young_profile.tpl");
  page.Form();
  if (request.Query("info") == "profil-enregistre")
    page.Notice("success", "Votre profil est enregistré.");
  const bool posted = request.method == "POST";
  const auto& p = *mine;
  page.Set("WISHES", posted ? request.Form("wishes") : p ? p->wishes : "");
  page.Set("ROME",
           posted ? request.Form("rome_code") : RomeFieldValue(services, p ? p->rome_code : ""));
  page.Set("COMMUNE", posted ? request.Form("commune")
                      : p    ? CommuneName(services, p->commune_code)
                             : "");
  page.Set("MOBILITY",
           posted ? request.Form("mobility_km") : std::to_string(p ? p->mobility_km : 30));
  page.Set("BIRTH", posted ? request.Form("birth_date") : p ? p->birth_date : "");
  page.Set("PHONE", posted ? request.Form("phone") : p ? p->phone : "");
  if (posted ? !request.Form("visible").empty() : p && p->visible_to_employers)
    page.Show("VISIBLE");
  if (p && young_people::IsMinor(*p, MartiniqueDate(std::time(nullptr))))
    page.Show("MINOR");
  else
    page.Show("NOT_MINOR");
  const std::string level = posted          ? request.Form("level")
                            : p && p->level ? std::to_string(p->level)
                                            : "";
  for (int l : {0, 3, 4, 5, 6, 7, 8}) {
    Dict* option = page.dict().AddSectionDictionary("LEVEL_OPTION");
    const std::string value = l == 0 ? "" : std::to_string(l);
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", LevelLabel(l));
    if (value == level) option->ShowSection("SELECTED");
  }
  if (auto jobs = services.jobs.Jobs())
    for (const auto& job : *jobs)
      page.dict().AddSectionDictionary("JOB")->SetValue(
          "VALUE", fmt::format("{} ({})", job.label, job.code));
  for (const auto& [code, commune] : services.search.communes)
    page.dict().AddSectionDictionary("COMMUNE_OPTION")->SetValue("NAME", commune.name);
  if (p && !error) {
    std::string href = fmt::format("/recherche?q={}&commune={}&radius_km={}",
                                   text::UrlEncode(p->wishes), p->commune_code, p->mobility_km);
    if (p->level) href += fmt::format("&level={}", p->level);
    page.dict().SetValueAndShowSection("SEARCH_HREF", href, "SAVED");
  }
  if (error) {
    page.Errors(*error);
    for (const auto& [field, message] : error->fields) {
      auto it = ProfileErrorSections().find(field);
      if (it != ProfileErrorSections().end())
        page.dict().AddSectionDictionary(it->second)->SetValue("TEXT", message);
    }
  }
  return page.Render(services.templates, status);
}

Response SaveProfile(const Request& request, const WebServices& services) {
  young_people::ProfileInput in;
  in.wishes = request.Form("wishes");
  in.rome_code = RomeCodeOf(services, request.Form("rome_code"));
  in.level = request.Form("level");
  in.commune_text = request.Form("commune");
  if (const jobs::Commune* c =
          services.search.FindCommune(std::string(text::Trim(in.commune_text))))
    in.commune_code = c->insee_code;
  in.mobility_km = request.Form("mobility_km");
  in.birth_date = request.Form("birth_date");
  in.phone = request.Form("phone");
  in.visible_to_employers = !request.Form("visible").empty();
  auto saved = services.young_people->SaveProfile(*request.actor, in);
  if (saved) return Redirect(std::string(kProfile) + "?info=profil-enregistre");
  if (saved.error().code == ErrorCode::kInvalidArgument)
    return ProfilePage(request, services, &saved.error(), 422);
  return ErrorResponse(request, services.templates, saved.error());
}

// ---------- Favourites ----------

Response FavouritesPage(const Request& request, const WebServices& services) {
  auto mine = services.young_people->Favourites(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mes favoris", "pages/young_favourites.tpl");
  page.Form();
  if (mine->empty()) page.Show("NONE");
  FavouriteKeys keys;
  for (const auto& v : *mine) keys.emplace(v.favourite.kind, v.favourite.target_id);
  for (const auto& v : *mine) {
    const bool offer = v.favourite.kind == FavouriteKind::kOffer;
    Dict* row = page.dict().AddSectionDictionary("ITEM");
    row->SetValue("KIND", offer ? "Offre d'alternance" : "Formation en alternance");
    row->SetValue("NOUN", offer ? "offre" : "formation");
    row->SetValue("TITLE", v.title);
    row->SetValue("HREF", v.url);
    row->SetValue("DATE", FormatFrenchLongDate(MartiniqueDate(v.favourite.created_at)));
    if (!v.subtitle.empty()) row->SetValueAndShowSection("SUBTITLE", v.subtitle, "HAS_SUBTITLE");
    if (v.available) {
      row->ShowSection("OPEN");
    } else {
      row->SetValueAndShowSection("STATE", v.state, "CLOSED");
    }
    AddFavouriteButton(*row, request, keys, v.favourite.kind, v.favourite.target_id, v.title,
                       kFavourites);
  }
  return page.Render(services.templates);
}

Response ChangeFavourite(const Request& request, const WebServices& services, bool add) {
  auto kind = young_people::ParseFavouriteKind(request.Form("kind"));
  auto id = ParseId(request.Form("id"));
  if (!kind || !id) return ErrorResponse(request, services.templates, 404);
  Status done = add ? services.young_people->AddFavourite(*request.actor, *kind, *id)
                    : services.young_people->RemoveFavourite(*request.actor, *kind, *id);
  // Twice the same click (two tabs, a double submit) is no mistake.
  const bool same = !done && (done.error().code == ErrorCode::kAlreadyExists ||
                              (!add && done.error().code == ErrorCode::kNotFound));
  if (!done && !same) return ErrorResponse(request, services.templates, done.error());
  return Redirect(SafeReturnPath(request.Form("retour"), kFavourites));
}

// ---------- Saved searches ----------

// The query string of a search, checked as /recherche reads it, without the page, in a stable
// order; kInvalidArgument (French "query" field) when /recherche would refuse it.
Result<std::string> CanonicalQuery(const std::string& raw, const WebServices& services,
                                   std::string* default_name) {
  Request parsed;
  for (auto& [key, value] : text::ParseUrlEncoded(raw)) {
    static const std::set<std::string> kKept = {"q",    "kind",    "rome",      "level", "contract",
                                                "area", "commune", "radius_km", "sort"};
    if (!kKept.contains(key) || value.empty()) continue;
    parsed.query.emplace_back(key, value);
  }
  if (parsed.query.empty())
    return FailFields("empty search",
                      {{"query", "Lancez d'abord une recherche, puis enregistrez-la."}});
  auto checked = ParseSearchRequest(parsed, services.search, std::time(nullptr));
  if (!checked)
    return FailFields("bad search", {{"query",
                                      "Cette recherche contient une erreur : "
                                      "corrigez-la avant de l'enregistrer."}});
  std::stable_sort(parsed.query.begin(), parsed.query.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [key, value] : parsed.query)
    out += fmt::format("{}{}={}", out.empty() ? "" : "&", text::UrlEncode(key),
                       text::UrlEncode(value));
  if (default_name) {
    std::string name(text::Trim(parsed.Query("q")));
    if (checked->place)
      name +=
          fmt::format("{}{}", name.empty() ? "Offres près de " : " près de ", checked->place->name);
    if (name.empty()) name = "Ma recherche";
    *default_name = name;
  }
  return out;
}

// « soudure · près de Le Lamentin, 30 km · niveau 4 »
std::string Summary(const std::string& query, const WebServices& services) {
  Request parsed;
  parsed.query = text::ParseUrlEncoded(query);
  std::vector<std::string> parts;
  if (auto q = parsed.Query("q"); !q.empty()) parts.push_back(fmt::format("« {} »", q));
  if (auto commune = parsed.Query("commune"); !commune.empty()) {
    const jobs::Commune* c = services.search.FindCommune(commune);
    auto radius = parsed.Query("radius_km");
    parts.push_back(
        fmt::format("près de {}, {} km", c ? c->name : commune, radius.empty() ? "30" : radius));
  }
  for (const auto& [key, value] : parsed.query)
    if (key == "level") parts.push_back(LevelLabel(std::atoi(value.c_str())));
  if (auto kind = parsed.Query("kind"); kind == "offer")
    parts.push_back("offres");
  else if (kind == "training")
    parts.push_back("formations");
  return parts.empty() ? std::string("Toutes les offres") : JoinText(parts, " · ");
}

Response SearchesPage(const Request& request, const WebServices& services, const Error* error,
                      int status) {
  auto mine = services.young_people->Searches(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mes recherches", "pages/young_searches.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"recherche-enregistree",
       "Votre recherche est enregistrée. Avec l'alerte, les nouvelles offres vous arrivent par "
       "e-mail, une fois par jour au plus."},
      {"alerte-activee", "L'alerte est activée."},
      {"alerte-coupee", "L'alerte est coupée."},
      {"recherche-supprimee", "La recherche est supprimée."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error) page.Errors(*error);
  if (mine->empty()) page.Show("NONE");
  for (const auto& s : *mine) {
    Dict* row = page.dict().AddSectionDictionary("SEARCH");
    row->SetValue("ID", std::to_string(s.id));
    row->SetValue("NAME", s.name);
    row->SetValue("QUERY", s.query);
    row->SetValue("SUMMARY", Summary(s.query, services));
    row->SetValue("CSRF", request.CsrfToken());
    row->ShowSection(s.alerts ? "ALERTS_ON" : "ALERTS_OFF");
  }
  return page.Render(services.templates, status);
}

Response SaveSearch(const Request& request, const WebServices& services) {
  std::string default_name;
  auto query = CanonicalQuery(request.Form("query"), services, &default_name);
  if (!query) return SearchesPage(request, services, &query.error(), 422);
  std::string name(text::Trim(request.Form("name")));
  if (name.empty()) name = default_name;
  auto saved = services.young_people->SaveSearch(*request.actor, name, *query,
                                                 !request.Form("alerts").empty());
  if (saved) return Redirect(std::string(kSearches) + "?info=recherche-enregistree");
  const auto code = saved.error().code;
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists ||
      code == ErrorCode::kResourceExhausted)
    return SearchesPage(request, services, &saved.error(), HttpStatusFor(code));
  return ErrorResponse(request, services.templates, saved.error());
}

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

// ---------- Unsubscribe (no login) ----------

Response UnsubscribePage(const Request& request, const WebServices& services, bool done,
                         const Error* error, int status) {
  Page page(request, "Alertes par e-mail", "pages/young_unsubscribe.tpl");
  page.Form();
  if (error) page.Errors(*error);
  if (done) {
    page.Show("DONE");
  } else if (!error) {
    page.Show("ASK");
    page.Set("TOKEN", request.Query("token"));
  }
  return page.Render(services.templates, status);
}

// ---------- What an employer may see ----------

Response EmployerViewPage(const Request& request, const WebServices& services, std::int64_t id) {
  auto view = services.young_people->ForEmployer(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  Page page(request, "Profil de " + view->display_name, "pages/young_employer_view.tpl");
  page.Set("NAME", view->display_name);
  page.Set("WISHES", view->wishes);
  if (!view->rome_code.empty())
    page.dict().SetValueAndShowSection("ROME", RomeFieldValue(services, view->rome_code),
                                       "HAS_ROME");
  page.Set("LEVEL", LevelLabel(view->level));
  page.Set("COMMUNE", CommuneName(services, view->commune_code));
  page.Set("MOBILITY", std::to_string(view->mobility_km));
  if (!view->phone.empty()) page.dict().SetValueAndShowSection("PHONE", view->phone, "HAS_PHONE");
  return page.Render(services.templates);
}

}  // namespace

std::optional<FavouriteKeys> LoadFavouriteKeys(const Request& request,
                                               const WebServices& services) {
  if (!request.actor || request.actor->role != Role::kYoungPerson || !services.young_people)
    return std::nullopt;
  auto keys = services.young_people->FavouriteKeys(*request.actor);
  if (!keys) return std::nullopt;
  return *keys;
}

void AddFavouriteButton(Dict& dict, const Request& request,
                        const std::optional<FavouriteKeys>& keys, FavouriteKind kind,
                        std::int64_t id, const std::string& title, const std::string& return_to) {
  if (!keys) return;
  Dict* d = dict.AddIncludeDictionary("FAVOURITE");
  d->SetFilename("partials/young_favourite.tpl");
  const bool kept = keys->contains({kind, id});
  d->SetValue("ACTION", kept ? std::string(kFavourites) + "/retirer" : kFavourites);
  d->SetValue("CSRF", request.CsrfToken());
  d->SetValue("KIND", std::string(young_people::FavouriteKindCode(kind)));
  d->SetValue("ID", std::to_string(id));
  d->SetValue("RETURN", return_to);
  d->SetValue("TITLE", title);
  d->ShowSection(kept ? "REMOVE" : "ADD");
}

void AddSaveSearchForm(Dict& dict, const Request& request, const WebServices& services) {
  if (!request.actor || request.actor->role != Role::kYoungPerson || !services.young_people) return;
  std::string raw;
  for (const auto& [key, value] : request.query)
    raw += fmt::format("{}{}={}", raw.empty() ? "" : "&", text::UrlEncode(key),
                       text::UrlEncode(value));
  std::string name;
  auto query = CanonicalQuery(raw, services, &name);
  if (!query) return;
  Dict* d = dict.AddIncludeDictionary("SAVE_SEARCH");
  d->SetFilename("partials/young_save_search.tpl");
  d->SetValue("CSRF", request.CsrfToken());
  d->SetValue("QUERY", *query);
  d->SetValue("NAME", name);
}

void AddYoungPages(Router& router, const WebServices& services) {
  const auto young = Access::Roles({Role::kYoungPerson});
  const auto employers = Access::Roles({Role::kEmployer});

  router.Get(kProfile, young, [&services](Request& request) {
    return ProfilePage(request, services, nullptr, 200);
  });
  router.Post(kProfile, young,
              [&services](Request& request) { return SaveProfile(request, services); });

  router.Get(kFavourites, young,
             [&services](Request& request) { return FavouritesPage(request, services); });
  router.Post(kFavourites, young,
              [&services](Request& request) { return ChangeFavourite(request, services, true); });
  router.Post(std::string(kFavourites) + "/retirer", young,
              [&services](Request& request) { return ChangeFavourite(request, services, false); });

  router.Get(kSearches, young, [&services](Request& request) {
    return SearchesPage(request, services, nullptr, 200);
  });
  router.Post(kSearches, young,
              [&services](Request& request) { return SaveSearch(request, services); });
  router.Post(std::string(kSearches) + "/:id/alertes", young,
              WithId(services, [&services](Request& request, std::int64_t id) {
                const bool on = request.Form("alerts") == "1";
                auto done = services.young_people->SetAlerts(*request.actor, id, on);
                if (!done) return ErrorResponse(request, services.templates, done.error());
                return Redirect(
                    fmt::format("{}?info={}", kSearches, on ? "alerte-activee" : "alerte-coupee"));
              }));
  router.Post(std::string(kSearches) + "/:id/supprimer", young,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto done = services.young_people->DeleteSearch(*request.actor, id);
                if (!done) return ErrorResponse(request, services.templates, done.error());
                return Redirect(std::string(kSearches) + "?info=recherche-supprimee");
              }));

  // The link of the alert mails: a page with one button (opening a link changes nothing, as
  // mail scanners open links), then done, without logging in.
  router.Get(kUnsubscribe, Access::Public(), [&services](Request& request) {
    return UnsubscribePage(request, services, false, nullptr, 200);
  });
  router.Post(kUnsubscribe, Access::Public(), [&services](Request& request) {
    auto done = services.young_people->Unsubscribe(request.Form("token"));
    if (done) return UnsubscribePage(request, services, true, nullptr, 200);
    if (done.error().code == ErrorCode::kInvalidArgument)
      return UnsubscribePage(request, services, false, &done.error(), 400);
    return ErrorResponse(request, services.templates, done.error());
  });

  router.Get("/employeur/jeunes/:id", employers,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return EmployerViewPage(request, services, id);
             }));
}

}  // namespace maplace::web
