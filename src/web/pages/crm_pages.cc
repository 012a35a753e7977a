// The advisors' back office (issue 8 §1-§3, §7): « Ma semaine », the global search, the
// directory of organisations with its filters and export, an organisation's page for staff
// (facts, branch and OPCO, contacts, members, timeline), interactions and a young person's
// timeline. Staff only: employers, CFAs and young people never reach these routes.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/time_format.h"
#include "domain/crm/branches.h"
#include "domain/crm/crm_service.h"
#include "web/error_response.h"
#include "web/french.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using crm::CrmService;
using Dict = ctemplate::TemplateDictionary;
using people::OrganisationKind;

std::string FrenchDate(const Date& date) { return FormatFrenchDate(date); }

void SearchBox(Page& page, const std::string& q) {
  auto* box = page.dict().AddIncludeDictionary("SEARCH_BOX");
  box->SetFilename("partials/crm_search_box.tpl");
  box->SetValue("Q", q);
}

std::string KindLabel(OrganisationKind kind) {
  return std::string(people::OrganisationKindLabel(kind));
}

std::vector<std::pair<std::string, std::string>> KindOptions(bool any) {
  std::vector<std::pair<std::string, std::string>> out;
  if (any) out.emplace_back("", "Tous les types");
  for (auto kind :
       {OrganisationKind::kEmployer, OrganisationKind::kCfa, OrganisationKind::kPartner})
    out.emplace_back(std::string(people::OrganisationKindCode(kind)), KindLabel(kind));
  return out;
}

std::vector<std::pair<std::string, std::string>> CommuneOptions(const WebServices& services,
                                                                const char* none) {
  std::vector<std::pair<std::string, std::string>> out = {{"", none}};
  if (auto communes = services.offers.Communes())
    for (const auto& c : *communes) out.emplace_back(c.insee_code, c.name);
  return out;
}

std::string CommuneName(const WebServices& services, const std::string& code) {
  if (auto communes = services.offers.Communes())
    for (const auto& c : *communes)
      if (c.insee_code == code) return c.name;
  return code;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  for (const auto& [key, value] : values) {
    if (value.empty()) continue;
    out += fmt::format("{}{}={}", out.empty() ? "?" : "&", key, text::UrlEncode(value));
  }
  return out;
}

int PageNumber(const Request& request) {
  const int page = std::atoi(request.Query("page").c_str());
  return page >= 1 && page <= 1000000 ? page : 1;
}

template <typename T>
void Pager(Page& page, const crm::Page<T>& p, const std::string& path,
           std::vector<std::pair<std::string, std::string>> filters) {
  page.Set("TOTAL", FrenchCount(p.total));
  page.Set("PAGE", std::to_string(p.page));
  page.Set("PAGES", std::to_string(p.PageCount()));
  auto link = [&](int n) {
    auto with = filters;
    with.emplace_back("page", n > 1 ? std::to_string(n) : "");
    return path + QueryString(with);
  };
  if (p.page > 1) page.dict().SetValueAndShowSection("PREVIOUS", link(p.page - 1), "HAS_PREVIOUS");
  if (p.page < p.PageCount())
    page.dict().SetValueAndShowSection("NEXT", link(p.page + 1), "HAS_NEXT");
  filters.emplace_back("page", "");
  page.Set("EXPORT", path + ".xlsx" + QueryString(filters));
}

void ActionNotice(Page& page, const Request& request) {
  const std::string info = request.Query("info");
  if (info == "action-faite") page.Notice("success", "L'action est marquée comme faite.");
  if (info == "action-rouverte") page.Notice("success", "L'action est de nouveau à faire.");
}

// ---------- Organisations ----------

struct OrganisationQuery {
  crm::OrganisationFilter filter;
  std::vector<std::pair<std::string, std::string>> values;  // as given, for links
};

OrganisationQuery OrganisationQueryOf(const Request& request) {
  OrganisationQuery q;
  auto& f = q.filter;
  const std::string kind = request.Query("kind");
  f.kind = people::ParseOrganisationKind(kind);
  f.commune_code = request.Query("commune");
  f.idcc = request.Query("branch");
  f.opco = request.Query("opco");
  f.advisor_id = ParseId(request.Query("advisor")).value_or(0);
  f.q = request.Query("q");
  f.page = PageNumber(request);
  q.values = {{"kind", f.kind ? kind : ""},
              {"commune", f.commune_code},
              {"branch", f.idcc},
              {"opco", f.opco},
              {"advisor", f.advisor_id ? std::to_string(f.advisor_id) : ""},
              {"q", f.q}};
  return q;
}

