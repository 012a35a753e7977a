#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/store.h"

namespace maplace::budgets {

// What happened to one envelope in one month (Martinique time), from the money journal: the
// record every movement is chained into, so the figures are the ones `maplace audit verify`
// checks.
struct MonthlyConsumption {
  std::int64_t envelope_id = 0;
  std::string month;                   // "2026-03"
  std::int64_t committed_cents = 0;    // committed to approved requests, minus releases
  std::int64_t paid_cents = 0;         // paid to beneficiaries
  std::int64_t transferred_cents = 0;  // transfers in minus transfers out
  bool operator==(const MonthlyConsumption&) const = default;
};

// What one envelope committed, paid and transferred over its whole life: the sums of its
// months.
struct EnvelopeConsumption {
  std::int64_t envelope_id = 0;
  std::int64_t committed_cents = 0;
  std::int64_t paid_cents = 0;
  std::int64_t transferred_cents = 0;
  bool operator==(const EnvelopeConsumption&) const = default;
};

// The months of the envelopes of `year` (of every year when absent), by envelope id then
// month; months without movement are left out. Creation (the initial allocation) is not a
// movement. Reads the whole journal once.
Result<std::vector<MonthlyConsumption>> ConsumptionByMonth(Repositories& repos,
                                                           std::optional<int> year);

// The consumption of each of `envelope_ids` (zeros for one without movement), by id. Reads only
// their sums, which the store computes, not the journal.
Result<std::map<std::int64_t, EnvelopeConsumption>> ConsumptionOf(
    Repositories& repos, const std::vector<std::int64_t>& envelope_ids);

}  // namespace maplace::budgets
