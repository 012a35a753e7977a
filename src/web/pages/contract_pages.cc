// The register of contracts and the apprentices' follow-up (issue 8 §3): the list with its
// filters and XLSX export, the contract form with the aids engine's checks, the CSV import with
// a preview of its errors, and an apprentice's follow-up record. Staff only: employers, CFAs
// and young people never reach these routes.
#include <fmt/format.h>

#include "core/text.h"
#include "core/time_format.h"
#include "domain/contracts/contract_service.h"
#include "domain/crm/branches.h"
#include "domain/trainings/training.h"
#include "web/error_response.h"
#include "web/french.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using contracts::ContractService;
using Dict = ctemplate::TemplateDictionary;
using Pairs = std::vector<std::pair<std::string, std::string>>;

constexpr char kBase[] = "/conseil/contrats";

std::string QueryString(const Pairs& values) {
  std::string out;
  for (const auto& [key, value] : values) {
    if (value.empty()) continue;
    out += fmt::format("{}{}={}", out.empty() ? "?" : "&", key, text::UrlEncode(value));
  }
  return out;
}

Pairs LevelOptions(const char* any) {
  Pairs out;
  if (any) out.emplace_back("", any);
  for (int level = 3; level <= 8; ++level)
    out.emplace_back(std::to_string(level), trainings::LevelLabel(level));
  return out;
}

Pairs StateOptions(const char* any) {
  Pairs out;
  if (any) out.emplace_back("", any);
  for (auto s :
       {contracts::State::kRunning, contracts::State::kBroken, contracts::State::kCompleted})
    out.emplace_back(std::string(contracts::StateCode(s)), std::string(contracts::StateLabel(s)));
  return out;
}

// The employers or CFAs of the register, for the filters.
Pairs PartyOptions(const Request& request, ContractService& service, bool cfas, const char* any) {
  Pairs out = {{"", any}};
  if (auto parties = service.Parties(*request.actor, cfas))
    for (const auto& [id, name] : *parties) out.emplace_back(std::to_string(id), name);
  return out;
}

// ---------- The list ----------

struct ListQuery {
  contracts::ContractFilter filter;
  Pairs values;  // as given, for links
};

ListQuery ListQueryOf(const Request& request) {
  ListQuery q;
  auto& f = q.filter;
  const int year = std::atoi(request.Query("year").c_str());
  f.year = year >= 2000 && year <= 2100 ? year : 0;
  f.employer_id = ParseId(request.Query("employer")).value_or(0);
  f.cfa_id = ParseId(request.Query("cfa")).value_or(0);
  f.state = contracts::ParseState(request.Query("state"));
  const int level = std::atoi(request.Query("level").c_str());
  f.level = level >= 3 && level <= 8 ? level : 0;
  f.failing_checks_only = request.Query("checks") == "failing";
  const int page = std::atoi(request.Query("page").c_str());
  f.page = page >= 1 && page <= 1000000 ? page : 1;
  q.values = {{"year", f.year ? std::to_string(f.year) : ""},
              {"employer", f.employer_id ? std::to_string(f.employer_id) : ""},
              {"cfa", f.cfa_id ? std::to_string(f.cfa_id) : ""},
              {"state", f.state ? std::string(contracts::StateCode(*f.state)) : ""},
              {"level", f.level ? std::to_string(f.level) : ""},
              {"checks", f.failing_checks_only ? "failing" : ""}};
  return q;
}

