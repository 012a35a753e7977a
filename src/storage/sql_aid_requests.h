#pragma once

#include <memory>

#include "domain/aid_requests/aid_request_repository.h"

namespace soci {
class session;
}

namespace maplace::storage {

// Aid requests, their thread, documents, bank accounts and payments (migration 0009).
std::unique_ptr<aid_requests::AidRequestRepository> MakeSqlAidRequests(soci::session& sql);

}  // namespace maplace::storage
