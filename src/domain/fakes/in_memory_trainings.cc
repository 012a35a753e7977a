#include "domain/fakes/in_memory_trainings.h"

#include <algorithm>

namespace maplace::fakes {
namespace {

using trainings::Certification;
using trainings::Training;
using Tables = std::map<std::string, std::map<std::string, reference::Row>>;

std::string CellAt(const reference::Row& row, std::size_t i) {
  return i < row.size() ? row[i].value_or("") : "";
}

class Trainings final : public trainings::TrainingRepository {
 public:
  Trainings(TrainingsState& s, const Tables& tables) : s_(s), tables_(tables) {}

  Result<std::int64_t> Create(const Training& training) override {
    Training copy = training;
    copy.id = s_.next_id++;
    s_.trainings[copy.id] = copy;
    return copy.id;
  }
  Status Update(const Training& training) override {
    auto it = s_.trainings.find(training.id);
    if (it == s_.trainings.end()) return Fail(ErrorCode::kNotFound, "no such training");
    Training copy = training;
    copy.organisation_id = it->second.organisation_id;
    copy.created_by = it->second.created_by;
    copy.created_at = it->second.created_at;
    it->second = copy;
    return Ok();
  }
  Status Delete(std::int64_t id) override {
    if (!s_.trainings.erase(id)) return Fail(ErrorCode::kNotFound, "no such training");
    return Ok();
  }
  Result<Training> FindById(std::int64_t id) override {
    auto it = s_.trainings.find(id);
    if (it == s_.trainings.end()) return Fail(ErrorCode::kNotFound, "no such training");
    return it->second;
  }
  Result<std::vector<Training>> ListByOrganisation(std::int64_t organisation_id) override {
    std::vector<Training> out;
    for (const auto& [id, t] : s_.trainings)
      if (t.organisation_id == organisation_id) out.push_back(t);
    return out;
  }
  Result<std::vector<Training>> ListPublished() override {
    std::vector<Training> out;
    for (const auto& [id, t] : s_.trainings)
      if (t.published) out.push_back(t);
    return out;
  }
  Result<bool> HasCertifications() override {
    auto table = tables_.find("certifications");
    return table != tables_.end() && !table->second.empty();
  }
  // certifications: certifinfo_code, label, diploma_type, level, rncp_code, cfd_code, …
  Result<std::optional<Certification>> FindCertification(const std::string& rncp,
                                                         const std::string& cfd) override {
    auto table = tables_.find("certifications");
    if (table == tables_.end()) return std::optional<Certification>();
    const reference::Row* found = nullptr;
    for (int pass = 0; pass < 2 && !found; ++pass) {
      const std::string& code = pass == 0 ? rncp : cfd;
      if (code.empty()) continue;
      for (const auto& [key, row] : table->second)
        if (CellAt(row, pass == 0 ? 4 : 5) == code) {
          found = &row;
          break;
        }
    }
    if (!found) return std::optional<Certification>();
    Certification c;
    c.certifinfo_code = CellAt(*found, 0);
    c.label = CellAt(*found, 1);
    c.diploma_type = CellAt(*found, 2);
    const std::string level = CellAt(*found, 3);
    c.level = level.empty() ? 0 : std::stoi(level);
    c.rncp_code = CellAt(*found, 4);
    c.cfd_code = CellAt(*found, 5);
    auto links = tables_.find("certification_rome");
    if (links != tables_.end()) {
      std::vector<std::pair<int, std::string>> ranked;
      for (const auto& [key, row] : links->second)
        if (CellAt(row, 0) == c.certifinfo_code) {
          const std::string rank = CellAt(row, 2);
          ranked.emplace_back(rank.empty() ? 9 : std::stoi(rank), CellAt(row, 1));
        }
      std::sort(ranked.begin(), ranked.end());
      for (const auto& [rank, code] : ranked) c.rome_codes.push_back(code);
    }
    return std::optional<Certification>(c);
  }

 private:
  TrainingsState& s_;
  const Tables& tables_;
};

}  // namespace

std::unique_ptr<trainings::TrainingRepository> MakeInMemoryTrainings(TrainingsState& state,
                                                                     const Tables& tables) {
  return std::make_unique<Trainings>(state, tables);
}

}  // namespace maplace::fakes