Response ListPage(const Request& request, const WebServices& services, ContractService& service) {
  auto query = ListQueryOf(request);
  auto list = service.List(*request.actor, query.filter);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  Page page(request, "Contrats", "pages/contracts.tpl");
  const auto& f = query.filter;
  const int this_year = static_cast<int>(service.Today().year());
  Pairs years = {{"", "Toutes les années"}};
  for (int y = this_year + 1; y >= this_year - 6; --y)
    years.emplace_back(std::to_string(y), std::to_string(y));
  Options(page.dict(), "YEAR_OPTION", years, f.year ? std::to_string(f.year) : "");
  Options(page.dict(), "EMPLOYER_OPTION",
          PartyOptions(request, service, false, "Tous les employeurs"),
          f.employer_id ? std::to_string(f.employer_id) : "");
  Options(page.dict(), "CFA_OPTION", PartyOptions(request, service, true, "Tous les CFA"),
          f.cfa_id ? std::to_string(f.cfa_id) : "");
  Options(page.dict(), "STATE_OPTION", StateOptions("Tous les états"),
          f.state ? std::string(contracts::StateCode(*f.state)) : "");
  Options(page.dict(), "LEVEL_OPTION", LevelOptions("Tous les niveaux"),
          f.level ? std::to_string(f.level) : "");
  Options(page.dict(), "CHECKS_OPTION", {{"", "Tous"}, {"failing", "Avec un contrôle en échec"}},
          f.failing_checks_only ? "failing" : "");
  const Date today = service.Today();
  for (const auto& r : list->rows) {
    const auto& c = r.contract;
    Dict* row = page.dict().AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("APPRENTICE_ID", std::to_string(c.apprentice_id));
    row->SetValue("NAME", fmt::format("{} {}", r.apprentice.last_name, r.apprentice.first_name));
    if (AgeOn(r.apprentice.birth_date, today) < 18) row->ShowSection("MINOR");
    row->SetValue("EMPLOYER", r.employer_name);
    row->SetValue("CFA", r.cfa_name.empty() ? "—" : r.cfa_name);
    row->SetValue("LEVEL", std::to_string(c.level));
    row->SetValue("KIND", std::string(contracts::KindLabel(c.kind)));
    row->SetValue("DATES", fmt::format("{} → {}", FormatFrenchDate(c.starts_on),
                                       FormatFrenchDate(c.ends_on)));
    row->SetValue("STATE", std::string(contracts::StateLabel(c.state)));
    if (c.FailedChecks() > 0)
      row->SetValueAndShowSection("FAILED", std::to_string(c.FailedChecks()), "HAS_FAILED");
  }
  page.Show(list->rows.empty() ? "EMPTY" : "ROWS");
  page.Set("TOTAL", FrenchCount(list->total));
  page.Set("PAGE", std::to_string(list->page));
  page.Set("PAGES", std::to_string(list->PageCount()));
  auto link = [&](int n) {
    auto with = query.values;
    with.emplace_back("page", n > 1 ? std::to_string(n) : "");
    return kBase + QueryString(with);
  };
  if (list->page > 1)
    page.dict().SetValueAndShowSection("PREVIOUS", link(list->page - 1), "HAS_PREVIOUS");
  if (list->page < list->PageCount())
    page.dict().SetValueAndShowSection("NEXT", link(list->page + 1), "HAS_NEXT");
  page.Set("EXPORT", std::string(kBase) + ".xlsx" + QueryString(query.values));
  return page.Render(services.templates);
}

// ---------- The form ----------

struct FieldSpec {
  const char* id;
  const char* label;
  const char* type;  // "text", "date", "email", "number", "select", "textarea"
  const char* hint;
  int max;
};

contracts::ContractInput InputFrom(const Request& request) {
  auto f = [&](const char* name) { return request.Form(name); };
  return {f("kind"),
          f("last_name"),
          f("first_name"),
          f("birth_date"),
          f("email"),
          f("employer_siret"),
          f("cfa"),
          f("rncp_code"),
          f("certification_title"),
          f("level"),
          f("concluded_on"),
          f("starts_on"),
          f("ends_on"),
          f("training_starts_on"),
          f("tutor_name"),
          f("tutor_experience_years"),
          f("tutor_other_apprentices"),
          f("pay_year1"),
          f("pay_year2"),
          f("pay_year3"),
          f("pay_year4"),
          f("opco"),
          f("state"),
          f("broken_on"),
          f("break_initiative"),
          f("break_reason"),
          f("after_break"),
          f("after_break_note")};
}

