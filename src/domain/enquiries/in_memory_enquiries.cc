#include "domain/enquiries/in_memory_enquiries.h"

#include <algorithm>
#include <functional>

namespace maplace::fakes {
namespace {

using enquiries::Enquiry;
using enquiries::EnquiryReply;
using enquiries::EnquiryStatus;
using enquiries::Partner;

class Enquiries final : public enquiries::EnquiryRepository {
 public:
  explicit Enquiries(EnquiriesState& s) : s_(s) {}

  Result<std::int64_t> Create(const Enquiry& e) override {
    Enquiry copy = e;
    copy.id = s_.next_id++;
    s_.enquiries[copy.id] = copy;
    return copy.id;
  }
  Status Update(const Enquiry& e) override {
    auto it = s_.enquiries.find(e.id);
    if (it == s_.enquiries.end()) return Fail(ErrorCode::kNotFound, "no such enquiry");
    it->second.status = e.status;
    it->second.seen_at = e.seen_at;
    it->second.reminded_at = e.reminded_at;
    it->second.updated_at = e.updated_at;
    return Ok();
  }
  Result<Enquiry> FindById(std::int64_t id) override {
    auto it = s_.enquiries.find(id);
    if (it == s_.enquiries.end()) return Fail(ErrorCode::kNotFound, "no such enquiry");
    return it->second;
  }
  Result<std::vector<Enquiry>> ListByAuthor(std::int64_t author_id) override {
    return Newest([&](const Enquiry& e) { return e.author_id == author_id; });
  }
  Result<std::vector<Enquiry>> ListByOrganisation(std::int64_t organisation_id) override {
    return Newest([&](const Enquiry& e) { return e.organisation_id == organisation_id; });
  }
  Result<std::vector<Enquiry>> ListByCv(std::int64_t cv_id) override {
    if (cv_id == 0) return std::vector<Enquiry>{};
    return Newest([&](const Enquiry& e) { return e.cv_document_id == cv_id; });
  }
  Result<int> CountByAuthorSince(std::int64_t author_id, UnixSeconds since) override {
    int n = 0;
    for (const auto& [id, e] : s_.enquiries) n += e.author_id == author_id && e.created_at >= since;
    return n;
  }
  Result<std::vector<Enquiry>> ListUnansweredSince(UnixSeconds before) override {
    std::vector<Enquiry> out;
    for (const auto& [id, e] : s_.enquiries)
      if ((e.status == EnquiryStatus::kNew || e.status == EnquiryStatus::kSeen) &&
          e.reminded_at == 0 && e.created_at <= before)
        out.push_back(e);
    return out;
  }
  Result<std::int64_t> AddReply(const EnquiryReply& r) override {
    EnquiryReply copy = r;
    copy.id = s_.next_id++;
    s_.replies[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<EnquiryReply>> Replies(std::int64_t enquiry_id) override {
    std::vector<EnquiryReply> out;
    for (const auto& [id, r] : s_.replies)
      if (r.enquiry_id == enquiry_id) out.push_back(r);
    return out;
  }
  Result<std::int64_t> AddPartner(const Partner& p) override {
    for (const auto& [id, other] : s_.partners)
      if (other.cfa_organisation_id == p.cfa_organisation_id && other.siret == p.siret)
        return Fail(ErrorCode::kAlreadyExists, "partner exists");
    Partner copy = p;
    copy.id = s_.next_id++;
    s_.partners[copy.id] = copy;
    return copy.id;
  }
  Result<std::vector<Partner>> Partners(std::int64_t cfa) override {
    std::vector<Partner> out;
    for (const auto& [id, p] : s_.partners)
      if (p.cfa_organisation_id == cfa) out.push_back(p);
    std::stable_sort(out.begin(), out.end(),
                     [](const Partner& a, const Partner& b) { return a.name < b.name; });
    return out;
  }
  Status RemovePartner(std::int64_t cfa, std::int64_t id) override {
    auto it = s_.partners.find(id);
    if (it == s_.partners.end() || it->second.cfa_organisation_id != cfa)
      return Fail(ErrorCode::kNotFound, "no such partner");
    s_.partners.erase(it);
    return Ok();
  }
  Status AddReportMark(const enquiries::ReportMark& mark) override {
    for (const auto& m : s_.marks)
      if (m.offer_id == mark.offer_id && m.visitor == mark.visitor)
        return Fail(ErrorCode::kAlreadyExists, "already reported");
    s_.marks.push_back(mark);
    return Ok();
  }
  Result<int> CountReportMarksSince(const std::string& client, UnixSeconds since) override {
    int n = 0;
    for (const auto& m : s_.marks) n += m.client == client && m.created_at >= since;
    return n;
  }

 private:
  std::vector<Enquiry> Newest(const std::function<bool(const Enquiry&)>& keep) {
    std::vector<Enquiry> out;
    for (auto it = s_.enquiries.rbegin(); it != s_.enquiries.rend(); ++it)
      if (keep(it->second)) out.push_back(it->second);
    return out;
  }
  EnquiriesState& s_;
};

class Unsubscribes final : public outbox::UnsubscribeRepository {
 public:
  explicit Unsubscribes(EnquiriesState& s) : s_(s) {}
  Result<std::string> SigningKey() override { return s_.secret; }
  Status Add(const std::string& email, const std::string& list, UnixSeconds) override {
    s_.unsubscribes.emplace(email, list);
    return Ok();
  }
  Result<bool> Contains(const std::string& email, const std::string& list) override {
    return s_.unsubscribes.contains({email, list});
  }
  Status Remove(const std::string& email, const std::string& list) override {
    s_.unsubscribes.erase({email, list});
    return Ok();
  }

 private:
  EnquiriesState& s_;
};

}  // namespace

std::unique_ptr<enquiries::EnquiryRepository> MakeInMemoryEnquiries(EnquiriesState& state) {
  return std::make_unique<Enquiries>(state);
}
std::unique_ptr<outbox::UnsubscribeRepository> MakeInMemoryUnsubscribes(EnquiriesState& state) {
  return std::make_unique<Unsubscribes>(state);
}

}  // namespace maplace::fakes
