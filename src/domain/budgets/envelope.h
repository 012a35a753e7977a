#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace maplace::budgets {

// Where the money of an envelope comes from.
enum class FundingSource {
  kOpco,        // the OPCO's own funds
  kDelegation,  // funds the OPCO manages by delegation for another OPCO, named by `partner`
  kConvention,  // a partner convention (LADOM co-financing, …), named by `partner`
  kState,       // the State
};

std::string_view FundingSourceCode(FundingSource source);  // "opco", "delegation", …
std::optional<FundingSource> ParseFundingSource(std::string_view code);
std::string_view FundingSourceLabel(FundingSource source);  // French, for pages
// Whether envelopes of this source name the partner whose money it is.
bool NeedsPartner(FundingSource source);

// Bounds of amounts, in cents: each movement (commit, release, payment, transfer) is in
// [kMinAmountCents, kMaxAmountCents]; an envelope never holds more than kMaxAllocatedCents.
inline constexpr std::int64_t kMinAmountCents = 1;
inline constexpr std::int64_t kMaxAmountCents = 10'000'000'000;        // 100 M€
inline constexpr std::int64_t kMaxAllocatedCents = 1'000'000'000'000;  // 10 G€

// The money set aside for one aid, one year, from one source. Always
// 0 <= paid_cents <= committed_cents <= allocated_cents (table aid_envelopes checks it too).
struct Envelope {
  std::int64_t id = 0;
  std::string aid_id;  // the aid of rules/*.toml, "ultramarine-mobility"
  int year = 0;        // the budget year
  FundingSource funding_source = FundingSource::kOpco;
  std::string partner;               // "" unless NeedsPartner(funding_source)
  std::string label;                 // « Mobilité ultramarine 2025 — fonds propres »
  std::int64_t allocated_cents = 0;  // the money granted to the envelope
  std::int64_t committed_cents = 0;  // promised to approved requests (paid or not)
  std::int64_t paid_cents = 0;       // of which already paid
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  std::int64_t available_cents() const { return allocated_cents - committed_cents; }
  bool operator==(const Envelope&) const = default;
};

}  // namespace maplace::budgets
