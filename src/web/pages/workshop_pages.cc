// Issue 8 §4: the « Aktiv Alternance » workshops. Staff: /conseil/ateliers (list with filters
// and XLSX export, themes, new session), a session's page (registrations, waiting list,
// attendance, satisfaction, materials, follow-up actions, export), its invitations by criteria
// (preview, then send) and its attendance sheet (/emargement, works without JS). Employers and
// CFAs: /ateliers (upcoming sessions) and a session's page where they register people of their
// organisation, cancel, download the materials and the calendar file. Anyone with a mailed link:
// the satisfaction survey /ateliers/avis/:token.
#include <fmt/format.h>

#include <set>

#include "core/date.h"
#include "core/text.h"
#include "core/time_format.h"
#include "domain/crm/branches.h"
#include "domain/workshops/workshop_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using people::Role;
using workshops::RegistrationStatus;
using workshops::SessionInput;
using Dict = ctemplate::TemplateDictionary;
using Options = std::vector<std::pair<std::string, std::string>>;

constexpr char kStaff[] = "/conseil/ateliers";

struct Field {
  std::string id;
  std::string label;
  bool required = true;
  std::string hint;
  Options options;            // a select when not empty
  std::string type = "text";  // "textarea" for a text area
  int max = 200;
};

void AddField(Dict& group, const Field& f, const std::string& value,
              const std::map<std::string, std::string>& errors) {
  Dict* d = group.AddSectionDictionary("FIELD")->AddIncludeDictionary("FORM_FIELD");
  d->SetFilename("partials/form_field.tpl");
  d->SetValue("ID", f.id);
  d->SetValue("LABEL", f.label);
  d->SetValue("VALUE", value);
  d->SetValue("MAX", std::to_string(f.max));
  d->ShowSection(f.required ? "REQUIRED" : "OPTIONAL");
  if (!f.hint.empty()) d->SetValueAndShowSection("TEXT", f.hint, "HINT");
  auto error = errors.find(f.id);
  if (error != errors.end()) d->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  if (!f.hint.empty() || error != errors.end()) d->ShowSection("DESCRIBED");
  if (!f.options.empty()) {
    Dict* select = d->AddSectionDictionary("SELECT");
    for (const auto& [code, label] : f.options) {
      Dict* option = select->AddSectionDictionary("OPTION");
      option->SetValue("OPT_VALUE", code);
      option->SetValue("OPT_LABEL", label);
      if (code == value) option->ShowSection("SELECTED");
    }
    return;
  }
  if (f.type == "textarea") {
    d->ShowSection("TEXTAREA");
    return;
  }
  Dict* input = d->AddSectionDictionary("INPUT");
  input->SetValue("TYPE", f.type);
  input->SetValue("AC", "off");
  if (f.type == "number") input->ShowSection("NUMERIC");
}

std::string Schedule(const workshops::Session& s) {
  return workshops::FrenchSchedule(s.input.starts_at, s.input.ends_at);
}

std::string Where(const SessionInput& in) {
  if (in.place.empty()) return "En ligne";
  if (in.online_link.empty()) return in.place;
  return fmt::format("{} (et en ligne)", in.place);
}

std::string Average(const workshops::SessionStats& stats) {
  if (!stats.ratings) return "pas encore d'avis";
  std::string avg = fmt::format("{:.1f}", stats.average);
  for (auto& c : avg)
    if (c == '.') c = ',';
  return fmt::format("{} / 5 ({} avis)", avg, stats.ratings);
}

int ParseInt(const std::string& text) {
  const auto t = text::Trim(text);
  if (t.empty() || t.size() > 6) return 0;
  for (char c : t)
    if (c < '0' || c > '9') return 0;
  return std::stoi(std::string(t));
}

void FillSession(Dict& d, const workshops::Session& s, const std::string& theme) {
  d.SetValue("ID", std::to_string(s.id));
  d.SetValue("TITLE", s.input.title);
  d.SetValue("THEME", theme);
  d.SetValue("SCHEDULE", Schedule(s));
  d.SetValue("WHERE", Where(s.input));
  d.SetValue("PLACE", s.input.place);
  if (!s.input.online_link.empty()) d.SetValueAndShowSection("LINK", s.input.online_link, "ONLINE");
  if (!s.input.speakers.empty())
    d.SetValueAndShowSection("SPEAKERS", s.input.speakers, "HAS_SPEAKERS");
  d.SetValue("CAPACITY", std::to_string(s.input.capacity));
  d.SetValue("SEATS_LEFT", std::to_string(std::max(0, s.input.capacity - s.seats_taken)));
  std::size_t start = 0;
  const std::string& text = s.input.description;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = text::Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty())
      d.AddSectionDictionary("DESCRIPTION_LINE")->SetValue("TEXT", std::string(line));
    start = end + 1;
  }
}

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

