#include "domain/budgets/envelope.h"

namespace maplace::budgets {

std::string_view FundingSourceCode(FundingSource source) {
  switch (source) {
    case FundingSource::kOpco:
      return "opco";
    case FundingSource::kDelegation:
      return "delegation";
    case FundingSource::kConvention:
      return "convention";
    case FundingSource::kState:
      return "state";
  }
  return "opco";
}

std::optional<FundingSource> ParseFundingSource(std::string_view code) {
  for (auto source : {FundingSource::kOpco, FundingSource::kDelegation, FundingSource::kConvention,
                      FundingSource::kState}) {
    if (FundingSourceCode(source) == code) return source;
  }
  return std::nullopt;
}

std::string_view FundingSourceLabel(FundingSource source) {
  switch (source) {
    case FundingSource::kOpco:
      return "Fonds propres de l'OPCO";
    case FundingSource::kDelegation:
      return "Fonds gérés par délégation";
    case FundingSource::kConvention:
      return "Convention de partenariat";
    case FundingSource::kState:
      return "État";
  }
  return "";
}

bool NeedsPartner(FundingSource source) {
  return source == FundingSource::kDelegation || source == FundingSource::kConvention;
}

}  // namespace maplace::budgets