void OrganisationRowTo(Dict& row, const crm::OrganisationRow& r, const WebServices& services) {
  const auto& o = r.organisation;
  row.SetValue("ID", std::to_string(o.id));
  row.SetValue("NAME", o.name);
  row.SetValue("KIND", KindLabel(o.kind));
  row.SetValue("SIRET", o.siret.empty() ? "—" : o.siret);
  row.SetValue("COMMUNE",
               r.commune_name.empty() ? CommuneName(services, o.commune_code) : r.commune_name);
  row.SetValue("BRANCH", r.branch.empty() ? "—" : r.branch);
  row.SetValue("OPCO", r.opco.empty() ? "—" : std::string(crm::OpcoLabel(r.opco)));
  row.SetValue("ADVISOR", r.advisor_name.empty() ? "—" : r.advisor_name);
  row.SetValue("STATUS", std::string(people::OrganisationStatusLabel(o.status)));
}

Response OrganisationsPage(const Request& request, const WebServices& services, CrmService& crm,
                           bool portfolio) {
  auto query = OrganisationQueryOf(request);
  if (portfolio) {
    query.filter.advisor_id = request.actor->user_id;
    for (auto& [key, value] : query.values)
      if (key == "advisor") value = std::to_string(request.actor->user_id);
  }
  auto list = crm.Organisations(*request.actor, query.filter);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  auto branches = crm.Branches(*request.actor);
  if (!branches) return ErrorResponse(request, services.templates, branches.error());
  auto advisors = crm.Advisors(*request.actor);
  if (!advisors) return ErrorResponse(request, services.templates, advisors.error());
  Page page(request, portfolio ? "Mon portefeuille" : "Répertoire des organisations",
            "pages/crm_organisations.tpl");
  page.Set("HEADING", portfolio ? "Mon portefeuille" : "Répertoire des organisations");
  page.Set("ACTION", portfolio ? "/conseil/portefeuille" : "/conseil/repertoire");
  SearchBox(page, "");
  const auto& f = query.filter;
  page.Set("Q", f.q);
  Options(page.dict(), "KIND_OPTION", KindOptions(true),
          f.kind ? std::string(people::OrganisationKindCode(*f.kind)) : "");
  Options(page.dict(), "COMMUNE_OPTION", CommuneOptions(services, "Toutes les communes"),
          f.commune_code);
  std::vector<std::pair<std::string, std::string>> branch_options = {{"", "Toutes les branches"}};
  for (const auto& b : *branches)
    branch_options.emplace_back(
        b.idcc, fmt::format("{} ({}, IDCC {})", b.name, crm::OpcoLabel(b.opco), b.idcc));
  Options(page.dict(), "BRANCH_OPTION", branch_options, f.idcc);
  std::vector<std::pair<std::string, std::string>> opco_options = {{"", "Tous les OPCO"}};
  for (auto code : crm::kOpcoCodes)
    opco_options.emplace_back(std::string(code), std::string(crm::OpcoLabel(code)));
  Options(page.dict(), "OPCO_OPTION", opco_options, f.opco);
  if (!portfolio) {
    page.Show("ADVISOR_FILTER");
    std::vector<std::pair<std::string, std::string>> advisor_options = {
        {"", "Tous les conseillers"}};
    for (const auto& a : *advisors) advisor_options.emplace_back(std::to_string(a.id), a.name);
    Options(page.dict(), "ADVISOR_OPTION", advisor_options,
            f.advisor_id ? std::to_string(f.advisor_id) : "");
  }
  if (list->rows.empty())
    page.Show("EMPTY");
  else
    page.Show("ROWS");
  for (const auto& r : list->rows)
    OrganisationRowTo(*page.dict().AddSectionDictionary("ROW"), r, services);
  Pager(page, *list, portfolio ? "/conseil/portefeuille" : "/conseil/repertoire", query.values);
  return page.Render(services.templates);
}