std::string ValueOf(const contracts::ContractInput& in, const std::string& id) {
  const std::map<std::string, const std::string*> values = {
      {"kind", &in.kind},
      {"last_name", &in.last_name},
      {"first_name", &in.first_name},
      {"birth_date", &in.birth_date},
      {"email", &in.email},
      {"employer_siret", &in.employer_siret},
      {"cfa", &in.cfa},
      {"rncp_code", &in.rncp_code},
      {"certification_title", &in.certification_title},
      {"level", &in.level},
      {"concluded_on", &in.concluded_on},
      {"starts_on", &in.starts_on},
      {"ends_on", &in.ends_on},
      {"training_starts_on", &in.training_starts_on},
      {"tutor_name", &in.tutor_name},
      {"tutor_experience_years", &in.tutor_experience_years},
      {"tutor_other_apprentices", &in.tutor_other_apprentices},
      {"pay_year1", &in.pay_year1},
      {"pay_year2", &in.pay_year2},
      {"pay_year3", &in.pay_year3},
      {"pay_year4", &in.pay_year4},
      {"opco", &in.opco},
      {"state", &in.state},
      {"broken_on", &in.broken_on},
      {"break_initiative", &in.break_initiative},
      {"break_reason", &in.break_reason},
      {"after_break", &in.after_break},
      {"after_break_note", &in.after_break_note}};
  auto it = values.find(id);
  return it == values.end() ? std::string() : *it->second;
}

Pairs SelectOptions(const std::string& id) {
  if (id == "kind")
    return {{"apprentissage", "Apprentissage"}, {"professionnalisation", "Professionnalisation"}};
  if (id == "level") return LevelOptions("Choisissez");
  if (id == "state") return StateOptions(nullptr);
  if (id == "opco") {
    Pairs out = {{"", "Non précisé"}};
    for (auto code : crm::kOpcoCodes)
      out.emplace_back(std::string(code), std::string(crm::OpcoLabel(code)));
    return out;
  }
  if (id == "break_initiative") {
    Pairs out = {{"", "—"}};
    for (auto code : contracts::kInitiatives)
      out.emplace_back(std::string(code), std::string(contracts::InitiativeLabel(code)));
    return out;
  }
  if (id == "after_break") {
    Pairs out = {{"", "—"}};
    for (auto code : contracts::kAfterBreaks)
      out.emplace_back(std::string(code), std::string(contracts::AfterBreakLabel(code)));
    return out;
  }
  return {};
}

