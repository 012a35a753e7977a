#include "domain/reporting/accompanied.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "domain/crm/fold.h"

namespace maplace::reporting {
namespace {

// The words of a name, folded and sorted: « Mélissa  JOSEPH » and « Joseph Mélissa » alike.
std::string NameWords(const std::string& name) {
  std::istringstream in(crm::FoldName(name));
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string Account(std::int64_t id) { return "user:" + std::to_string(id); }

std::string Identity(const ApprenticeRef& a) {
  return a.account_id ? Account(*a.account_id) : "apprentice:" + std::to_string(a.apprentice_id);
}

}  // namespace

Accompanied CountAccompanied(const AccompaniedSources& sources) {
  // The register's apprentices by organisation and name; nullopt when the name is ambiguous.
  std::map<std::pair<std::int64_t, std::string>, std::optional<ApprenticeRef>> named;
  for (const ApprenticeAt& a : sources.named_apprentices) {
    const auto key = std::pair{a.organisation_id, NameWords(a.first_name + " " + a.last_name)};
    auto [it, added] = named.emplace(key, a.who);
    if (!added && it->second != a.who) it->second = std::nullopt;
  }
  std::set<std::string> applied, asked, followed;
  for (std::int64_t id : sources.applicants) applied.insert(Account(id));
  for (const RequestPerson& p : sources.requesters) {
    if (p.linked) {
      asked.insert(Identity(*p.linked));
    } else if (!p.organisation_id) {
      asked.insert(Account(p.requester_id));
    } else {
      const std::string words = NameWords(p.beneficiary_name);
      auto it = named.find({*p.organisation_id, words});
      asked.insert(it != named.end() && it->second
                       ? Identity(*it->second)
                       : "named:" + std::to_string(*p.organisation_id) + "/" + words);
    }
  }
  for (const ApprenticeRef& a : sources.followed) followed.insert(Identity(a));
  std::set<std::string> all;
  for (const auto* part : {&applied, &asked, &followed}) all.insert(part->begin(), part->end());
  const auto size = [](const std::set<std::string>& s) {
    return static_cast<std::int64_t>(s.size());
  };
  return {size(all), size(applied), size(asked), size(followed)};
}

}  // namespace maplace::reporting
