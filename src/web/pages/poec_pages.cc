// Issue 8 §5: POEC programmes, staff only. /conseil/poec (list, XLSX), a new programme, a
// programme's page (« N personnes recrutées dans M entreprises », hires by company and by
// outcome kind, partners, cohorts, candidates' XLSX with filters) and a cohort's page
// (candidates, their path, attendance and outcome).
#include <fmt/format.h>

#include "core/date.h"
#include "core/text.h"
#include "domain/poec/poec_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using people::Role;
using Dict = ctemplate::TemplateDictionary;

constexpr char kBase[] = "/conseil/poec";

int ParseCount(const std::string& text, int invalid) {
  const auto t = text::Trim(text);
  if (t.empty() || t.size() > 6) return invalid;
  for (char c : t)
    if (c < '0' || c > '9') return invalid;
  return std::stoi(std::string(t));
}

std::string DateText(const std::string& iso) {
  auto date = ParseIsoDate(iso);
  return date ? FormatFrenchDate(*date) : iso;
}

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

// A text input in the page's own markup: value, error and its section.
void Input(Dict& d, const char* id, const std::string& value,
           const std::map<std::string, std::string>& errors) {
  std::string upper(id);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  d.SetValue(upper, value);
  if (auto it = errors.find(id); it != errors.end())
    d.AddSectionDictionary(upper + "_ERR")->SetValue("TEXT", it->second);
}

std::string FiguresLine(const poec::OutcomeFigures& f) {
  return fmt::format("{} {} dans {} {}", f.hired,
                     f.hired > 1 ? "personnes recrutées" : "personne recrutée", f.companies,
                     f.companies > 1 ? "entreprises" : "entreprise");
}

poec::ProgrammeInput ProgrammeFrom(const Request& request) {
  return {request.Form("title"),
          request.Form("rome_code"),
          request.Form("training_organisation"),
          ParseCount(request.Form("hours"), text::Trim(request.Form("hours")).empty() ? 0 : -1),
          request.Form("funding"),
          request.Form("partner_opcos")};
}

Response ListPage(const Request& request, const WebServices& services) {
  auto programmes = services.poec->Programmes(*request.actor);
  if (!programmes) return ErrorResponse(request, services.templates, programmes.error());
  Page page(request, "Programmes POEC", "pages/poec_list.tpl");
  Dict& d = page.dict();
  if (programmes->empty()) d.ShowSection("NONE");
  for (const auto& p : *programmes) {
    Dict* row = d.AddSectionDictionary("PROGRAMME");
    row->SetValue("ID", std::to_string(p.programme.id));
    row->SetValue("TITLE", p.programme.input.title);
    row->SetValue("ROME", p.programme.input.rome_code);
    row->SetValue("JOB", p.job_label.empty() ? p.programme.input.rome_code : p.job_label);
    row->SetValue("HOURS", std::to_string(p.programme.input.hours));
    row->SetValue("COHORTS", std::to_string(p.cohorts));
    row->SetValue("CANDIDATES", std::to_string(p.figures.candidates));
    row->SetValue("FIGURES", FiguresLine(p.figures));
  }
  return page.Render(services.templates);
}

