#include "domain/budgets/consumption.h"

#include <charconv>
#include <map>
#include <set>

#include "core/date.h"
#include "domain/budgets/budgets.h"
#include "domain/journal/journal_repository.h"

namespace maplace::budgets {
namespace {

constexpr std::string_view kPrefix = "envelope:";

// "envelope:12" -> 12; 0 for any other subject.
std::int64_t EnvelopeOf(std::string_view subject) {
  if (!subject.starts_with(kPrefix)) return 0;
  std::int64_t id = 0;
  const char* begin = subject.data() + kPrefix.size();
  const char* end = subject.data() + subject.size();
  auto [rest, error] = std::from_chars(begin, end, id);
  return error == std::errc() && rest == end ? id : 0;
}

// Adds a movement of `amount` recorded as `action` to `sums` (a month's or a whole life's);
// false, leaving them as they were, for an action that moves no money (the creation).
template <typename Sums>
bool AddMovement(Sums& sums, std::string_view action, std::int64_t amount) {
  if (action == kCommittedAction)
    sums.committed_cents += amount;
  else if (action == kReleasedAction)
    sums.committed_cents -= amount;
  else if (action == kPaidAction)
    sums.paid_cents += amount;
  else if (action == kTransferredInAction)
    sums.transferred_cents += amount;
  else if (action == kTransferredOutAction)
    sums.transferred_cents -= amount;
  else
    return false;
  return true;
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
      const std::string month = FormatIsoDate(MartiniqueDate(entry.at)).substr(0, 7);
      auto [it, added] = months.try_emplace({id, month}, MonthlyConsumption{id, month});
      if (!AddMovement(it->second, entry.action, *entry.amount_cents) && added) months.erase(it);
    }
  }
  std::vector<MonthlyConsumption> out;
  for (auto& [key, month] : months) out.push_back(std::move(month));
  return out;
}

Result<std::map<std::int64_t, EnvelopeConsumption>> ConsumptionOf(
    Repositories& repos, const std::vector<std::int64_t>& envelope_ids) {
  std::map<std::int64_t, EnvelopeConsumption> out;
  std::vector<std::string> subjects;
  for (std::int64_t id : envelope_ids) {
    if (out.try_emplace(id, EnvelopeConsumption{id}).second)
      subjects.push_back(std::string(kPrefix) + std::to_string(id));
  }
  if (subjects.empty()) return out;
  auto totals = repos.journal().Totals(subjects);
  if (!totals) return Fail(totals.error());
  for (const journal::ActionTotal& total : *totals) {
    auto it = out.find(EnvelopeOf(total.subject));
    if (it != out.end()) AddMovement(it->second, total.action, total.amount_cents);
  }
  return out;
}

}  // namespace maplace::budgets
