// « Perspektiv Alternance » (issue 9 §4): the year-end review, for the delegation's staff, as a
// page (/pilotage/perspektiv?annee=2026), a PDF and a workbook of the same review.
#include <fmt/format.h>

#include <ctime>

#include "core/text.h"
#include "domain/review/annual_review.h"
#include "domain/review/review_text.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;

// The year of ?annee=, this year in Martinique when absent.
Result<int> YearAsked(const Request& request) {
  const std::string text = request.Query("annee");
  if (text.empty()) return YearOf(std::time(nullptr));
  auto year = ParseId(text);
  if (!year || *year < 2020 || *year > 2100)
    return FailFields("bad year", {{"annee", "Choisissez une année entre 2020 et 2100."}});
  return static_cast<int>(*year);
}

std::string FigureOf(const reporting::Indicator& i, std::int64_t value) {
  return review::FigureText(i.unit, value);
}

void AddResults(Dict& page, const review::AnnualReview& r) {
  for (const auto& i : r.results) {
    Dict* row = page.AddSectionDictionary("RESULT");
    row->SetValue("LABEL", i.label);
    row->SetValue("DEFINITION", i.definition);
    row->SetValue("VALUE", FigureOf(i, i.value));
    row->SetValue("PREVIOUS", FigureOf(i, i.previous));
  }
}

void AddActions(Dict& page, const review::AnnualReview& r) {
  page.SetValue("WORKSHOPS", review::FrenchSpacing(review::WorkshopSentence(r)));
  if (const std::string satisfaction = review::SatisfactionSentence(r); !satisfaction.empty())
    page.AddSectionDictionary("SATISFACTION_LINE")
        ->SetValue("TEXT", review::FrenchSpacing(satisfaction));
  if (!r.sessions.empty()) {
    Dict* table = page.AddSectionDictionary("SESSION_TABLE");
    for (const auto& s : r.sessions) {
      Dict* row = table->AddSectionDictionary("SESSION");
      row->SetValue("DATE", FormatFrenchDate(MartiniqueDate(s.starts_at)));
      row->SetValue("TITLE", s.title);
      row->SetValue("THEME", s.theme);
      row->SetValue("REGISTERED", FrenchCount(s.stats.registered));
      row->SetValue("ATTENDED", FrenchCount(s.stats.attended));
      row->SetValue("SATISFACTION",
                    s.stats.ratings > 0 ? review::OneDecimal(s.stats.average) + " / 5" : "—");
    }
  }
  page.SetValue("POEC", review::FrenchSpacing(review::PoecSentence(r)));
  for (const auto& part : r.aids_paid) {
    Dict* row = page.AddSectionDictionary("AID");
    row->SetValue("LABEL", part.label);
    row->SetValue("VALUE", Euros(part.value));
    row->SetValue("PREVIOUS", Euros(part.previous));
  }
  Dict* conventions = r.conventions.empty() ? nullptr : page.AddSectionDictionary("CONVENTIONS");
  for (const auto& c : r.conventions) {
    Dict* row = conventions->AddSectionDictionary("CONVENTION");
    row->SetValue("PARTNER", c.partner);
    row->SetValue("OBJECT", c.object);
    row->SetValue("PERIOD", FormatFrenchDate(c.starts_on) + " – " + FormatFrenchDate(c.ends_on));
    row->SetValue("MET", fmt::format("{} sur {}", FrenchCount(c.commitments_met),
                                     FrenchCount(c.commitments)));
  }
  if (r.conventions.empty()) page.ShowSection("NO_CONVENTION");
  page.SetValue("AIDS_PAID", Euros(r.aids_paid_cents));
  page.SetValue("PREVIOUS_AIDS_PAID", Euros(r.aids_paid_previous_cents));
}

void AddTension(Dict& page, const review::AnnualReview& r) {
  const auto& t = r.tension;
  if (t.survey_year == 0) {
    page.ShowSection("NO_TENSION");
    return;
  }
  Dict* tension = page.AddSectionDictionary("TENSION");
  tension->SetValue("SURVEY_YEAR", std::to_string(t.survey_year));
  tension->SetValue("SURVEY_PREVIOUS", std::to_string(t.previous_year));
  tension->SetValue("MIN_PROJECTS", std::to_string(review::kMinProjects));
  for (const auto& area : t.areas) {
    Dict* a = tension->AddSectionDictionary("AREA");
    a->SetValue("CODE", area.code);
    a->SetValue("NAME", area.name);
    a->SetValue("TITLE", review::FrenchSpacing(review::AreaTitle(area, t.survey_year)));
    Dict* changes = nullptr;
    auto add = [&](const review::TensionChange& c, const char* direction) {
      if (changes == nullptr) changes = a->AddSectionDictionary("CHANGES");
      Dict* row = changes->AddSectionDictionary("CHANGE");
      row->SetValue("LABEL", c.label);
      row->SetValue("DIRECTION", direction);
      row->SetValue("PROJECTS", c.projects ? FrenchCount(*c.projects) : "secret");
      row->SetValue("PREVIOUS_SHARE", review::Percent(c.previous_share));
      row->SetValue("SHARE", review::Percent(c.share));
      row->SetValue("POINTS", review::SignedPoints(c.points()));
    };
    for (const auto& c : area.risers) add(c, "hausse");
    for (const auto& c : area.fallers) add(c, "baisse");
    if (area.risers.empty() && area.fallers.empty()) a->ShowSection("NO_CHANGE");
    for (const auto& c : area.newly) {
      Dict* row = a->AddSectionDictionary("NEWLY");
      row->SetValue("LABEL", c.label);
      row->SetValue("SHARE", review::Percent(c.share));
    }
    if (area.newly.empty()) a->ShowSection("NO_NEWLY");
  }
}