std::optional<int> YearFilter(const Request& request) {
  const int year = ParseInt(request.Query("annee"));
  if (year < 2000 || year > 2100) return std::nullopt;
  return year;
}

workshops::SessionFilter FilterOf(const Request& request) {
  return {YearFilter(request), ParseId(request.Query("theme"))};
}

// ---------- Staff: list, themes, new and edit ----------

Response StaffList(const Request& request, const WebServices& services, const Error* error,
                   int status) {
  const auto filter = FilterOf(request);
  auto sessions = services.workshops->List(filter);
  if (!sessions) return ErrorResponse(request, services.templates, sessions.error());
  auto themes = services.workshops->Themes();
  if (!themes) return ErrorResponse(request, services.templates, themes.error());
  Page page(request, "Ateliers Aktiv Alternance", "pages/workshop_staff_list.tpl");
  page.Form();
  if (request.Query("info") == "theme") page.Notice("success", "Le thème est ajouté.");
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("YEAR", filter.year ? std::to_string(*filter.year) : "");
  Dict* any = d.AddSectionDictionary("THEME_OPTION");
  any->SetValue("VALUE", "");
  any->SetValue("LABEL", "Tous les thèmes");
  for (const auto& t : *themes) {
    Dict* option = d.AddSectionDictionary("THEME_OPTION");
    option->SetValue("VALUE", std::to_string(t.id));
    option->SetValue("LABEL", t.name);
    if (filter.theme_id == t.id) option->ShowSection("SELECTED");
    d.AddSectionDictionary("THEME")->SetValue("NAME", t.name);
  }
  std::string query;
  if (filter.year) query += fmt::format("annee={}", *filter.year);
  if (filter.theme_id)
    query += fmt::format("{}theme={}", query.empty() ? "" : "&", *filter.theme_id);
  d.SetValue("EXPORT_QUERY", query.empty() ? "" : "?" + query);
  d.SetValue("COUNT", std::to_string(sessions->size()));
  if (sessions->empty()) d.ShowSection("NONE");
  for (const auto& s : *sessions) {
    Dict* row = d.AddSectionDictionary("SESSION");
    FillSession(*row, s.session, s.theme);
    row->SetValue("REGISTERED", std::to_string(s.stats.registered));
    row->SetValue("WAITING", std::to_string(s.stats.waiting));
    row->SetValue("ATTENDED", std::to_string(s.stats.attended));
    row->SetValue("SATISFACTION", Average(s.stats));
  }
  if (themes->empty()) d.ShowSection("NO_THEME");
  d.SetValue("THEME_NAME", request.Form("theme_name"));
  d.SetValue("THEME_DESCRIPTION", request.Form("theme_description"));
  if (error)
    if (auto it = error->fields.find("theme_name"); it != error->fields.end())
      d.SetValueAndShowSection("MESSAGE", it->second, "THEME_ERR");
  return page.Render(services.templates, status);
}

SessionInput InputFrom(const Request& request, std::map<std::string, std::string>& errors) {
  SessionInput in;
  in.theme_id = ParseId(request.Form("theme_id")).value_or(0);
  in.title = request.Form("title");
  const auto starts = workshops::ParseMartiniqueDateTime(request.Form("starts_at"));
  const auto ends = workshops::ParseMartiniqueDateTime(request.Form("ends_at"));
  if (!text::Trim(request.Form("starts_at")).empty() && !starts)
    errors["starts_at"] = "Indiquez le début au format jj/mm/aaaa hh:mm.";
  if (!text::Trim(request.Form("ends_at")).empty() && !ends)
    errors["ends_at"] = "Indiquez la fin au format jj/mm/aaaa hh:mm.";
  in.starts_at = starts.value_or(0);
  in.ends_at = ends.value_or(0);
  in.place = request.Form("place");
  in.online_link = request.Form("online_link");
  const std::string capacity_text = request.Form("capacity");
  const auto capacity = text::Trim(capacity_text);
  in.capacity = ParseInt(std::string(capacity));
  if (!capacity.empty() && in.capacity == 0)
    errors["capacity"] = "La capacité doit être un nombre de places entre 1 et 1000.";
  in.speakers = request.Form("speakers");
  in.description = request.Form("description");
  return in;
}

