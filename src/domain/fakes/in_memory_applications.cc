#include "domain/fakes/in_memory_applications.h"

namespace maplace::fakes {
namespace {

using applications::Application;
using applications::ApplicationStatus;
using applications::CvDocument;
using applications::Reply;

class Applications final : public applications::ApplicationRepository {
 public:
  explicit Applications(ApplicationsState& s) : s_(s) {}

  Result<std::int64_t> Create(const Application& a) override {
    for (const auto& [id, other] : s_.applications)
      if (other.offer_id == a.offer_id && other.applicant_id == a.applicant_id)
        return Fail(ErrorCode::kAlreadyExists, "application exists");
    Application copy = a;
    copy.id = s_.next_id++;
    s_.applications[copy.id] = copy;
    return copy.id;
  }
  Status Update(const Application& a) override {
    auto it = s_.applications.find(a.id);
    if (it == s_.applications.end()) return Fail(ErrorCode::kNotFound, "no such application");
    it->second.status = a.status;
    it->second.refusal_reason = a.refusal_reason;
    it->second.seen_at = a.seen_at;
    it->second.reminded_at = a.reminded_at;
    it->second.updated_at = a.updated_at;
    return Ok();
  }
  Result<Application> FindById(std::int64_t id) override {
    auto it = s_.applications.find(id);
    if (it == s_.applications.end()) return Fail(ErrorCode::kNotFound, "no such application");
    return it->second;
  }
  Result<std::vector<Application>> ListByApplicant(std::int64_t applicant_id) override {
    return Newest([&](const Application& a) { return a.applicant_id == applicant_id; });
  }
  Result<std::vector<Application>> ListByOrganisation(std::int64_t organisation_id) override {
    return Newest([&](const Application& a) { return a.organisation_id == organisation_id; });
  }
  Result<std::vector<Application>> ListByCv(std::int64_t cv_id) override {
    return Newest([&](const Application& a) { return cv_id != 0 && a.cv_document_id == cv_id; });
  }
  Result<int> CountForOffer(std::int64_t offer_id) override {
    int n = 0;
    for (const auto& [id, a] : s_.applications) n += a.offer_id == offer_id;
    return n;
  }
  Result<std::vector<Application>> ListUnansweredSince(UnixSeconds before) override {
    std::vector<Application> out;
    for (const auto& [id, a] : s_.applications)
      if ((a.status == ApplicationStatus::kNew || a.status == ApplicationStatus::kSeen) &&
          a.reminded_at == 0 && a.created_at <= before)
        out.push_back(a);
    return out;
  }
  Result<std::int64_t> AddReply(const Reply& r) override {
    Reply copy = r;
    copy.id = s_.next_id++;
    s_.replies[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<Reply>> Replies(std::int64_t application_id) override {
    std::vector<Reply> out;
    for (const auto& [id, r] : s_.replies)
      if (r.application_id == application_id) out.push_back(r);
    return out;
  }
  Result<std::int64_t> AddCv(const CvDocument& cv) override {
    CvDocument copy = cv;
    copy.id = s_.next_id++;
    s_.cvs[copy.id] = copy;
    return copy.id;
  }
  Result<CvDocument> FindCv(std::int64_t id) override {
    auto it = s_.cvs.find(id);
    if (it == s_.cvs.end()) return Fail(ErrorCode::kNotFound, "no such cv");
    return it->second;
  }
  Result<CvDocument> LatestCv(std::int64_t owner_id) override {
    for (auto it = s_.cvs.rbegin(); it != s_.cvs.rend(); ++it)
      if (it->second.owner_id == owner_id) return it->second;
    return Fail(ErrorCode::kNotFound, "no cv");
  }

 private:
  template <typename Pred>
  std::vector<Application> Newest(Pred pred) {
    std::vector<Application> out;
    for (auto it = s_.applications.rbegin(); it != s_.applications.rend(); ++it)
      if (pred(it->second)) out.push_back(it->second);
    return out;
  }
  ApplicationsState& s_;
};

}  // namespace

std::unique_ptr<applications::ApplicationRepository> MakeInMemoryApplications(
    ApplicationsState& state) {
  return std::make_unique<Applications>(state);
}

}  // namespace maplace::fakes