Response NewOrganisationPage(const Request& request, const WebServices& services,
                             const Error* error, int status) {
  Page page(request, "Nouvelle organisation", "pages/crm_organisation_new.tpl");
  page.Form();
  if (error) page.Errors(*error);
  FieldErrors(page.dict(), error);
  Options(page.dict(), "KIND_OPTION", KindOptions(false),
          request.Form("kind").empty() ? "employer" : request.Form("kind"));
  Options(page.dict(), "COMMUNE_OPTION", CommuneOptions(services, "Choisissez une commune"),
          request.Form("commune_code"));
  std::vector<std::pair<std::string, std::string>> bands = {{"", "Non précisé"}};
  for (const char* code : {"0", "1-9", "10-49", "50-249", "250+"})
    bands.emplace_back(code, std::string(people::HeadcountBandLabel(code)));
  Options(page.dict(), "HEADCOUNT_OPTION", bands, request.Form("headcount"));
  for (const char* field : {"name", "siret", "uai", "idcc", "naf"}) {
    std::string key = field;
    for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    page.Set(key, request.Form(field));
  }
  return page.Render(services.templates, status);
}

// ---------- An organisation ----------

void InteractionRowTo(Dict& row, const crm::InteractionRow& r, const Date& today,
                      bool with_organisation) {
  const auto& i = r.interaction;
  row.SetValue("ID", std::to_string(i.id));
  row.SetValue("KIND", std::string(crm::InteractionKindLabel(i.kind)));
  row.SetValue("DATE", FrenchDate(i.occurred_on));
  row.SetValue("SUMMARY", i.summary);
  row.SetValue("ADVISOR", r.advisor_name);
  if (with_organisation && i.organisation_id)
    row.SetValueAndShowSection("ORGANISATION_ID", std::to_string(i.organisation_id),
                               "HAS_ORGANISATION");
  row.SetValue("ORGANISATION", r.organisation_name);
  if (i.young_person_id) {
    Dict* y = row.AddSectionDictionary("HAS_YOUNG");
    y->SetValue("YOUNG_ID", std::to_string(i.young_person_id));
    y->SetValue("YOUNG", r.young_person_name);
  }
  if (!r.contact_names.empty())
    row.SetValueAndShowSection("CONTACTS", JoinText(r.contact_names, ", "), "HAS_CONTACTS");
  if (!i.next_action.empty()) {
    Dict* a = row.AddSectionDictionary("HAS_ACTION");
    a->SetValue("ID", std::to_string(i.id));
    a->SetValue("ACTION", i.next_action);
    a->SetValue("DUE", i.next_action_due ? FrenchDate(*i.next_action_due) : "");
    if (i.next_action_done) {
      a->ShowSection("DONE");
    } else {
      a->ShowSection("OPEN");
      if (i.next_action_due && *i.next_action_due < today) a->ShowSection("OVERDUE");
    }
  }
}

