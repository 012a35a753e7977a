#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/enquiries/enquiry_repository.h"
#include "domain/outbox/unsubscribe.h"

namespace maplace::fakes {

// The enquiries, partners, report marks and opt-outs of an InMemoryStore (part of maplace_fakes):
// copied whole to roll a transaction back.
struct EnquiriesState {
  std::map<std::int64_t, enquiries::Enquiry> enquiries;
  std::map<std::int64_t, enquiries::EnquiryReply> replies;
  std::map<std::int64_t, enquiries::Partner> partners;
  std::vector<enquiries::ReportMark> marks;
  std::set<std::pair<std::string, std::string>> unsubscribes;  // email, list
  std::string secret = "in-memory unsubscribe secret, 32+ bytes long";
  std::int64_t next_id = 1;
};

std::unique_ptr<enquiries::EnquiryRepository> MakeInMemoryEnquiries(EnquiriesState& state);
std::unique_ptr<outbox::UnsubscribeRepository> MakeInMemoryUnsubscribes(EnquiriesState& state);

}  // namespace maplace::fakes
