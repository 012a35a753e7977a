#include "domain/review/review_text.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "domain/review/annual_review.h"

namespace maplace::review {

std::string OneDecimal(double value) {
  const double rounded = std::round(value * 10) / 10;
  std::string text = fmt::format("{:.1f}", std::abs(rounded) < 0.05 ? 0.0 : std::abs(rounded));
  text[text.find('.')] = ',';
  return rounded <= -0.05 ? "\u2212" + text : text;
}

std::string Percent(double share) { return OneDecimal(100 * share) + "\u202f%"; }

std::string SignedPoints(double points) {
  const std::string text = OneDecimal(points);
  return text.starts_with("\u2212") || text == "0,0" ? text : "+" + text;
}

std::string FigureText(reporting::Unit unit, std::int64_t value) {
  switch (unit) {
    case reporting::Unit::kCents:
      return text::FrenchEuros(value);
    case reporting::Unit::kDays:
      return text::FrenchCount(value) + (value == 1 || value == -1 ? " jour" : " jours");
    case reporting::Unit::kHundredths: {
      const std::int64_t magnitude = std::llabs(value);
      return fmt::format("{}{},{:02}", value < 0 ? "\u2212" : "",
                         text::FrenchCount(magnitude / 100), magnitude % 100);
    }
    case reporting::Unit::kCount:
      break;
  }
  return text::FrenchCount(value);
}

std::string ChangeText(std::int64_t value, std::int64_t previous) {
  if (previous == 0) return value == 0 ? "=" : "nouveau";
  return SignedPoints(100.0 * static_cast<double>(value - previous) /
                      static_cast<double>(previous)) +
         "\u202f%";
}

std::string Counted(std::int64_t n, const char* one, const char* many) {
  return text::FrenchCount(n) + " " + (n <= 1 && n >= -1 ? one : many);
}

std::string WorkshopSentence(const AnnualReview& r) {
  const auto& now = r.workshops;
  const auto& then = r.workshops_previous;
  return fmt::format("{}, {}, {} de {} ; en {} : {}, {}.",
                     Counted(now.sessions, "session", "sessions"),
                     Counted(now.registered, "place réservée", "places réservées"),
                     Counted(now.attended, "personne présente", "personnes présentes"),
                     Counted(now.organisations, "organisation", "organisations"), r.year - 1,
                     Counted(then.sessions, "session", "sessions"),
                     Counted(then.attended, "personne présente", "personnes présentes"));
}

std::string SatisfactionSentence(const AnnualReview& r) {
  if (r.workshops.ratings == 0) return "";
  return fmt::format("Satisfaction : {} sur 5 ({} au questionnaire).",
                     OneDecimal(r.workshops.average),
                     Counted(r.workshops.ratings, "réponse", "réponses"));
}

std::string PoecSentence(const AnnualReview& r) {
  return fmt::format("{} dans {}, sur {} au bout de leur parcours ; en {} : {} dans {}.",
                     Counted(r.poec.hired, "personne recrutée", "personnes recrutées"),
                     Counted(r.poec.companies, "entreprise", "entreprises"),
                     Counted(r.poec.with_outcome, "candidat arrivé", "candidats arrivés"),
                     r.year - 1,
                     Counted(r.poec_previous.hired, "personne recrutée", "personnes recrutées"),
                     Counted(r.poec_previous.companies, "entreprise", "entreprises"));
}

std::string AreaTitle(const AreaTension& area, int survey_year) {
  return fmt::format("Bassin {} : {} en tension en {}", area.name,
                     Counted(area.in_tension, "famille", "familles"), survey_year);
}

std::string FrenchSpacing(const std::string& text) {
  static const std::pair<std::string_view, std::string_view> kSpaces[] = {
      {" ;", "\u202f;"}, {" !", "\u202f!"}, {" ?", "\u202f?"},
      {" :", "\u00a0:"}, {"« ", "«\u00a0"}, {" »", "\u00a0»"}};
  std::string out = text;
  for (const auto& [typed, printed] : kSpaces) {
    for (auto at = out.find(typed); at != std::string::npos;
         at = out.find(typed, at + printed.size()))
      out.replace(at, typed.size(), printed);
  }
  return out;
}

}  // namespace maplace::review
