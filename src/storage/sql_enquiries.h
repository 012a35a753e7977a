#pragma once

#include <memory>

#include "domain/enquiries/enquiry_repository.h"
#include "domain/outbox/unsubscribe.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Opt-outs from non-transactional mail and their signing secret (migration 0016).
std::unique_ptr<outbox::UnsubscribeRepository> MakeSqlUnsubscribes(soci::session& sql);
// Enquiries and their answers, CFAs' partners, report marks (migration 0016).
std::unique_ptr<enquiries::EnquiryRepository> MakeSqlEnquiries(soci::session& sql);

}  // namespace maplace::storage