Response SessionForm(const Request& request, const WebServices& services,
                     std::optional<std::int64_t> id, const Error* error, int status) {
  auto themes = services.workshops->Themes();
  if (!themes) return ErrorResponse(request, services.templates, themes.error());
  std::map<std::string, std::string> values;
  const bool posted = request.method == "POST";
  if (posted) {
    for (const char* name : {"theme_id", "title", "starts_at", "ends_at", "place", "online_link",
                             "capacity", "speakers", "description"})
      values[name] = request.Form(name);
  } else if (id) {
    auto sheet = services.workshops->Sheet(*request.actor, *id);
    if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
    const auto& in = sheet->session.input;
    values = {{"theme_id", std::to_string(in.theme_id)},
              {"title", in.title},
              {"starts_at", workshops::FormatMartiniqueDateTime(in.starts_at)},
              {"ends_at", workshops::FormatMartiniqueDateTime(in.ends_at)},
              {"place", in.place},
              {"online_link", in.online_link},
              {"capacity", std::to_string(in.capacity)},
              {"speakers", in.speakers},
              {"description", in.description}};
  }
  Page page(request, id ? "Modifier la session" : "Nouvelle session d'atelier",
            "pages/workshop_form.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("HEADING", id ? "Modifier la session" : "Nouvelle session d'atelier");
  d.SetValue("ACTION", id ? fmt::format("{}/{}/modifier", kStaff, *id) : std::string(kStaff));
  d.SetValue("CANCEL", id ? fmt::format("{}/{}", kStaff, *id) : std::string(kStaff));
  if (themes->empty()) d.ShowSection("NO_THEME");
  const auto errors = error ? error->fields : std::map<std::string, std::string>{};
  Options theme_options = {{"", "Choisissez un thème"}};
  for (const auto& t : *themes) theme_options.emplace_back(std::to_string(t.id), t.name);
  Dict* what = d.AddSectionDictionary("GROUP");
  what->SetValue("LEGEND", "L'atelier");
  AddField(*what, {"theme_id", "Thème", true, "", theme_options}, values["theme_id"], errors);
  AddField(*what, {"title", "Titre de la session", true, ""}, values["title"], errors);
  AddField(*what,
           {"description",
            "Description",
            false,
            "Le programme, pour qui, ce qu'on en retire.",
            {},
            "textarea",
            4000},
           values["description"], errors);
  AddField(*what,
           {"speakers",
            "Intervenants",
            false,
            "Noms et structures, séparés par des virgules.",
            {},
            "text",
            500},
           values["speakers"], errors);
  Dict* when = d.AddSectionDictionary("GROUP");
  when->SetValue("LEGEND", "Quand et où");
  AddField(*when,
           {"starts_at",
            "Début",
            true,
            "Heure de la Martinique, par exemple 2026-12-03 09:00.",
            {},
            "datetime-local",
            19},
           values["starts_at"], errors);
  AddField(*when, {"ends_at", "Fin", true, "Heure de la Martinique.", {}, "datetime-local", 19},
           values["ends_at"], errors);
  AddField(*when,
           {"place",
            "Lieu",
            false,
            "Adresse ; laissez vide pour une session en ligne.",
            {},
            "text",
            300},
           values["place"], errors);
  AddField(*when, {"online_link", "Lien de visioconférence", false, "https://…", {}, "url", 500},
           values["online_link"], errors);
  AddField(*when, {"capacity", "Nombre de places", true, "", {}, "number", 4}, values["capacity"],
           errors);
  return page.Render(services.templates, status);
}

// ---------- Staff: one session ----------

Response StaffSession(const Request& request, const WebServices& services, std::int64_t id,
                      const Error* error, int status) {
  auto sheet = services.workshops->Sheet(*request.actor, id);
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  Page page(request, sheet->session.input.title, "pages/workshop_staff_session.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"creee", "La session est créée. Invitez maintenant les structures."},
      {"modifiee", "La session est modifiée."},
      {"invitations", "Les invitations sont envoyées."},
      {"emargement", "L'émargement est enregistré."},
      {"support", "Le support est déposé : les inscrits peuvent le télécharger."},
      {"action", "L'action de suivi est ajoutée."},
      {"enquete", "L'enquête de satisfaction est envoyée aux présents."},
      {"annulee", "L'inscription est annulée ; la liste d'attente avance s'il y a lieu."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  FillSession(d, sheet->session, sheet->theme.name);
  d.SetValue("REGISTERED", std::to_string(sheet->stats.registered));
  d.SetValue("WAITING", std::to_string(sheet->stats.waiting));
  d.SetValue("ATTENDED", std::to_string(sheet->stats.attended));
  d.SetValue("INVITED", std::to_string(sheet->invited));
  d.SetValue("SATISFACTION", Average(sheet->stats));
  int waiting_rank = 0;
  for (const auto& v : sheet->registrations) {
    const auto& r = v.registration;
    const char* section = r.status == RegistrationStatus::kRegistered ? "REGISTRATION"
                          : r.status == RegistrationStatus::kWaiting  ? "WAITER"
                                                                      : "CANCELLED";
    Dict* row = d.AddSectionDictionary(section);
    row->SetValue("RID", std::to_string(r.id));
    row->SetValue("NAME", v.person_name);
    row->SetValue("EMAIL", v.person_email);
    row->SetValue("ORGANISATION", v.organisation_name);
    row->SetValue("DATE", FormatFrenchDateTime(r.created_at));
    row->SetValue("PRESENT", r.attended ? "Présent" : "—");
    if (r.status == RegistrationStatus::kWaiting)
      row->SetValue("RANK", std::to_string(++waiting_rank));
    if (r.rating) {
      Dict* rating = d.AddSectionDictionary("RATING");
      rating->SetValue("NOTE", std::to_string(r.rating));
      rating->SetValue("COMMENT", r.comment.empty() ? "—" : r.comment);
    }
  }
  if (sheet->stats.registered == 0) d.ShowSection("NO_REGISTRATION");
  d.ShowSection(sheet->stats.waiting > 0 ? "HAS_WAITING" : "NO_WAITING");
  if (sheet->stats.ratings > 0) d.ShowSection("HAS_RATINGS");
  for (const auto& m : sheet->materials) {
    Dict* row = d.AddSectionDictionary("MATERIAL");
    row->SetValue("MID", std::to_string(m.id));
    row->SetValue("NAME", m.original_name);
  }
  for (const auto& a : sheet->actions) {
    Dict* row = d.AddSectionDictionary("ACTION");
    row->SetValue("BODY", a.body);
    row->SetValue("DATE", FormatFrenchDateTime(a.created_at));
  }
  if (sheet->actions.empty()) d.ShowSection("NO_ACTION");
  d.SetValue("ACTION_TEXT", request.Form("action"));
  if (error) {
    const std::map<std::string, std::string> sections = {
        {"action", "ACTION_ERR"}, {"material", "MATERIAL_ERR"}, {"survey", "OTHER_ERR"}};
    for (const auto& [field, section] : sections)
      if (auto it = error->fields.find(field); it != error->fields.end())
        d.AddSectionDictionary(section)->SetValue("TEXT", it->second);
  }
  const UnixSeconds now = std::time(nullptr);
  if (sheet->session.input.ends_at <= now && !sheet->session.survey_sent_at)
    d.ShowSection("CAN_SURVEY");
  if (sheet->session.survey_sent_at)
    d.SetValueAndShowSection("SURVEY_DATE", FormatFrenchDateTime(sheet->session.survey_sent_at),
                             "SURVEY_SENT");
  return page.Render(services.templates, status);
}

Response AfterStaffPost(const Request& request, const WebServices& services, std::int64_t id,
                        const Status& done, const char* info) {
  if (done) return Redirect(fmt::format("{}/{}?info={}", kStaff, id, info));
  const auto code = done.error().code;
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition)
    return StaffSession(request, services, id, &done.error(), HttpStatusFor(code));
  return ErrorResponse(request, services.templates, done.error());
}

// ---------- Staff: invitations ----------

workshops::InvitationCriteria CriteriaOf(const Request& request, bool form) {
  const auto get = [&](const char* name) {
    return form ? request.Form(name) : request.Query(name);
  };
  return {get("kind"), get("area"), get("branch"), get("opco")};
}

Response InvitationsPage(const Request& request, const WebServices& services, std::int64_t id,
                         const workshops::InvitationCriteria& criteria, const Error* error,
                         int status) {
  auto sheet = services.workshops->Sheet(*request.actor, id);
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  auto areas = services.jobs.Areas();
  Page page(request, "Inviter à : " + sheet->session.input.title, "pages/workshop_invitations.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  FillSession(d, sheet->session, sheet->theme.name);
  const Options kinds = {{"cfa", "Les CFA"}, {"employer", "Les entreprises"}, {"", "Les deux"}};
  for (const auto& [code, label] : kinds) {
    Dict* option = d.AddSectionDictionary("KIND");
    option->SetValue("VALUE", code);
    option->SetValue("LABEL", label);
    option->SetValue("SLUG", code.empty() ? "tous" : code);
    if (criteria.kind == code) option->ShowSection("CHECKED");
  }
  Dict* all = d.AddSectionDictionary("AREA");
  all->SetValue("VALUE", "");
  all->SetValue("LABEL", "Toute la Martinique");
  if (areas)
    for (const auto& a : *areas) {
      Dict* option = d.AddSectionDictionary("AREA");
      option->SetValue("VALUE", a.code);
      option->SetValue("LABEL", a.short_name.empty() ? a.name : a.short_name);
      if (criteria.area_code == a.code) option->ShowSection("SELECTED");
    }
  Dict* any_branch = d.AddSectionDictionary("BRANCH");
  any_branch->SetValue("VALUE", "");
  any_branch->SetValue("LABEL", "Toutes les branches");
  auto branches =
      ReadValue(services.store, [](Repositories& repos) { return repos.crm().Branches(); });
  std::set<std::string> seen;
  if (branches)
    for (const auto& b : *branches) {
      if (!seen.insert(b.name).second) continue;
      Dict* option = d.AddSectionDictionary("BRANCH");
      option->SetValue("VALUE", b.name);
      option->SetValue("LABEL", b.name);
      if (criteria.branch == b.name) option->ShowSection("SELECTED");
    }
  Dict* any_opco = d.AddSectionDictionary("OPCO");
  any_opco->SetValue("VALUE", "");
  any_opco->SetValue("LABEL", "Tous les OPCO");
  for (const auto code : crm::kOpcoCodes) {
    Dict* option = d.AddSectionDictionary("OPCO");
    option->SetValue("VALUE", std::string(code));
    option->SetValue("LABEL", std::string(crm::OpcoLabel(code)));
    if (criteria.opco == code) option->ShowSection("SELECTED");
  }
  const bool previewed = request.Query("apercu") == "1" || request.method == "POST";
  if (previewed) {
    auto targets = services.workshops->Targets(*request.actor, id, criteria);
    if (!targets) return ErrorResponse(request, services.templates, targets.error());
    int fresh = 0;
    Dict* preview = d.AddSectionDictionary("PREVIEW");
    for (const auto& t : *targets) {
      Dict* row = preview->AddSectionDictionary("TARGET");
      row->SetValue("NAME", t.organisation.name);
      row->SetValue("KIND",
                    t.organisation.kind == people::OrganisationKind::kCfa ? "CFA" : "Entreprise");
      row->SetValue("AREA", t.area_name.empty() ? "bassin inconnu" : t.area_name);
      if (!t.branch.empty())
        row->SetValueAndShowSection(
            "BRANCH_TEXT", fmt::format("{} ({})", t.branch, crm::OpcoLabel(t.opco)), "HAS_BRANCH");
      if (t.already_invited)
        row->ShowSection("ALREADY");
      else
        ++fresh;
    }
    preview->SetValue("TOTAL", std::to_string(targets->size()));
    preview->SetValue("FRESH", std::to_string(fresh));
    preview->SetValue("KIND_VALUE", criteria.kind);
    preview->SetValue("AREA_VALUE", criteria.area_code);
    preview->SetValue("BRANCH_VALUE", criteria.branch);
    preview->SetValue("OPCO_VALUE", criteria.opco);
    preview->SetValue("CSRF", request.CsrfToken());
    if (fresh > 0) preview->ShowSection("CAN_SEND");
    if (targets->empty()) preview->ShowSection("EMPTY");
  }
  return page.Render(services.templates, status);
}

// ---------- Staff: attendance sheet ----------

Response AttendancePage(const Request& request, const WebServices& services, std::int64_t id,
                        const Error* error, int status) {
  auto sheet = services.workshops->Sheet(*request.actor, id);
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  Page page(request, "Émargement : " + sheet->session.input.title, "pages/workshop_attendance.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  FillSession(d, sheet->session, sheet->theme.name);
  int n = 0;
  for (const auto& v : sheet->registrations) {
    if (v.registration.status != RegistrationStatus::kRegistered) continue;
    Dict* row = d.AddSectionDictionary("PERSON");
    row->SetValue("RID", std::to_string(v.registration.id));
    row->SetValue("NAME", v.person_name);
    row->SetValue("ORGANISATION", v.organisation_name);
    if (v.registration.attended) row->ShowSection("CHECKED");
    ++n;
  }
  if (n == 0) d.ShowSection("NONE");
  return page.Render(services.templates, status);
}

// ---------- Employers and CFAs ----------

Response PublicList(const Request& request, const WebServices& services) {
  auto sessions = services.workshops->Upcoming();
  if (!sessions) return ErrorResponse(request, services.templates, sessions.error());
  Page page(request, "Ateliers Aktiv Alternance", "pages/workshop_list.tpl");
  Dict& d = page.dict();
  if (sessions->empty()) d.ShowSection("NONE");
  for (const auto& s : *sessions) {
    Dict* row = d.AddSectionDictionary("SESSION");
    FillSession(*row, s.session, s.theme);
    row->ShowSection(s.session.seats_taken >= s.session.input.capacity ? "FULL" : "NOT_FULL");
  }
  return page.Render(services.templates);
}

Response OrganisationSession(const Request& request, const WebServices& services, std::int64_t id,
                             const Error* error, int status) {
  auto view = services.workshops->ForOrganisation(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  Page page(request, view->session.input.title, "pages/workshop_session.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"inscription",
       "C'est noté : chaque personne reçoit un e-mail de confirmation (ou de "
       "liste d'attente si l'atelier est complet)."},
      {"annulation", "L'inscription est annulée : la place revient à la liste d'attente."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  FillSession(d, view->session, view->theme.name);
  d.ShowSection(view->seats_left <= 0 ? "FULL" : "NOT_FULL");
  std::set<std::int64_t> taken;
  for (const auto& v : view->mine) {
    taken.insert(v.registration.user_id);
    Dict* row = d.AddSectionDictionary("MINE");
    row->SetValue("RID", std::to_string(v.registration.id));
    row->SetValue("NAME", v.person_name);
    row->SetValue("STATUS", std::string(RegistrationStatusLabel(v.registration.status)));
    row->SetValue("STATUS_CODE", std::string(RegistrationStatusCode(v.registration.status)));
  }
  if (!view->mine.empty()) d.ShowSection("HAS_MINE");
  const UnixSeconds now = std::time(nullptr);
  const bool open = view->session.input.starts_at > now;
  if (open) {
    Dict* form = d.AddSectionDictionary("REGISTER");
    int available = 0;
    for (const auto& m : view->members) {
      if (taken.count(m.user.id)) continue;
      Dict* person = form->AddSectionDictionary("MEMBER");
      person->SetValue("UID", std::to_string(m.user.id));
      person->SetValue("NAME", m.user.display_name);
      person->SetValue("EMAIL", m.user.email);
      ++available;
    }
    if (available == 0)
      form->ShowSection("ALL_DONE");
    else
      form->ShowSection("CAN_REGISTER");
    if (view->seats_left <= 0) form->ShowSection("WAITING_NOTE");
    for (const auto& v : view->mine) {
      Dict* row = d.AddSectionDictionary("CANCEL");
      row->SetValue("RID", std::to_string(v.registration.id));
      row->SetValue("NAME", v.person_name);
    }
  } else {
    d.ShowSection("CLOSED");
  }
  for (const auto& m : view->materials) {
    Dict* row = d.AddSectionDictionary("MATERIAL");
    row->SetValue("MID", std::to_string(m.id));
    row->SetValue("NAME", m.original_name);
  }
  return page.Render(services.templates, status);
}

std::vector<std::int64_t> CheckedIds(const Request& request, const char* field) {
  std::vector<std::int64_t> out;
  for (const auto& [name, value] : request.form)
    if (name == field)
      if (auto id = ParseId(value)) out.push_back(*id);
  return out;
}

const UploadedFile* FileField(const Request& request, const char* field) {
  for (const auto& f : request.files)
    if (f.field == field && !f.filename.empty()) return &f;
  return nullptr;
}

Response SurveyPage(const Request& request, const WebServices& services, const std::string& token,
                    const Error* error, int status) {
  auto survey = services.workshops->Survey(token);
  if (!survey) return ErrorResponse(request, services.templates, survey.error());
  Page page(request, "Votre avis sur l'atelier", "pages/workshop_survey.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("TITLE", survey->second.input.title);
  d.SetValue("SCHEDULE", Schedule(survey->second));
  d.SetValue("NAME", survey->first.person_name);
  d.SetValue("TOKEN", token);
  if (survey->first.registration.rating > 0) {
    d.SetValueAndShowSection("NOTE", std::to_string(survey->first.registration.rating), "DONE");
    return page.Render(services.templates, status);
  }
  Dict* form = d.AddSectionDictionary("FORM");
  const std::string chosen = request.Form("rating");
  const char* labels[] = {"",
                          "1 — pas du tout satisfait",
                          "2 — peu satisfait",
                          "3 — moyennement satisfait",
                          "4 — satisfait",
                          "5 — très satisfait"};
  for (int i = 5; i >= 1; --i) {
    Dict* option = form->AddSectionDictionary("RATING");
    option->SetValue("VALUE", std::to_string(i));
    option->SetValue("LABEL", labels[i]);
    if (chosen == std::to_string(i)) option->ShowSection("CHECKED");
  }
  form->SetValue("COMMENT", request.Form("comment"));
  form->SetValue("CSRF", request.CsrfToken());
  if (error)
    if (auto it = error->fields.find("rating"); it != error->fields.end())
      form->SetValueAndShowSection("MESSAGE", it->second, "RATING_ERR");
  return page.Render(services.templates, status);
}

}  // namespace

void AddWorkshopPages(Router& router, const WebServices& services) {
  const auto staff = Access::Roles({Role::kAdvisor, Role::kManager, Role::kAdmin});
  const auto members = Access::Roles({Role::kEmployer, Role::kCfa});
  const auto readers =
      Access::Roles({Role::kEmployer, Role::kCfa, Role::kAdvisor, Role::kManager, Role::kAdmin});
  const std::string base = kStaff;

  router.Get(base, staff,
             [&services](Request& request) { return StaffList(request, services, nullptr, 200); });
  router.Get(base + "/export", staff, [&services](Request& request) {
    auto bytes = services.workshops->ExportSessions(FilterOf(request));
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "ateliers.xlsx", "ateliers");
  });
  router.Post(base + "/themes", staff, [&services](Request& request) {
    auto created = services.workshops->CreateTheme(*request.actor, request.Form("theme_name"),
                                                   request.Form("theme_description"));
    if (created) return Redirect(std::string(kStaff) + "?info=theme");
    if (created.error().code == ErrorCode::kInvalidArgument)
      return StaffList(request, services, &created.error(), 422);
    return ErrorResponse(request, services.templates, created.error());
  });
  router.Get(base + "/nouvelle", staff, [&services](Request& request) {
    return SessionForm(request, services, std::nullopt, nullptr, 200);
  });
  router.Post(base, staff, [&services](Request& request) {
    std::map<std::string, std::string> errors;
    const auto input = InputFrom(request, errors);
    if (!errors.empty()) {
      auto checked = workshops::WorkshopService::Check(input);
      if (!checked)
        for (const auto& [field, message] : checked.error().fields) errors.emplace(field, message);
      const Error error{ErrorCode::kInvalidArgument, "invalid session", errors};
      return SessionForm(request, services, std::nullopt, &error, 422);
    }
    auto created = services.workshops->CreateSession(*request.actor, input);
    if (created) return Redirect(fmt::format("{}/{}?info=creee", kStaff, *created));
    if (created.error().code == ErrorCode::kInvalidArgument)
      return SessionForm(request, services, std::nullopt, &created.error(), 422);
    return ErrorResponse(request, services.templates, created.error());
  });
  router.Get(base + "/:id", staff, WithId(services, [&services](Request& request, std::int64_t id) {
               return StaffSession(request, services, id, nullptr, 200);
             }));
  router.Get(base + "/:id/modifier", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return SessionForm(request, services, id, nullptr, 200);
             }));
  router.Post(base + "/:id/modifier", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                std::map<std::string, std::string> errors;
                const auto input = InputFrom(request, errors);
                if (!errors.empty()) {
                  const Error error{ErrorCode::kInvalidArgument, "invalid session", errors};
                  return SessionForm(request, services, id, &error, 422);
                }
                auto done = services.workshops->UpdateSession(*request.actor, id, input);
                if (done) return Redirect(fmt::format("{}/{}?info=modifiee", kStaff, id));
                if (done.error().code == ErrorCode::kInvalidArgument)
                  return SessionForm(request, services, id, &done.error(), 422);
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Get(base + "/:id/invitations", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return InvitationsPage(request, services, id, CriteriaOf(request, false), nullptr,
                                      200);
             }));
  router.Post(base + "/:id/invitations", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                const auto criteria = CriteriaOf(request, true);
                auto sent = services.workshops->Invite(*request.actor, id, criteria);
                if (sent) return Redirect(fmt::format("{}/{}?info=invitations", kStaff, id));
                if (sent.error().code == ErrorCode::kInvalidArgument)
                  return InvitationsPage(request, services, id, criteria, &sent.error(), 422);
                return ErrorResponse(request, services.templates, sent.error());
              }));
  router.Get(base + "/:id/emargement", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return AttendancePage(request, services, id, nullptr, 200);
             }));
  router.Post(base + "/:id/emargement", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                const auto ids = CheckedIds(request, "present");
                auto done = services.workshops->RecordAttendance(
                    *request.actor, id, std::set<std::int64_t>(ids.begin(), ids.end()));
                if (done) return Redirect(fmt::format("{}/{}?info=emargement", kStaff, id));
                if (done.error().code == ErrorCode::kInvalidArgument)
                  return AttendancePage(request, services, id, &done.error(), 422);
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Post(
      base + "/:id/supports", staff,
      WithId(services,
             [&services](Request& request, std::int64_t id) {
               const UploadedFile* file = FileField(request, "material");
               if (!file) {
                 const Error error{ErrorCode::kInvalidArgument,
                                   "no file",
                                   {{"material", "Choisissez un fichier à déposer."}}};
                 return StaffSession(request, services, id, &error, 422);
               }
               auto added =
                   services.workshops->AddMaterial(*request.actor, id, file->bytes, file->filename);
               return AfterStaffPost(request, services, id,
                                     added ? Status(Ok()) : Status(Fail(added.error())), "support");
             }),
      BodyKind::kMultipart);
  router.Post(base + "/:id/actions", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                return AfterStaffPost(
                    request, services, id,
                    services.workshops->AddAction(*request.actor, id, request.Form("action")),
                    "action");
              }));
  router.Post(base + "/:id/enquete", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto sent = services.workshops->SendSurveys(id);
                return AfterStaffPost(request, services, id,
                                      sent ? Status(Ok()) : Status(Fail(sent.error())), "enquete");
              }));
  router.Get(base + "/:id/export", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               auto bytes = services.workshops->ExportRegistrations(*request.actor, id);
               if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
               return Download(std::move(*bytes), kXlsxType, "inscriptions.xlsx", "inscriptions");
             }));
  router.Post(base + "/inscriptions/:id/annuler", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto done = services.workshops->Cancel(*request.actor, id);
                if (!done) return ErrorResponse(request, services.templates, done.error());
                const auto session = ParseId(request.Form("session")).value_or(0);
                return Redirect(fmt::format("{}/{}?info=annulee", kStaff, session));
              }));

  router.Get("/ateliers", members,
             [&services](Request& request) { return PublicList(request, services); });
  router.Get("/ateliers/:id", members,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return OrganisationSession(request, services, id, nullptr, 200);
             }));
  router.Post("/ateliers/:id/inscription", members,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto done =
                    services.workshops->Register(*request.actor, id, CheckedIds(request, "person"));
                if (done) return Redirect(fmt::format("/ateliers/{}?info=inscription", id));
                if (done.error().code == ErrorCode::kInvalidArgument)
                  return OrganisationSession(request, services, id, &done.error(), 422);
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Post("/ateliers/:id/annulation", members,
              WithId(services, [&services](Request& request, std::int64_t id) {
                const auto rid = ParseId(request.Form("registration"));
                if (!rid) return ErrorResponse(request, services.templates, 404);
                auto done = services.workshops->Cancel(*request.actor, *rid);
                if (done) return Redirect(fmt::format("/ateliers/{}?info=annulation", id));
                if (done.error().code == ErrorCode::kInvalidArgument)
                  return OrganisationSession(request, services, id, &done.error(), 422);
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Get("/ateliers/:id/calendrier.ics", readers,
             WithId(services, [&services](Request& request, std::int64_t id) {
               auto ics = services.workshops->Calendar(*request.actor, id);
               if (!ics) return ErrorResponse(request, services.templates, ics.error());
               Response response;
               response.content_type = "text/calendar; charset=utf-8";
               response.body = std::move(*ics);
               response.Header("Content-Disposition",
                               fmt::format("attachment; filename=\"atelier-{}.ics\"", id));
               response.Header("Cache-Control", "no-store");
               return response;
             }));
  router.Get("/ateliers/supports/:id", readers,
             WithId(services, [&services](Request& request, std::int64_t id) {
               auto read = services.workshops->ReadMaterial(*request.actor, id);
               if (!read) return ErrorResponse(request, services.templates, read.error());
               return Download(std::move(read->second), read->first.content_type,
                               read->first.original_name, "support");
             }));
  router.Get("/ateliers/avis/:token", Access::Public(), [&services](Request& request) {
    return SurveyPage(request, services, request.Param("token"), nullptr, 200);
  });
  router.Post("/ateliers/avis/:token", Access::Public(), [&services](Request& request) {
    const std::string token = request.Param("token");
    const int rating = ParseInt(request.Form("rating"));
    auto done = services.workshops->AnswerSurvey(token, rating, request.Form("comment"));
    if (done) {
      Page page(request, "Merci pour votre avis", "pages/message.tpl");
      page.Set("HEADING", "Merci pour votre avis");
      page.Set("TEXT",
               "Votre réponse est enregistrée. Elle aide les conseillers à améliorer les "
               "prochains ateliers.");
      return page.Render(services.templates);
    }
    const auto code = done.error().code;
    if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition)
      return SurveyPage(request, services, token, &done.error(), HttpStatusFor(code));
    return ErrorResponse(request, services.templates, done.error());
  });
}

}  // namespace maplace::web
