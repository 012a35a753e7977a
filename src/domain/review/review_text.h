#pragma once

#include <cstdint>
#include <string>

#include "domain/reporting/indicators.h"

namespace maplace::review {

// How the review's documents write what they show, the same in the page, the PDF and the
// workbook.
inline constexpr char kNotAvailable[] = "non disponible";

std::string OneDecimal(double value);  // 4.25 -> "4,3"; −0.0 -> "0,0"
std::string Percent(double share);     // 0.625 -> "62,5 %" (narrow no-break space)
std::string SignedPoints(double points);
// An indicator's value as its unit reads: "1 234", "1 234,56 €", "12 jours", "4,25".
std::string FigureText(reporting::Unit unit, std::int64_t value);
// "+25,0 %" from the year before, "nouveau" from 0, "=" for 0 and 0.
std::string ChangeText(std::int64_t value,
                       std::int64_t previous);  // 12.5 -> "+12,5"; −3 -> "−3,0" (true minus)

// "1 session", "0 session", "2 sessions" (French: the singular up to one).
std::string Counted(std::int64_t n, const char* one, const char* many);

// The sentences the page and the PDF share.
struct AnnualReview;
struct AreaTension;
std::string WorkshopSentence(const AnnualReview& review);
std::string SatisfactionSentence(const AnnualReview& review);  // "" without answers
std::string PoecSentence(const AnnualReview& review);
std::string AreaTitle(const AreaTension& area, int survey_year);

// French typography for running text: a narrow no-break space before « ; ! ? » and a no-break
// space before « : » and inside « guillemets », replacing the plain spaces typed there.
std::string FrenchSpacing(const std::string& text);

}  // namespace maplace::review