void AddCfas(Dict& page, const review::AnnualReview& r) {
  for (const auto& c : r.cfas) {
    Dict* sheet = page.AddSectionDictionary("CFA");
    sheet->SetValue("ID", std::to_string(c.organisation_id));
    sheet->SetValue("NAME", c.name);
    sheet->SetValue("COMMUNE", c.commune.empty() ? "commune non renseignée" : c.commune);
    sheet->SetValue("TRAININGS", FrenchCount(c.trainings));
    sheet->SetValue("RELAYED", FrenchCount(c.offers_relayed));
    sheet->SetValue("RELAYED_PREVIOUS", FrenchCount(c.offers_relayed_previous));
    sheet->SetValue("SESSIONS_ATTENDED", FrenchCount(c.sessions_attended));
    sheet->SetValue("PEOPLE_REGISTERED", FrenchCount(c.people_registered));
    sheet->SetValue("PEOPLE_PRESENT", FrenchCount(c.people_present));
    const std::string none = review::kNotAvailable;
    sheet->SetValue("STARTED", c.contracts ? FrenchCount(c.contracts->started) : none);
    sheet->SetValue("BROKEN", c.contracts ? FrenchCount(c.contracts->broken) : none);
    sheet->SetValue("COMPLETED", c.contracts ? FrenchCount(c.contracts->completed) : none);
  }
  if (r.cfas.empty()) page.ShowSection("NO_CFA");
}

// The review of the year asked, or the response that says why not.
Result<review::AnnualReview> ReviewAsked(Request& request, const WebServices& services) {
  auto year = YearAsked(request);
  if (!year) return Fail(year.error());
  return review::Assemble({services.store, services.jobs, services.aids}, *request.actor, *year,
                          MartiniqueDate(std::time(nullptr)));
}

Response ReviewPage(Request& request, const WebServices& services) {
  auto r = ReviewAsked(request, services);
  if (!r) return ErrorResponse(request, services.templates, r.error());
  Page page(request, fmt::format("Perspektiv Alternance {}", r->year), "pages/review.tpl");
  page.Set("YEAR", std::to_string(r->year));
  page.Set("PREVIOUS_YEAR", std::to_string(r->year - 1));
  page.Set("DATED", FormatFrenchLongDate(MartiniqueDate(r->dated)));
  page.Set("PREVIOUS_HREF", fmt::format("/pilotage/perspektiv?annee={}", r->year - 1));
  page.Set("NEXT_HREF", fmt::format("/pilotage/perspektiv?annee={}", r->year + 1));
  page.Set("PDF_HREF", fmt::format("/pilotage/perspektiv.pdf?annee={}", r->year));
  page.Set("XLSX_HREF", fmt::format("/pilotage/perspektiv.xlsx?annee={}", r->year));
  AddResults(page.dict(), *r);
  AddActions(page.dict(), *r);
  AddTension(page.dict(), *r);
  AddCfas(page.dict(), *r);
  Dict* missing = r->not_available.empty() ? nullptr : page.dict().AddSectionDictionary("MISSING");
  for (const auto& line : r->not_available)
    missing->AddSectionDictionary("LINE")->SetValue("TEXT", line);
  return page.Render(services.templates);
}

Response ReviewDocument(Request& request, const WebServices& services, bool pdf) {
  auto r = ReviewAsked(request, services);
  if (!r) return ErrorResponse(request, services.templates, r.error());
  auto bytes = pdf ? review::Pdf(*r) : review::Workbook(*r);
  if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
  const std::string name = fmt::format("perspektiv-alternance-{}", r->year);
  return Download(std::move(*bytes), pdf ? "application/pdf" : kXlsxType, "", name);
}

}  // namespace

void AddReviewPages(Router& router, const WebServices& services) {
  using people::Role;
  // The same people as the steering page it comes from.
  const auto staff = Access::Roles({Role::kAdvisor, Role::kManager, Role::kFinance});
  router.Get("/pilotage/perspektiv", staff,
             [&services](Request& request) { return ReviewPage(request, services); });
  router.Get("/pilotage/perspektiv.pdf", staff,
             [&services](Request& request) { return ReviewDocument(request, services, true); });
  router.Get("/pilotage/perspektiv.xlsx", staff,
             [&services](Request& request) { return ReviewDocument(request, services, false); });
}

}  // namespace maplace::web