void FormGroups(Page& page, const contracts::ContractInput& in, const Error* error) {
  static const std::vector<std::pair<const char*, std::vector<FieldSpec>>> groups = {
      {"Le contrat",
       {{"kind", "Type de contrat", "select", nullptr, 0},
        {"state", "État", "select", nullptr, 0},
        {"concluded_on", "Conclu le", "date", nullptr, 10},
        {"starts_on", "Début d'exécution", "date", nullptr, 10},
        {"ends_on", "Fin du contrat", "date", nullptr, 10},
        {"opco", "OPCO", "select", nullptr, 0}}},
      {"L'apprenti",
       {{"last_name", "Nom", "text", nullptr, 120},
        {"first_name", "Prénom", "text", nullptr, 120},
        {"birth_date", "Date de naissance", "date", nullptr, 10},
        {"email", "Adresse e-mail (facultative)", "email",
         "Relie le contrat à son compte sur le site.", 254}}},
      {"L'employeur et le CFA",
       {{"employer_siret", "SIRET de l'employeur", "text", "Un employeur du répertoire.", 20},
        {"cfa", "UAI ou SIRET du CFA", "text",
         "Facultatif pour un contrat de professionnalisation.", 20},
        {"tutor_name", "Maître d'apprentissage ou tuteur", "text", nullptr, 120},
        {"tutor_experience_years", "Années d'expérience du maître d'apprentissage", "number",
         "Facultatif.", 2},
        {"tutor_other_apprentices", "Autres apprentis qu'il suit", "number", nullptr, 2}}},
      {"La formation",
       {{"rncp_code", "Code RNCP", "text", "Ex. RNCP35632.", 12},
        {"certification_title", "Diplôme ou titre préparé", "text", nullptr, 300},
        {"level", "Niveau", "select", nullptr, 0},
        {"training_starts_on", "Début de la formation au CFA (facultatif)", "date", nullptr, 10}}},
      {"La rémunération (brut mensuel)",
       {{"pay_year1", "1re année", "text", "En euros, ex. 1 234,56.", 20},
        {"pay_year2", "2e année", "text", nullptr, 20},
        {"pay_year3", "3e année", "text", nullptr, 20},
        {"pay_year4", "4e année", "text", nullptr, 20}}},
      {"En cas de rupture",
       {{"broken_on", "Date de la rupture", "date", nullptr, 10},
        {"break_initiative", "À l'initiative de", "select", nullptr, 0},
        {"break_reason", "Motif", "textarea", nullptr, 1000},
        {"after_break", "Et ensuite", "select", nullptr, 0},
        {"after_break_note", "Précisions sur la suite", "textarea", nullptr, 1000}}}};
  for (const auto& [legend, fields] : groups) {
    Dict* group = page.dict().AddSectionDictionary("GROUP");
    group->SetValue("LEGEND", legend);
    for (const auto& spec : fields) {
      Dict* field = group->AddSectionDictionary("FIELD");
      const std::string id = spec.id;
      field->SetValue("ID", id);
      field->SetValue("LABEL", spec.label);
      std::string described;
      if (spec.hint) {
        field->AddSectionDictionary("HINT")->SetValue("TEXT", spec.hint);
        described = id + "-hint";
      }
      if (error) {
        if (auto it = error->fields.find(id); it != error->fields.end()) {
          field->AddSectionDictionary("ERR")->SetValue("MESSAGE", it->second);
          described += (described.empty() ? "" : " ") + id + "-err";
          field->ShowSection("INVALID");
        }
      }
      if (!described.empty()) field->SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
      const std::string value = ValueOf(in, id);
      const std::string type = spec.type;
      if (type == "select") {
        Dict* select = field->AddSectionDictionary("SELECT");
        Options(*select, "OPTION", SelectOptions(id), value);
      } else if (type == "textarea") {
        field->AddSectionDictionary("AREA")->SetValue("VALUE", value);
        field->SetValue("MAX", std::to_string(spec.max));
      } else {
        Dict* input = field->AddSectionDictionary("INPUT");
        input->SetValue("TYPE", type == "number" ? "text" : type);
        if (type == "number") input->ShowSection("NUMERIC");
        input->SetValue("VALUE", value);
        input->SetValue("MAX", std::to_string(spec.max));
      }
    }
  }
}

void ChecksTo(Page& page, const std::vector<contracts::StoredCheck>& checks) {
  if (checks.empty()) return;
  int failed = 0;
  for (const auto& c : checks) {
    Dict* row = page.dict().AddSectionDictionary("CHECK");
    row->SetValue("SENTENCE", c.sentence);
    row->ShowSection(c.ok ? "OK" : "FAILED");
    failed += c.ok ? 0 : 1;
  }
  page.Show("CHECKS");
  if (failed > 0)
    page.dict().SetValueAndShowSection("FAILED_COUNT", std::to_string(failed), "HAS_FAILED");
  else
    page.Show("ALL_OK");
}