Response ProgrammeForm(const Request& request, const WebServices& services,
                       std::optional<std::int64_t> id, const Error* error, int status) {
  std::map<std::string, std::string> values;
  if (request.method == "POST") {
    for (const char* name :
         {"title", "rome_code", "training_organisation", "hours", "funding", "partner_opcos"})
      values[name] = request.Form(name);
  } else if (id) {
    auto sheet = services.poec->Sheet(*request.actor, *id);
    if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
    const auto& in = sheet->programme.input;
    values = {{"title", in.title},
              {"rome_code", in.rome_code},
              {"training_organisation", in.training_organisation},
              {"hours", std::to_string(in.hours)},
              {"funding", in.funding},
              {"partner_opcos", in.partner_opcos}};
  }
  Page page(request, id ? "Modifier le programme POEC" : "Nouveau programme POEC",
            "pages/poec_form.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("HEADING", id ? "Modifier le programme POEC" : "Nouveau programme POEC");
  d.SetValue("ACTION", id ? fmt::format("{}/{}/modifier", kBase, *id) : std::string(kBase));
  d.SetValue("CANCEL", id ? fmt::format("{}/{}", kBase, *id) : std::string(kBase));
  const auto errors = error ? error->fields : std::map<std::string, std::string>{};
  for (const char* name :
       {"title", "rome_code", "training_organisation", "hours", "funding", "partner_opcos"})
    Input(d, name, values[name], errors);
  if (auto jobs = services.jobs.Jobs())
    for (const auto& job : *jobs)
      d.AddSectionDictionary("JOB")->SetValue("VALUE", fmt::format("{} ({})", job.label, job.code));
  return page.Render(services.templates, status);
}

Response ProgrammePage(const Request& request, const WebServices& services, std::int64_t id,
                       const Error* error, int status) {
  auto sheet = services.poec->Sheet(*request.actor, id);
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  const auto& in = sheet->programme.input;
  Page page(request, in.title, "pages/poec_programme.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"cree", "Le programme est créé : ajoutez ses entreprises partenaires et une promotion."},
      {"modifie", "Le programme est modifié."},
      {"partenaire", "L'entreprise partenaire est ajoutée."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("ID", std::to_string(id));
  d.SetValue("TITLE", in.title);
  d.SetValue("ROME", in.rome_code);
  d.SetValue("JOB", sheet->job_label.empty() ? in.rome_code : sheet->job_label);
  d.SetValue("ORGANISM", in.training_organisation);
  d.SetValue("HOURS", std::to_string(in.hours));
  d.SetValue("FUNDING", in.funding.empty() ? "—" : in.funding);
  d.SetValue("OPCOS", in.partner_opcos.empty() ? "—" : in.partner_opcos);
  const auto& f = sheet->figures;
  d.SetValue("FIGURES", FiguresLine(f));
  d.SetValue("CANDIDATES", std::to_string(f.candidates));
  d.SetValue("WITH_OUTCOME", std::to_string(f.with_outcome));
  d.ShowSection(f.by_company.empty() ? "NO_HIRES" : "HAS_HIRES");
  for (const auto& c : f.by_company) {
    Dict* row = d.AddSectionDictionary("COMPANY");
    row->SetValue("NAME", c.company);
    row->SetValue("HIRED", std::to_string(c.hired));
    row->SetValue("COMMITTED", c.committed ? std::to_string(c.committed) : "—");
  }
  for (const auto& o : f.by_outcome) {
    Dict* row = d.AddSectionDictionary("OUTCOME");
    row->SetValue("LABEL", o.label);
    row->SetValue("COUNT", std::to_string(o.count));
    Dict* option = d.AddSectionDictionary("OUTCOME_OPTION");
    option->SetValue("VALUE", o.code);
    option->SetValue("LABEL", o.label);
  }
  int committed = 0;
  for (const auto& p : sheet->partners) {
    Dict* row = d.AddSectionDictionary("PARTNER");
    row->SetValue("NAME", p.company);
    row->SetValue("POSITIONS", std::to_string(p.positions));
    committed += p.positions;
  }
  if (sheet->partners.empty()) d.ShowSection("NO_PARTNER");
  d.SetValue("COMMITTED_TOTAL", std::to_string(committed));
  for (const auto& c : sheet->cohorts) {
    Dict* row = d.AddSectionDictionary("COHORT");
    row->SetValue("CID", std::to_string(c.cohort.id));
    row->SetValue("LABEL", c.cohort.label);
    row->SetValue("DATES", fmt::format("du {} au {}", DateText(c.cohort.start_date),
                                       DateText(c.cohort.end_date)));
    row->SetValue("PLACE", c.cohort.place.empty() ? "—" : c.cohort.place);
    row->SetValue("COUNT", std::to_string(c.candidates.size()));
    Dict* option = d.AddSectionDictionary("COHORT_OPTION");
    option->SetValue("VALUE", std::to_string(c.cohort.id));
    option->SetValue("LABEL", c.cohort.label);
  }
  if (sheet->cohorts.empty()) d.ShowSection("NO_COHORT");
  const auto errors = error ? error->fields : std::map<std::string, std::string>{};
  for (const char* name : {"company", "positions", "label", "start_date", "end_date", "place"})
    Input(d, name, request.method == "POST" ? request.Form(name) : "", errors);
  return page.Render(services.templates, status);
}

Response CohortPage(const Request& request, const WebServices& services, std::int64_t id,
                    const Error* error, std::int64_t failed_candidate, int status) {
  auto cohort = services.poec->CohortOf(*request.actor, id);
  if (!cohort) return ErrorResponse(request, services.templates, cohort.error());
  auto programme = services.poec->Sheet(*request.actor, cohort->cohort.programme_id);
  if (!programme) return ErrorResponse(request, services.templates, programme.error());
  Page page(request, cohort->cohort.label + " — " + programme->programme.input.title,
            "pages/poec_cohort.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"creee", "La promotion est créée : ajoutez ses candidats."},
      {"candidat", "Le candidat est ajouté."},
      {"parcours", "Le parcours est enregistré."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error && failed_candidate)
    page.Notice("error", "Ce parcours n'est pas enregistré : corrigez les erreurs indiquées.");
  else if (error)
    page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("ID", std::to_string(id));
  d.SetValue("PROGRAMME_ID", std::to_string(programme->programme.id));
  d.SetValue("PROGRAMME", programme->programme.input.title);
  d.SetValue("LABEL", cohort->cohort.label);
  d.SetValue("DATES", fmt::format("du {} au {}", DateText(cohort->cohort.start_date),
                                  DateText(cohort->cohort.end_date)));
  d.SetValue("PLACE", cohort->cohort.place.empty() ? "—" : cohort->cohort.place);
  d.SetValue("HOURS", std::to_string(programme->programme.input.hours));
  const auto figures = poec::FiguresOf(cohort->candidates, programme->partners);
  d.SetValue("FIGURES", FiguresLine(figures));
  if (cohort->candidates.empty()) d.ShowSection("NONE");
  const auto errors = error ? error->fields : std::map<std::string, std::string>{};
  for (const auto& c : cohort->candidates) {
    Dict* row = d.AddSectionDictionary("CANDIDATE");
    const bool failed = failed_candidate == c.id && request.method == "POST";
    const auto value = [&](const char* field, const std::string& stored) {
      return failed ? request.Form(field) : stored;
    };
    row->SetValue("KID", std::to_string(c.id));
    row->SetValue("NAME", c.name);
    row->SetValue("CONTACT",
                  c.email.empty() && c.phone.empty()
                      ? "—"
                      : fmt::format("{}{}{}", c.email,
                                    c.email.empty() || c.phone.empty() ? "" : " · ", c.phone));
    row->SetValue("STAGE_LABEL", std::string(poec::StageLabel(c.stage)));
    row->SetValue("OUTCOME_LABEL", c.outcome.empty()
                                       ? "—"
                                       : fmt::format("{}{}", poec::OutcomeLabel(c.outcome),
                                                     c.company.empty() ? "" : " — " + c.company));
    const std::string stage = value("stage", std::string(poec::StageCode(c.stage)));
    for (auto s : poec::AllStages()) {
      Dict* option = row->AddSectionDictionary("STAGE");
      option->SetValue("VALUE", std::string(poec::StageCode(s)));
      option->SetValue("LABEL", std::string(poec::StageLabel(s)));
      if (stage == poec::StageCode(s)) option->ShowSection("SELECTED");
    }
    const std::string outcome = value("outcome", c.outcome);
    Dict* none = row->AddSectionDictionary("OUTCOME");
    none->SetValue("VALUE", "");
    none->SetValue("LABEL", "Pas encore de sortie");
    for (const auto& [code, label] : poec::Outcomes()) {
      Dict* option = row->AddSectionDictionary("OUTCOME");
      option->SetValue("VALUE", std::string(code));
      option->SetValue("LABEL", std::string(label));
      if (outcome == code) option->ShowSection("SELECTED");
    }
    row->SetValue("HOURS_ATTENDED", value("hours_attended", std::to_string(c.hours_attended)));
    row->SetValue("COMPANY", value("company", c.company));
    row->SetValue("OUTCOME_DATE", value("outcome_date", c.outcome_date));
    if (failed)
      for (const auto& [field, message] : errors) {
        Dict* e = row->AddSectionDictionary("ROW_ERROR");
        e->SetValue("TEXT", message);
      }
  }
  if (!failed_candidate)
    for (const char* name : {"name", "email", "phone", "commune_code"})
      Input(d, name, request.method == "POST" ? request.Form(name) : "", errors);
  Dict* none = d.AddSectionDictionary("COMMUNE");
  none->SetValue("VALUE", "");
  none->SetValue("LABEL", "Choisissez une commune");
  if (auto communes = services.offers.Communes())
    for (const auto& c : *communes) {
      Dict* option = d.AddSectionDictionary("COMMUNE");
      option->SetValue("VALUE", c.insee_code);
      option->SetValue("LABEL", c.name);
      if (request.Form("commune_code") == c.insee_code && !failed_candidate)
        option->ShowSection("SELECTED");
    }
  return page.Render(services.templates, status);
}

}  // namespace

void AddPoecPages(Router& router, const WebServices& services) {
  const auto staff = Access::Roles({Role::kAdvisor, Role::kManager, Role::kAdmin});
  const std::string base = kBase;

  router.Get(base, staff, [&services](Request& request) { return ListPage(request, services); });
  router.Get(base + "/export", staff, [&services](Request& request) {
    auto bytes = services.poec->ExportProgrammes(*request.actor);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "programmes-poec.xlsx", "programmes-poec");
  });
  router.Get(base + "/nouveau", staff, [&services](Request& request) {
    return ProgrammeForm(request, services, std::nullopt, nullptr, 200);
  });
  router.Post(base, staff, [&services](Request& request) {
    auto created = services.poec->CreateProgramme(*request.actor, ProgrammeFrom(request));
    if (created) return Redirect(fmt::format("{}/{}?info=cree", kBase, *created));
    if (created.error().code == ErrorCode::kInvalidArgument)
      return ProgrammeForm(request, services, std::nullopt, &created.error(), 422);
    return ErrorResponse(request, services.templates, created.error());
  });
  router.Get(base + "/:id", staff, WithId(services, [&services](Request& request, std::int64_t id) {
               return ProgrammePage(request, services, id, nullptr, 200);
             }));
  router.Get(base + "/:id/modifier", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return ProgrammeForm(request, services, id, nullptr, 200);
             }));
  router.Post(base + "/:id/modifier", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto done =
                    services.poec->UpdateProgramme(*request.actor, id, ProgrammeFrom(request));
                if (done) return Redirect(fmt::format("{}/{}?info=modifie", kBase, id));
                if (done.error().code == ErrorCode::kInvalidArgument)
                  return ProgrammeForm(request, services, id, &done.error(), 422);
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Post(base + "/:id/partenaires", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto added = services.poec->AddPartner(*request.actor, id, request.Form("company"),
                                                       request.Form("positions"));
                if (added) return Redirect(fmt::format("{}/{}?info=partenaire", kBase, id));
                if (added.error().code == ErrorCode::kInvalidArgument)
                  return ProgrammePage(request, services, id, &added.error(), 422);
                return ErrorResponse(request, services.templates, added.error());
              }));
  router.Post(base + "/:id/promotions", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto created = services.poec->CreateCohort(
                    *request.actor, id, request.Form("label"), request.Form("start_date"),
                    request.Form("end_date"), request.Form("place"));
                if (created)
                  return Redirect(fmt::format("{}/promotions/{}?info=creee", kBase, *created));
                if (created.error().code == ErrorCode::kInvalidArgument)
                  return ProgrammePage(request, services, id, &created.error(), 422);
                return ErrorResponse(request, services.templates, created.error());
              }));
  router.Get(base + "/:id/candidats.xlsx", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               auto bytes = services.poec->ExportCandidates(
                   *request.actor, id, ParseId(request.Query("promotion")),
                   poec::IsOutcome(request.Query("sortie")) ? request.Query("sortie") : "");
               if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
               return Download(std::move(*bytes), kXlsxType, "candidats-poec.xlsx",
                               "candidats-poec");
             }));
  router.Get(base + "/promotions/:id", staff,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return CohortPage(request, services, id, nullptr, 0, 200);
             }));
  router.Post(base + "/promotions/:id/candidats", staff,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto added = services.poec->AddCandidate(
                    *request.actor, id,
                    {request.Form("name"), request.Form("email"), request.Form("phone"),
                     request.Form("commune_code")});
                if (added)
                  return Redirect(fmt::format("{}/promotions/{}?info=candidat", kBase, id));
                if (added.error().code == ErrorCode::kInvalidArgument)
                  return CohortPage(request, services, id, &added.error(), 0, 422);
                return ErrorResponse(request, services.templates, added.error());
              }));
  router.Post(
      base + "/promotions/:id/parcours", staff,
      WithId(services, [&services](Request& request, std::int64_t id) {
        const auto candidate = ParseId(request.Form("candidate"));
        if (!candidate) return ErrorResponse(request, services.templates, 404);
        const int hours = ParseCount(request.Form("hours_attended"), -1);
        auto done = services.poec->UpdatePath(
            *request.actor, *candidate,
            {request.Form("stage"), text::Trim(request.Form("hours_attended")).empty() ? 0 : hours,
             request.Form("outcome"), request.Form("company"), request.Form("outcome_date")});
        if (done)
          return Redirect(
              fmt::format("{}/promotions/{}?info=parcours#candidat-{}", kBase, id, *candidate));
        if (done.error().code == ErrorCode::kInvalidArgument)
          return CohortPage(request, services, id, &done.error(), *candidate, 422);
        return ErrorResponse(request, services.templates, done.error());
      }));
}

}  // namespace maplace::web
