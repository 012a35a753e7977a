#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "domain/aid_requests/aid_request_repository.h"

namespace maplace::fakes {

// The aid requests of an InMemoryStore: copied whole to roll a transaction back.
struct AidRequestsState {
  std::map<std::int64_t, aid_requests::RequestRecord> requests;
  std::map<std::int64_t, aid_requests::Message> messages;
  std::map<std::int64_t, aid_requests::Document> documents;
  std::map<std::int64_t, aid_requests::StoredBankAccount> bank_accounts;
  std::map<std::int64_t, aid_requests::PaymentBatch> batches;
  std::map<std::int64_t, aid_requests::Payment> payments;
  std::int64_t next_id = 1;
};

// The repository over `state`, with the checks of migration 0009 (four-eyes CHECKs, the
// payment trigger, unique keys), so that the domain's tests meet the refusals the database
// would give.
std::unique_ptr<aid_requests::AidRequestRepository> MakeInMemoryAidRequests(
    AidRequestsState& state);

}  // namespace maplace::fakes
