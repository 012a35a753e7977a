// The review as a workbook (XLSX): one sheet per part, figures as numbers so that they can be
// summed; dated with the review's fixed instant, so that the same review gives the same bytes.
#include <fmt/format.h>

#include "core/xlsx.h"
#include "domain/review/annual_review.h"
#include "domain/review/review_text.h"

namespace maplace::review {
namespace {

using xlsx::Cell;

// Counts and days as numbers, amounts in euros, means (hundredths) as their French text.
Cell Amount(const reporting::Indicator& indicator, std::int64_t value) {
  if (indicator.unit == reporting::Unit::kCents) return xlsx::Euros{value};
  if (indicator.unit == reporting::Unit::kHundredths) return FigureText(indicator.unit, value);
  return value;
}

xlsx::Sheet Results(const AnnualReview& review) {
  xlsx::Sheet sheet{"Résultats",
                    {"Indicateur", "Détail", std::to_string(review.year),
                     std::to_string(review.year - 1), "Définition"},
                    {}};
  for (const auto& i : review.results) {
    sheet.rows.push_back(
        {i.label, std::string(), Amount(i, i.value), Amount(i, i.previous), i.definition});
    for (const auto& part : i.breakdown)
      sheet.rows.push_back({i.label, part.label.empty() ? part.key : part.label,
                            Amount(i, part.value), Amount(i, part.previous), std::string()});
  }
  return sheet;
}

xlsx::Sheet Workshops(const AnnualReview& review) {
  xlsx::Sheet sheet{
      "Ateliers",
      {"Date", "Atelier", "Thème", "Places", "Inscrits", "Présents", "Organisations présentes",
       "Réponses au questionnaire", "Satisfaction (sur 5)"},
      {}};
  for (const auto& s : review.sessions) {
    sheet.rows.push_back({MartiniqueDate(s.starts_at), s.title, s.theme, std::int64_t{s.capacity},
                          std::int64_t{s.stats.registered}, std::int64_t{s.stats.attended},
                          std::int64_t{s.organisations_attending}, std::int64_t{s.stats.ratings},
                          s.stats.ratings > 0 ? OneDecimal(s.stats.average) : std::string()});
  }
  return sheet;
}

xlsx::Sheet Poec(const AnnualReview& review) {
  xlsx::Sheet sheet{
      "POEC", {"Résultat", std::to_string(review.year), std::to_string(review.year - 1)}, {}};
  const auto& now = review.poec;
  const auto& then = review.poec_previous;
  sheet.rows.push_back({std::string("Candidats avec un résultat"), std::int64_t{now.with_outcome},
                        std::int64_t{then.with_outcome}});
  sheet.rows.push_back(
      {std::string("Personnes recrutées"), std::int64_t{now.hired}, std::int64_t{then.hired}});
  sheet.rows.push_back({std::string("Entreprises qui ont recruté"), std::int64_t{now.companies},
                        std::int64_t{then.companies}});
  for (std::size_t k = 0; k < now.by_outcome.size(); ++k) {
    const std::int64_t before = k < then.by_outcome.size() ? then.by_outcome[k].count : 0;
    sheet.rows.push_back({now.by_outcome[k].label, std::int64_t{now.by_outcome[k].count}, before});
  }
  for (const auto& c : now.by_company)
    sheet.rows.push_back({"Recrutements : " + c.company, std::int64_t{c.hired}, std::string()});
  return sheet;
}

xlsx::Sheet Aids(const AnnualReview& review) {
  xlsx::Sheet sheet{
      "Aides versées", {"Aide", std::to_string(review.year), std::to_string(review.year - 1)}, {}};
  for (const auto& part : review.aids_paid)
    sheet.rows.push_back({part.label, xlsx::Euros{part.value}, xlsx::Euros{part.previous}});
  sheet.rows.push_back({std::string("Total"), xlsx::Euros{review.aids_paid_cents},
                        xlsx::Euros{review.aids_paid_previous_cents}});
  return sheet;
}

xlsx::Sheet Tension(const AnnualReview& review) {
  const auto& t = review.tension;
  xlsx::Sheet sheet{
      "Métiers en tension",
      {"Bassin d'emploi", "Évolution", "Code FAP", "Famille de métiers",
       fmt::format("Projets {}", t.survey_year), fmt::format("Projets {}", t.previous_year),
       fmt::format("Part difficile {} (%)", t.survey_year),
       fmt::format("Part difficile {} (%)", t.previous_year), "Écart (points)"},
      {}};
  auto add = [&](const AreaTension& area, const char* what, const TensionChange& c) {
    sheet.rows.push_back({area.name, std::string(what), c.fap_code, c.label, c.projects.value_or(0),
                          c.previous_projects.value_or(0), OneDecimal(100 * c.share),
                          OneDecimal(100 * c.previous_share), SignedPoints(c.points())});
  };
  for (const auto& area : t.areas) {
    for (const auto& c : area.risers) add(area, "Hausse", c);
    for (const auto& c : area.fallers) add(area, "Baisse", c);
    for (const auto& c : area.newly) add(area, "Nouvellement en tension", c);
  }
  return sheet;
}

xlsx::Sheet Cfas(const AnnualReview& review) {
  xlsx::Sheet sheet{
      "CFA",
      {"CFA", "Commune", "Formations publiées", fmt::format("Offres relayées {}", review.year),
       fmt::format("Offres relayées {}", review.year - 1), "Ateliers suivis",
       "Places réservées aux ateliers", "Présents aux ateliers", "Contrats commencés", "Ruptures",
       "Contrats menés à terme"},
      {}};
  for (const auto& c : review.cfas) {
    std::vector<Cell> row{c.name,
                          c.commune,
                          std::int64_t{c.trainings},
                          std::int64_t{c.offers_relayed},
                          std::int64_t{c.offers_relayed_previous},
                          std::int64_t{c.sessions_attended},
                          std::int64_t{c.people_registered},
                          std::int64_t{c.people_present}};
    if (c.contracts) {
      row.insert(row.end(), {c.contracts->started, c.contracts->broken, c.contracts->completed});
    } else {
      row.insert(row.end(), 3, std::string(kNotAvailable));
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

xlsx::Sheet Conventions(const AnnualReview& review) {
  xlsx::Sheet sheet{"Conventions",
                    {"Partenaire", "Objet", "Début", "Fin", "Engagements", "Engagements tenus"},
                    {}};
  for (const auto& c : review.conventions)
    sheet.rows.push_back({c.partner, c.object, c.starts_on, c.ends_on, std::int64_t{c.commitments},
                          std::int64_t{c.commitments_met}});
  return sheet;
}

xlsx::Sheet Missing(const AnnualReview& review) {
  xlsx::Sheet sheet{"Non disponible", {"Ce que le bilan ne dit pas encore"}, {}};
  for (const auto& line : review.not_available) sheet.rows.push_back({line});
  return sheet;
}

}  // namespace

Result<std::string> Workbook(const AnnualReview& review) {
  return xlsx::Write({Results(review), Workshops(review), Poec(review), Aids(review),
                      Conventions(review), Tension(review), Cfas(review), Missing(review)},
                     review.dated);
}

}  // namespace maplace::review