Response OrganisationPage(const Request& request, const WebServices& services, CrmService& crm,
                          std::int64_t id, const Error* error, int status) {
  auto file = crm.File(*request.actor, id);
  if (!file) return ErrorResponse(request, services.templates, file.error());
  auto advisors = crm.Advisors(*request.actor);
  if (!advisors) return ErrorResponse(request, services.templates, advisors.error());
  const auto& o = file->row.organisation;
  Page page(request, o.name, "pages/crm_organisation.tpl");
  page.Form();
  SearchBox(page, "");
  if (error) page.Errors(*error);
  FieldErrors(page.dict(), error);
  static const std::map<std::string, std::string> infos = {
      {"organisation-creee", "L'organisation est enregistrée et validée."},
      {"contact-ajoute", "Le contact est ajouté."},
      {"contact-modifie", "Le contact est modifié."},
      {"contact-parti", "Le contact est marqué comme parti de l'organisation."},
      {"contact-revenu", "Le contact est de nouveau dans l'organisation."},
      {"echange-enregistre", "L'échange est enregistré."},
      {"action-faite", "L'action est marquée comme faite."},
      {"action-rouverte", "L'action est de nouveau à faire."},
      {"referent-change", "Le conseiller référent est enregistré."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  page.Set("ID", std::to_string(o.id));
  page.Set("NAME", o.name);
  page.Set("KIND", KindLabel(o.kind));
  page.Set("STATUS", std::string(people::OrganisationStatusLabel(o.status)));
  page.Set("SIRET", o.siret.empty() ? "non indiqué" : o.siret);
  if (!o.uai.empty()) page.dict().SetValueAndShowSection("UAI", o.uai, "HAS_UAI");
  page.Set("COMMUNE",
           o.commune_code.empty() ? "non indiquée" : CommuneName(services, o.commune_code));
  page.Set("HEADCOUNT", std::string(people::HeadcountBandLabel(o.headcount)));
  page.Set("NAF", o.naf.empty() ? "non indiqué" : o.naf);
  page.Set("IDCC", o.idcc.empty() ? "non indiqué" : o.idcc);
  if (!file->agreement_title.empty())
    page.dict().SetValueAndShowSection("AGREEMENT", file->agreement_title, "HAS_AGREEMENT");
  page.Set("BRANCH", file->row.branch.empty() ? "inconnue" : file->row.branch);
  page.Set("OPCO",
           file->row.opco.empty() ? "inconnu" : std::string(crm::OpcoLabel(file->row.opco)));
  page.Set("OFFERS", std::to_string(file->offers));
  page.Set("TRAININGS", std::to_string(file->trainings));
  if (o.kind != OrganisationKind::kPartner)  // issue 8 §3: its contracts in the register
    page.dict().SetValueAndShowSection(
        "CONTRACTS_LINK",
        fmt::format("/conseil/contrats?{}={}",
                    o.kind == OrganisationKind::kCfa ? "cfa" : "employer", o.id),
        "HAS_CONTRACTS_LINK");
  page.Set("ADVISOR", file->row.advisor_name.empty() ? "aucun" : file->row.advisor_name);
  std::vector<std::pair<std::string, std::string>> advisor_options = {{"0", "Aucun"}};
  for (const auto& a : *advisors) advisor_options.emplace_back(std::to_string(a.id), a.name);
  Options(page.dict(), "ADVISOR_OPTION", advisor_options, std::to_string(file->row.advisor_id));

  if (file->contacts.empty()) page.Show("NO_CONTACT");
  bool any_present = false;
  for (const auto& c : file->contacts) {
    if (c.gone_at != 0) {
      Dict* row = page.dict().AddSectionDictionary("GONE_CONTACT");
      row->SetValue("ID", std::to_string(c.id));
      row->SetValue("NAME", c.name);
      row->SetValueAndShowSection("JOB", c.job_title, "JOB");
      row->SetValue("SINCE", FormatFrenchDate(MartiniqueDate(c.gone_at)));
      page.Show("HAS_GONE");
      continue;
    }
    any_present = true;
    Dict* row = page.dict().AddSectionDictionary("CONTACT");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("NAME", c.name);
    row->SetValueAndShowSection("JOB", c.job_title, "JOB");
    if (!c.email.empty()) row->SetValueAndShowSection("EMAIL", c.email, "HAS_EMAIL");
    if (!c.phone.empty()) row->SetValueAndShowSection("PHONE", c.phone, "HAS_PHONE");
    if (!c.notes.empty()) row->SetValueAndShowSection("NOTES", c.notes, "HAS_NOTES");
    Dict* met = page.dict().AddSectionDictionary("MET_OPTION");
    met->SetValue("ID", std::to_string(c.id));
    met->SetValue("NAME", c.name);
  }
  if (any_present) page.Show("HAS_MET");
  // A partner's conventions (issue 8 §6).
  if (services.conventions && o.kind == OrganisationKind::kPartner) {
    conventions::ConventionFilter filter;
    filter.organisation_id = o.id;
    auto conventions = services.conventions->List(*request.actor, filter);
    if (!conventions) return ErrorResponse(request, services.templates, conventions.error());
    Dict* section = page.dict().AddSectionDictionary("CONVENTIONS");
    if (conventions::ConventionService::CanEdit(request.actor->role))
      section->SetValueAndShowSection("PARTNER_ID", std::to_string(o.id), "CAN_ADD_CONVENTION");
    if (conventions->empty()) section->ShowSection("NO_CONVENTION");
    for (const auto& r : *conventions) {
      Dict* row = section->AddSectionDictionary("CONVENTION");
      row->SetValue("ID", std::to_string(r.convention.id));
      row->SetValue("OBJECT", r.convention.object);
      row->SetValue("DATES", fmt::format("du {} au {}", FrenchDate(r.convention.starts_on),
                                         FrenchDate(r.convention.ends_on)));
      row->SetValue("AMOUNT", Euros(r.convention.amount_cents));
    }
  }
  if (file->members.empty()) page.Show("NO_MEMBER");
  for (const auto& m : file->members) {
    Dict* row = page.dict().AddSectionDictionary("MEMBER");
    row->SetValue("NAME", m.user.display_name);
    row->SetValue("EMAIL", m.user.email);
    row->SetValue("ROLE", std::string(people::MemberRoleLabel(m.role)));
  }
  const Date today = crm.Today();
  if (file->timeline.empty()) page.Show("NO_INTERACTION");
  for (const auto& r : file->timeline)
    InteractionRowTo(*page.dict().AddSectionDictionary("INTERACTION"), r, today, false);

  // The forms, with what was typed when refused.
  for (const char* field : {"name", "job_title", "email", "phone", "notes", "summary",
                            "next_action", "next_action_due", "young_person_email"}) {
    std::string key = "F_" + std::string(field);
    for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    page.Set(key, request.Form(field));
  }
  page.Set("F_OCCURRED_ON", request.Form("occurred_on").empty() ? FormatIsoDate(today)
                                                                : request.Form("occurred_on"));
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : crm::kInteractionKinds)
    kinds.emplace_back(std::string(crm::InteractionKindCode(k)),
                       std::string(crm::InteractionKindLabel(k)));
  Options(page.dict(), "INTERACTION_KIND_OPTION", kinds,
          request.Form("kind").empty() ? "visit" : request.Form("kind"));
  return page.Render(services.templates, status);
}

// A contact's form: as stored, or as typed when refused.
Response ContactPage(const Request& request, const WebServices& services, CrmService& crm,
                     std::int64_t id, const Error* error, int status) {
  auto contact = crm.FindContact(*request.actor, id);
  if (!contact) return ErrorResponse(request, services.templates, contact.error());
  Page page(request, "Modifier le contact", "pages/crm_contact.tpl");
  page.Form();
  SearchBox(page, "");
  if (error) page.Errors(*error);
  FieldErrors(page.dict(), error);
  page.Set("ID", std::to_string(contact->id));
  page.Set("ORGANISATION_ID", std::to_string(contact->organisation_id));
  page.Set("NAME", contact->name);
  const std::vector<std::pair<const char*, const std::string*>> fields = {
      {"name", &contact->name},
      {"job_title", &contact->job_title},
      {"email", &contact->email},
      {"phone", &contact->phone},
      {"notes", &contact->notes}};
  for (const auto& [field, stored] : fields) {
    std::string key = "F_" + std::string(field);
    for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    page.Set(key, error ? request.Form(field) : *stored);
  }
  if (contact->gone_at != 0)
    page.dict().SetValueAndShowSection("GONE_SINCE",
                                       FormatFrenchDate(MartiniqueDate(contact->gone_at)), "GONE");
  else
    page.Show("PRESENT");
  return page.Render(services.templates, status);
}

// ---------- Interactions ----------

struct InteractionQuery {
  crm::InteractionFilter filter;
  std::vector<std::pair<std::string, std::string>> values;
};

InteractionQuery InteractionQueryOf(const Request& request) {
  InteractionQuery q;
  auto& f = q.filter;
  f.advisor_id = ParseId(request.Query("advisor")).value_or(0);
  const std::string kind = request.Query("kind");
  f.kind = crm::ParseInteractionKind(kind);
  const std::string action = request.Query("action");
  if (action == "open") f.action = crm::ActionState::kOpen;
  if (action == "overdue") f.action = crm::ActionState::kOverdue;
  if (action == "done") f.action = crm::ActionState::kDone;
  const std::string from = request.Query("from"), to = request.Query("to");
  f.from = ParseIsoDate(from);
  f.to = ParseIsoDate(to);
  f.q = request.Query("q");
  f.page = PageNumber(request);
  q.values = {{"advisor", f.advisor_id ? std::to_string(f.advisor_id) : ""},
              {"kind", f.kind ? kind : ""},
              {"action", f.action == crm::ActionState::kAny ? "" : action},
              {"from", f.from ? from : ""},
              {"to", f.to ? to : ""},
              {"q", f.q}};
  return q;
}

Response InteractionsPage(const Request& request, const WebServices& services, CrmService& crm) {
  auto query = InteractionQueryOf(request);
  auto list = crm.Interactions(*request.actor, query.filter);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  auto advisors = crm.Advisors(*request.actor);
  if (!advisors) return ErrorResponse(request, services.templates, advisors.error());
  Page page(request, "Échanges", "pages/crm_interactions.tpl");
  ActionNotice(page, request);
  SearchBox(page, "");
  const auto& f = query.filter;
  page.Set("Q", f.q);
  page.Set("FROM", f.from ? FormatIsoDate(*f.from) : "");
  page.Set("TO", f.to ? FormatIsoDate(*f.to) : "");
  std::vector<std::pair<std::string, std::string>> advisor_options = {{"", "Tous les conseillers"}};
  for (const auto& a : *advisors) advisor_options.emplace_back(std::to_string(a.id), a.name);
  Options(page.dict(), "ADVISOR_OPTION", advisor_options,
          f.advisor_id ? std::to_string(f.advisor_id) : "");
  std::vector<std::pair<std::string, std::string>> kinds = {{"", "Tous les types"}};
  for (auto k : crm::kInteractionKinds)
    kinds.emplace_back(std::string(crm::InteractionKindCode(k)),
                       std::string(crm::InteractionKindLabel(k)));
  Options(page.dict(), "KIND_OPTION", kinds,
          f.kind ? std::string(crm::InteractionKindCode(*f.kind)) : "");
  Options(page.dict(), "ACTION_OPTION",
          {{"", "Toutes"},
           {"open", "Action à faire"},
           {"overdue", "Action en retard"},
           {"done", "Action faite"}},
          query.values[2].second);
  if (list->rows.empty())
    page.Show("EMPTY");
  else
    page.Show("ROWS");
  const Date today = crm.Today();
  for (const auto& r : list->rows)
    InteractionRowTo(*page.dict().AddSectionDictionary("ROW"), r, today, true);
  Pager(page, *list, "/conseil/interactions", query.values);
  return page.Render(services.templates);
}

}  // namespace

