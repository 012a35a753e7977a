#include "domain/budgets/consumption.h"

#include <charconv>
#include <map>
#include <set>

#include "core/date.h"
#include "domain/budgets/budgets.h"
#include "domain/journal/journal_repository.h"

namespace maplace::budgets {
namespace {

// "envelope:12" -> 12; 0 for any other subject.
std::int64_t EnvelopeOf(std::string_view subject) {
  constexpr std::string_view kPrefix = "envelope:";
  if (!subject.starts_with(kPrefix)) return 0;
  std::int64_t id = 0;
  const char* begin = subject.data() + kPrefix.size();
  const char* end = subject.data() + subject.size();
  auto [rest, error] = std::from_chars(begin, end, id);
  return error == std::errc() && rest == end ? id : 0;
}

}  // namespace

Result<std::vector<MonthlyConsumption>> ConsumptionByMonth(Repositories& repos,
                                                           std::optional<int> year) {
  auto envelopes = repos.budgets().List(year);
  if (!envelopes) return Fail(envelopes.error());
  std::set<std::int64_t> of_year;
  for (const Envelope& e : *envelopes) of_year.insert(e.id);

  std::map<std::pair<std::int64_t, std::string>, MonthlyConsumption> months;
  constexpr int kPage = 1000;
  for (std::int64_t after = 0;;) {
    auto page = repos.journal().Page(after, kPage);
    if (!page) return Fail(page.error());
    if (page->empty()) break;
    after = page->back().seq;
    for (const journal::JournalEntry& entry : *page) {
      const std::int64_t id = EnvelopeOf(entry.subject);
      if (!of_year.contains(id) || !entry.amount_cents) continue;
      const std::int64_t amount = *entry.amount_cents;
      const std::string month = FormatIsoDate(MartiniqueDate(entry.at)).substr(0, 7);
      auto add = [&](std::int64_t MonthlyConsumption::*field, std::int64_t delta) {
        MonthlyConsumption& m = months[{id, month}];
        m.envelope_id = id;
        m.month = month;
        m.*field += delta;
      };
      if (entry.action == kCommittedAction) add(&MonthlyConsumption::committed_cents, amount);
      if (entry.action == kReleasedAction) add(&MonthlyConsumption::committed_cents, -amount);
      if (entry.action == kPaidAction) add(&MonthlyConsumption::paid_cents, amount);
      if (entry.action == kTransferredInAction) add(&MonthlyConsumption::transferred_cents, amount);
      if (entry.action == kTransferredOutAction)
        add(&MonthlyConsumption::transferred_cents, -amount);
    }
  }
  std::vector<MonthlyConsumption> out;
  for (auto& [key, month] : months) out.push_back(std::move(month));
  return out;
}

}  // namespace maplace::budgets