Response FormPage(const Request& request, const WebServices& services, ContractService& service,
                  std::optional<std::int64_t> id, const Error* error, int status) {
  contracts::ContractInput input;
  std::vector<contracts::StoredCheck> checks;
  std::string title = "Nouveau contrat";
  std::int64_t apprentice_id = 0;
  if (id) {
    auto row = service.Find(*request.actor, *id);
    if (!row) return ErrorResponse(request, services.templates, row.error());
    input = ContractService::InputOf(*row);
    checks = row->contract.checks;
    apprentice_id = row->contract.apprentice_id;
    title = fmt::format("Contrat de {} {}", row->apprentice.first_name, row->apprentice.last_name);
  }
  if (error || request.method == "POST") input = InputFrom(request);
  Page page(request, title, "pages/contract_form.tpl");
  page.Form();
  page.Set("HEADING", title);
  if (error) page.Errors(*error);
  page.Set("ACTION", id ? fmt::format("{}/{}", kBase, *id) : std::string(kBase) + "/nouveau");
  if (apprentice_id)
    page.dict().SetValueAndShowSection("APPRENTICE_ID", std::to_string(apprentice_id),
                                       "HAS_APPRENTICE");
  const std::string info = request.Query("info");
  if (info == "contrat-enregistre") page.Notice("success", "Le contrat est enregistré.");
  ChecksTo(page, checks);
  FormGroups(page, input, error);
  return page.Render(services.templates, status);
}

// ---------- The import ----------

Response ImportPage(const Request& request, const WebServices& services,
                    const contracts::ImportOutcome* outcome, bool dry_run, int status) {
  Page page(request, "Importer des contrats", "pages/contracts_import.tpl");
  page.Form();
  for (const auto& column : contracts::CsvColumns())
    page.dict().AddSectionDictionary("COLUMN")->SetValue("NAME", column);
  if (outcome && !outcome->errors.empty()) {
    Dict* errors = page.dict().AddSectionDictionary("IMPORT_ERRORS");
    errors->SetValue("N", std::to_string(outcome->errors.size()));
    for (const auto& e : outcome->errors)
      errors->AddSectionDictionary("ROW_ERROR")->SetValue("TEXT", e);
  } else if (outcome && dry_run) {
    Dict* preview = page.dict().AddSectionDictionary("PREVIEW");
    preview->SetValue("LINES", std::to_string(outcome->lines));
    preview->SetValue("FAILING", std::to_string(outcome->failing_checks));
  }
  return page.Render(services.templates, status);
}

// ---------- The follow-up ----------