void AddCrmPages(Router& router, const WebServices& services) {
  if (!services.crm) return;
  CrmService& crm = *services.crm;
  const auto staff = Access::Staff();

  router.Get("/conseil/ma-semaine", staff, [&services, &crm](Request& request) {
    auto week = crm.MyWeek(*request.actor);
    if (!week) return ErrorResponse(request, services.templates, week.error());
    Page page(request, "Ma semaine", "pages/crm_week.tpl");
    page.Form();
    ActionNotice(page, request);
    SearchBox(page, "");
    page.Set("TODAY", FormatFrenchLongDate(week->today));
    page.Set("OVERDUE_COUNT", std::to_string(week->overdue.size()));
    page.Set("UPCOMING_COUNT", std::to_string(week->upcoming.size()));
    if (week->overdue.empty()) page.Show("NO_OVERDUE");
    for (const auto& r : week->overdue)
      InteractionRowTo(*page.dict().AddSectionDictionary("OVERDUE"), r, week->today, true);
    if (week->upcoming.empty()) page.Show("NO_UPCOMING");
    for (const auto& r : week->upcoming)
      InteractionRowTo(*page.dict().AddSectionDictionary("UPCOMING"), r, week->today, true);
    page.Set("VALIDATION_COUNT", std::to_string(week->awaiting_validation.size()));
    for (const auto& o : week->awaiting_validation) {
      Dict* row = page.dict().AddSectionDictionary("AWAITING");
      row->SetValue("NAME", o.name);
      row->SetValue("KIND", KindLabel(o.kind));
      row->SetValue("SINCE", FormatFrenchDateTime(o.created_at));
    }
    page.Set("REQUESTS_COUNT", FrenchCount(week->aid_requests_to_instruct));
    return page.Render(services.templates);
  });

  // The global search: a page without JavaScript, and JSON for the results as one types.
  router.Get("/conseil/recherche", staff, [&services, &crm](Request& request) {
    const std::string q = request.Query("q");
    auto hits = crm.Search(*request.actor, q);
    if (!hits) return ErrorResponse(request, services.templates, hits.error());
    Page page(request, "Recherche", "pages/crm_search.tpl");
    SearchBox(page, q);
    page.Set("Q", q);
    if (crm::FoldQuery(q).size() < static_cast<std::size_t>(CrmService::kMinSearchLength))
      page.Show("TOO_SHORT");
    else if (hits->empty())
      page.Show("NOTHING");
    for (const auto& h : *hits) {
      Dict* row = page.dict().AddSectionDictionary("HIT");
      row->SetValue("ID", std::to_string(h.organisation_id));
      row->SetValue("NAME", h.organisation_name);
      row->SetValue("KIND", KindLabel(h.kind));
      std::vector<std::string> details;
      if (!h.siret.empty()) details.push_back("SIRET " + h.siret);
      if (!h.uai.empty()) details.push_back("UAI " + h.uai);
      if (h.contact_id)
        details.push_back(h.contact_email.empty()
                              ? fmt::format("contact : {}", h.contact_name)
                              : fmt::format("contact : {} ({})", h.contact_name, h.contact_email));
      row->SetValue("DETAILS", JoinText(details, " · "));
    }
    return page.Render(services.templates);
  });
  router.Get("/api/v1/conseil/recherche", staff, [&services, &crm](Request& request) {
    auto hits = crm.Search(*request.actor, request.Query("q"));
    if (!hits) return ErrorResponse(request, services.templates, hits.error());
    auto results = nlohmann::json::array();
    for (const auto& h : *hits) {
      std::string detail = h.contact_id ? h.contact_name : (!h.siret.empty() ? h.siret : h.uai);
      results.push_back({{"organisation_id", h.organisation_id},
                         {"name", h.organisation_name},
                         {"kind", people::OrganisationKindCode(h.kind)},
                         {"detail", detail},
                         {"url", fmt::format("/conseil/organisations/{}", h.organisation_id)}});
    }
    return Json(200, nlohmann::json{{"results", results}}.dump());
  });

  router.Get("/conseil/repertoire", staff, [&services, &crm](Request& request) {
    return OrganisationsPage(request, services, crm, false);
  });
  router.Get("/conseil/portefeuille", staff, [&services, &crm](Request& request) {
    return OrganisationsPage(request, services, crm, true);
  });
  router.Get("/conseil/repertoire.xlsx", staff, [&services, &crm](Request& request) {
    auto bytes = crm.ExportOrganisations(*request.actor, OrganisationQueryOf(request).filter);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "organisations", "organisations");
  });
  // The portfolio's export: the directory's, always filtered on the advisor asking.
  router.Get("/conseil/portefeuille.xlsx", staff, [&services, &crm](Request& request) {
    auto filter = OrganisationQueryOf(request).filter;
    filter.advisor_id = request.actor->user_id;
    auto bytes = crm.ExportOrganisations(*request.actor, filter);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "portefeuille", "portefeuille");
  });
  router.Get("/conseil/repertoire/nouvelle", staff, [&services](Request& request) {
    return NewOrganisationPage(request, services, nullptr, 200);
  });
  router.Post("/conseil/repertoire/nouvelle", staff, [&services, &crm](Request& request) {
    crm::OrganisationInput input{request.Form("kind"),         request.Form("name"),
                                 request.Form("siret"),        request.Form("uai"),
                                 request.Form("commune_code"), request.Form("idcc"),
                                 request.Form("naf"),          request.Form("headcount")};
    auto id = crm.CreateOrganisation(*request.actor, input);
    if (id) return Redirect(fmt::format("/conseil/organisations/{}?info=organisation-creee", *id));
    if (id.error().code == ErrorCode::kInvalidArgument)
      return NewOrganisationPage(request, services, &id.error(), 422);
    return ErrorResponse(request, services.templates, id.error());
  });

  router.Get("/conseil/organisations/:id", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return OrganisationPage(request, services, crm, *id, nullptr, 200);
  });
  // A refused form shows the organisation's page again with the errors (422).
  auto refused = [&services, &crm](Request& request, std::int64_t id, const Error& error) {
    if (error.code == ErrorCode::kInvalidArgument)
      return OrganisationPage(request, services, crm, id, &error, 422);
    return ErrorResponse(request, services.templates, error);
  };
  router.Post(
      "/conseil/organisations/:id/contacts", staff, [&services, &crm, refused](Request& request) {
        auto id = ParseId(request.Param("id"));
        if (!id) return ErrorResponse(request, services.templates, 404);
        auto added =
            crm.AddContact(*request.actor, *id,
                           {request.Form("name"), request.Form("job_title"), request.Form("email"),
                            request.Form("phone"), request.Form("notes")});
        if (!added) return refused(request, *id, added.error());
        return Redirect(fmt::format("/conseil/organisations/{}?info=contact-ajoute#contacts", *id));
      });
  router.Get("/conseil/contacts/:id", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return ContactPage(request, services, crm, *id, nullptr, 200);
  });
  router.Post("/conseil/contacts/:id", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto updated =
        crm.UpdateContact(*request.actor, *id,
                          {request.Form("name"), request.Form("job_title"), request.Form("email"),
                           request.Form("phone"), request.Form("notes")});
    if (!updated && updated.error().code == ErrorCode::kInvalidArgument)
      return ContactPage(request, services, crm, *id, &updated.error(), 422);
    if (!updated) return ErrorResponse(request, services.templates, updated.error());
    auto contact = crm.FindContact(*request.actor, *id);
    if (!contact) return ErrorResponse(request, services.templates, contact.error());
    return Redirect(fmt::format("/conseil/organisations/{}?info=contact-modifie#contacts",
                                contact->organisation_id));
  });
  router.Post("/conseil/contacts/:id/parti", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    const bool gone = request.Form("gone") != "0";
    auto changed = crm.SetContactGone(*request.actor, *id, gone);
    if (!changed) return ErrorResponse(request, services.templates, changed.error());
    auto contact = crm.FindContact(*request.actor, *id);
    if (!contact) return ErrorResponse(request, services.templates, contact.error());
    return Redirect(fmt::format("/conseil/organisations/{}?info={}#contacts",
                                contact->organisation_id,
                                gone ? "contact-parti" : "contact-revenu"));
  });
  router.Post("/conseil/organisations/:id/echanges", staff,
              [&services, &crm, refused](Request& request) {
                auto id = ParseId(request.Param("id"));
                if (!id) return ErrorResponse(request, services.templates, 404);
                crm::InteractionInput input;
                input.kind = request.Form("kind");
                input.occurred_on = request.Form("occurred_on");
                input.summary = request.Form("summary");
                for (const auto& [key, value] : request.form)
                  if (key == "contacts") input.contact_ids.push_back(value);
                input.young_person_email = request.Form("young_person_email");
                input.next_action = request.Form("next_action");
                input.next_action_due = request.Form("next_action_due");
                auto logged = crm.LogInteraction(*request.actor, *id, input);
                if (!logged) return refused(request, *id, logged.error());
                return Redirect(
                    fmt::format("/conseil/organisations/{}?info=echange-enregistre#echanges", *id));
              });
  router.Post(
      "/conseil/organisations/:id/referent", staff, [&services, &crm, refused](Request& request) {
        auto id = ParseId(request.Param("id"));
        if (!id) return ErrorResponse(request, services.templates, 404);
        const std::string advisor = request.Form("advisor");
        auto assigned =
            crm.Assign(*request.actor, *id, advisor == "0" ? 0 : ParseId(advisor).value_or(-1));
        if (!assigned) return refused(request, *id, assigned.error());
        return Redirect(fmt::format("/conseil/organisations/{}?info=referent-change", *id));
      });
  router.Post("/conseil/echanges/:id/fait", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    const bool done = request.Form("done") != "0";
    auto changed = crm.SetActionDone(*request.actor, *id, done);
    if (!changed) return ErrorResponse(request, services.templates, changed.error());
    const std::string back = request.Form("back");
    const std::string to = back == "semaine" ? "/conseil/ma-semaine" : "/conseil/interactions";
    return Redirect(fmt::format("{}?info={}", to, done ? "action-faite" : "action-rouverte"));
  });

  router.Get("/conseil/interactions", staff, [&services, &crm](Request& request) {
    return InteractionsPage(request, services, crm);
  });
  router.Get("/conseil/interactions.xlsx", staff, [&services, &crm](Request& request) {
    auto bytes = crm.ExportInteractions(*request.actor, InteractionQueryOf(request).filter);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "échanges", "echanges");
  });

  router.Get("/conseil/jeunes/:id", staff, [&services, &crm](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto timeline = crm.YoungPersonTimeline(*request.actor, *id);
    if (!timeline) return ErrorResponse(request, services.templates, timeline.error());
    Page page(request, timeline->first.display_name, "pages/crm_young.tpl");
    SearchBox(page, "");
    page.Set("NAME", timeline->first.display_name);
    page.Set("EMAIL", timeline->first.email);
    if (services.contracts)  // issue 8 §3: the follow-up of the apprentice they became
      if (auto apprentices = services.contracts->ApprenticesOfAccount(*request.actor, *id))
        for (const auto& a : *apprentices)
          page.dict().AddSectionDictionary("APPRENTICE")->SetValue("ID", std::to_string(a.id));
    if (timeline->second.empty()) page.Show("NO_INTERACTION");
    const Date today = crm.Today();
    for (const auto& r : timeline->second)
      InteractionRowTo(*page.dict().AddSectionDictionary("INTERACTION"), r, today, true);
    return page.Render(services.templates);
  });
}

}  // namespace maplace::web
