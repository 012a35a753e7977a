#pragma once

#include <memory>

#include "domain/workshops/workshop.h"

namespace soci {
class session;
}

namespace maplace::storage {

// « Aktiv Alternance » workshops: themes, sessions, materials, registrations, invitations and
// follow-up actions (migration 0018).
std::unique_ptr<workshops::WorkshopRepository> MakeSqlWorkshops(soci::session& sql);

}  // namespace maplace::storage