Response FollowUpPage(const Request& request, const WebServices& services, ContractService& service,
                      std::int64_t id, const Error* error, int status) {
  auto file = service.FollowUp(*request.actor, id);
  if (!file) return ErrorResponse(request, services.templates, file.error());
  const auto& a = file->apprentice;
  const std::string name = fmt::format("{} {}", a.first_name, a.last_name);
  Page page(request, name, "pages/apprentice.tpl");
  page.Form();
  if (error) page.Errors(*error);
  FieldErrors(page.dict(), error);
  static const std::map<std::string, std::string> infos = {
      {"difficulte", "La difficulté est enregistrée."},
      {"resolue", "La difficulté est levée."},
      {"risque", "Le risque de rupture est enregistré."},
      {"action", "L'action est enregistrée."},
      {"action-faite", "L'action est marquée comme faite."},
      {"action-rouverte", "L'action est de nouveau à faire."},
      {"note", "La note est enregistrée."},
      {"aide", "La demande d'aide est liée."},
      {"referent", "Le conseiller référent est enregistré."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  page.Set("ID", std::to_string(a.id));
  page.Set("ID_APPRENTICE", std::to_string(a.id));  // inside rows, where {{ID}} is the row's
  page.Set("NAME", name);
  page.Set("BIRTH", FormatFrenchDate(a.birth_date));
  page.Set("AGE", std::to_string(file->age));
  if (file->minor) page.Show("MINOR");
  if (a.young_person_id)
    page.dict().SetValueAndShowSection("YOUNG_ID", std::to_string(a.young_person_id),
                                       "HAS_ACCOUNT");
  page.Set("ADVISOR", file->advisor_name.empty() ? "aucun" : file->advisor_name);
  page.Set("RISK", std::string(contracts::RiskLabel(a.risk)));
  page.Set("RISK_CODE", a.risk);
  const Date today = service.Today();
  for (const auto& r : file->contracts) {
    const auto& c = r.contract;
    Dict* row = page.dict().AddSectionDictionary("CONTRACT");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("KIND", std::string(contracts::KindLabel(c.kind)));
    row->SetValue("EMPLOYER", r.employer_name);
    row->SetValue("EMPLOYER_ID", std::to_string(c.employer_id));
    row->SetValue("CFA", r.cfa_name.empty() ? "sans CFA" : r.cfa_name);
    row->SetValue("TITLE", c.certification_title);
    row->SetValue("DATES", fmt::format("du {} au {}", FormatFrenchDate(c.starts_on),
                                       FormatFrenchDate(c.ends_on)));
    row->SetValue("STATE", std::string(contracts::StateLabel(c.state)));
    if (c.broken_on) {
      Dict* b = row->AddSectionDictionary("BROKEN");
      b->SetValue("ON", FormatFrenchDate(*c.broken_on));
      b->SetValue("INITIATIVE", std::string(contracts::InitiativeLabel(c.break_initiative)));
      b->SetValue("REASON", c.break_reason);
      b->SetValue("AFTER", std::string(contracts::AfterBreakLabel(c.after_break)));
      if (!c.after_break_note.empty())
        b->SetValueAndShowSection("NOTE", c.after_break_note, "HAS_NOTE");
    }
    if (c.FailedChecks() > 0)
      row->SetValueAndShowSection("FAILED", std::to_string(c.FailedChecks()), "HAS_FAILED");
  }
  if (file->contracts.empty()) page.Show("NO_CONTRACT");
  for (const auto& d : file->difficulties) {
    Dict* row = page.dict().AddSectionDictionary("DIFFICULTY");
    row->SetValue("ID", std::to_string(d.id));
    row->SetValue("KIND", std::string(contracts::DifficultyLabel(d.kind)));
    row->SetValue("ON", FormatFrenchDate(d.noted_on));
    row->SetValue("TEXT", d.description);
    if (d.resolved_on)
      row->SetValueAndShowSection("RESOLVED", FormatFrenchDate(*d.resolved_on), "IS_RESOLVED");
    else
      row->ShowSection("OPEN");
  }
  if (file->difficulties.empty()) page.Show("NO_DIFFICULTY");
  for (const auto& r : file->risks) {
    Dict* row = page.dict().AddSectionDictionary("RISK_ROW");
    row->SetValue("LEVEL", std::string(contracts::RiskLabel(r.risk)));
    row->SetValue("AT", FormatFrenchDateTime(r.created_at));
    row->SetValue("BY", r.created_by_name);
    row->SetValue("REASON", r.reason.empty() ? "" : " : " + r.reason);
  }
  if (file->risks.empty()) page.Show("NO_RISK");
  for (const auto& act : file->actions) {
    Dict* row = page.dict().AddSectionDictionary("ACTION");
    row->SetValue("ID", std::to_string(act.id));
    row->SetValue("BODY", act.body);
    row->SetValue("DUE", FormatFrenchDate(act.due_on));
    if (act.done_on) {
      row->SetValueAndShowSection("DONE_ON", FormatFrenchDate(*act.done_on), "DONE");
    } else {
      row->ShowSection("TODO");
      if (act.due_on < today) row->ShowSection("OVERDUE");
    }
  }
  if (file->actions.empty()) page.Show("NO_ACTION");
  for (const auto& n : file->notes) {
    Dict* row = page.dict().AddSectionDictionary("NOTE");
    row->SetValue("AT", FormatFrenchDateTime(n.created_at));
    row->SetValue("BY", n.created_by_name);
    if (n.sensitive) row->ShowSection("SENSITIVE");
    if (n.hidden)
      row->ShowSection("HIDDEN");
    else
      row->SetValueAndShowSection("BODY", n.body, "READABLE");
  }
  if (file->notes.empty()) page.Show("NO_NOTE");
  for (const auto& r : file->aid_requests) {
    Dict* row = page.dict().AddSectionDictionary("AID");
    row->SetValue("ID", std::to_string(r.aid_request_id));
    row->SetValue("NAME", AidName(services, r.aid_id));
    row->SetValue("STATE", r.state);
    row->SetValue("AMOUNT", Euros(r.amount_cents));
  }
  if (file->aid_requests.empty()) page.Show("NO_AID");
  Pairs difficulty_options;
  for (auto d : contracts::kDifficulties)
    difficulty_options.emplace_back(std::string(contracts::DifficultyCode(d)),
                                    std::string(contracts::DifficultyLabel(d)));
  Options(page.dict(), "DIFFICULTY_OPTION", difficulty_options, request.Form("kind"));
  Pairs risk_options;
  for (auto r : contracts::kRisks)
    risk_options.emplace_back(std::string(r), std::string(contracts::RiskLabel(r)));
  Options(page.dict(), "RISK_OPTION", risk_options, a.risk);
  Pairs advisors = {{"0", "Aucun"}};
  if (services.crm)
    if (auto list = services.crm->Advisors(*request.actor))
      for (const auto& adv : *list) advisors.emplace_back(std::to_string(adv.id), adv.name);
  Options(page.dict(), "ADVISOR_OPTION", advisors, std::to_string(a.advisor_id));
  page.Set("TODAY", FormatIsoDate(today));
  if (file->can_read_sensitive) page.Show("CAN_READ_SENSITIVE");
  return page.Render(services.templates, status);
}

}  // namespace

void AddContractPages(Router& router, const WebServices& services) {
  if (!services.contracts) return;
  ContractService& service = *services.contracts;
  const auto staff = Access::Staff();

  router.Get(kBase, staff, [&services, &service](Request& request) {
    return ListPage(request, services, service);
  });
  router.Get(std::string(kBase) + ".xlsx", staff, [&services, &service](Request& request) {
    auto bytes = service.Export(*request.actor, ListQueryOf(request).filter);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "contrats", "contrats");
  });
  router.Get(std::string(kBase) + "/nouveau", staff, [&services, &service](Request& request) {
    return FormPage(request, services, service, std::nullopt, nullptr, 200);
  });
  router.Post(std::string(kBase) + "/nouveau", staff, [&services, &service](Request& request) {
    auto saved = service.Create(*request.actor, InputFrom(request));
    if (saved)
      return Redirect(fmt::format("{}/{}?info=contrat-enregistre", kBase, saved->contract_id));
    if (saved.error().code == ErrorCode::kInvalidArgument)
      return FormPage(request, services, service, std::nullopt, &saved.error(), 422);
    return ErrorResponse(request, services.templates, saved.error());
  });
  router.Get(std::string(kBase) + "/import", staff, [&services](Request& request) {
    return ImportPage(request, services, nullptr, false, 200);
  });
  router.Get(std::string(kBase) + "/modele.csv", staff, [](Request&) {
    std::string header;
    for (const auto& c : contracts::CsvColumns()) header += (header.empty() ? "" : ";") + c;
    return Download(header + "\n", "text/csv; charset=utf-8", "modele-contrats.csv",
                    "modele-contrats");
  });
  router.Post(
      std::string(kBase) + "/import", staff,
      [&services, &service](Request& request) {
        const UploadedFile* file = nullptr;
        for (const auto& f : request.files)
          if (f.field == "contrats" && !f.filename.empty()) file = &f;
        const bool dry_run = request.Form("mode") != "import";
        contracts::ImportOutcome outcome;
        if (file == nullptr) {
          outcome.errors.push_back("Choisissez le fichier CSV des contrats.");
        } else {
          auto done = service.ImportCsv(*request.actor, file->bytes, dry_run);
          if (!done) return ErrorResponse(request, services.templates, done.error());
          outcome = std::move(*done);
        }
        if (!outcome.errors.empty()) return ImportPage(request, services, &outcome, dry_run, 422);
        if (dry_run) return ImportPage(request, services, &outcome, true, 200);
        return Redirect(fmt::format("{}?info=import&n={}", kBase, outcome.created));
      },
      BodyKind::kMultipart);
  router.Get(std::string(kBase) + "/:id", staff, [&services, &service](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return FormPage(request, services, service, *id, nullptr, 200);
  });
  router.Post(std::string(kBase) + "/:id", staff, [&services, &service](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto saved = service.Update(*request.actor, *id, InputFrom(request));
    if (saved) return Redirect(fmt::format("{}/{}?info=contrat-enregistre", kBase, *id));
    if (saved.error().code == ErrorCode::kInvalidArgument)
      return FormPage(request, services, service, *id, &saved.error(), 422);
    return ErrorResponse(request, services.templates, saved.error());
  });

  // The follow-up record: each form posts to its own path and comes back to the record.
  router.Get("/conseil/apprentis/:id", staff, [&services, &service](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return FollowUpPage(request, services, service, *id, nullptr, 200);
  });
  auto follow_up_post = [&router, &services, &service, staff](
                            const char* suffix, const char* info,
                            std::function<Status(Request&, std::int64_t)> act) {
    router.Post(fmt::format("/conseil/apprentis/:id/{}", suffix), staff,
                [&services, &service, info, act](Request& request) {
                  auto id = ParseId(request.Param("id"));
                  if (!id) return ErrorResponse(request, services.templates, 404);
                  auto done = act(request, *id);
                  if (done)
                    return Redirect(fmt::format("/conseil/apprentis/{}?info={}", *id, info));
                  if (done.error().code == ErrorCode::kInvalidArgument)
                    return FollowUpPage(request, services, service, *id, &done.error(), 422);
                  return ErrorResponse(request, services.templates, done.error());
                });
  };
  follow_up_post("difficultes", "difficulte", [&service](Request& r, std::int64_t id) {
    return service.AddDifficulty(*r.actor, id, {r.Form("kind"), r.Form("date"), r.Form("text")});
  });
  follow_up_post("difficultes/levee", "resolue", [&service](Request& r, std::int64_t id) -> Status {
    auto difficulty = ParseId(r.Form("difficulty"));
    if (!difficulty) return Fail(ErrorCode::kNotFound, "no such difficulty");
    return service.ResolveDifficulty(*r.actor, id, *difficulty);
  });
  follow_up_post("risque", "risque", [&service](Request& r, std::int64_t id) {
    return service.SetRisk(*r.actor, id, {r.Form("risk"), "", r.Form("reason")});
  });
  follow_up_post("actions", "action", [&service](Request& r, std::int64_t id) {
    return service.AddAction(*r.actor, id, {"", r.Form("due_on"), r.Form("body")});
  });
  follow_up_post("notes", "note", [&service](Request& r, std::int64_t id) {
    return service.AddNote(*r.actor, id, {"", "", r.Form("note"), r.Form("sensitive") == "1"});
  });
  follow_up_post("aides", "aide", [&service](Request& r, std::int64_t id) {
    return service.LinkAidRequest(*r.actor, id, r.Form("aid_request"));
  });
  follow_up_post("referent", "referent", [&service](Request& r, std::int64_t id) {
    const std::string advisor = r.Form("advisor");
    return service.AssignReferent(*r.actor, id, advisor == "0" ? 0 : ParseId(advisor).value_or(-1));
  });
  router.Post("/conseil/apprentis/:id/actions/:action/fait", staff,
              [&services, &service](Request& request) {
                auto id = ParseId(request.Param("id"));
                auto action = ParseId(request.Param("action"));
                if (!id || !action) return ErrorResponse(request, services.templates, 404);
                const bool done = request.Form("done") != "0";
                auto changed = service.SetActionDone(*request.actor, *action, done);
                if (!changed) return ErrorResponse(request, services.templates, changed.error());
                return Redirect(fmt::format("/conseil/apprentis/{}?info={}", *id,
                                            done ? "action-faite" : "action-rouverte"));
              });
}

}  // namespace maplace::web
