#pragma once

#include <memory>

#include "domain/poec/poec.h"

namespace soci {
class session;
}

namespace maplace::storage {

// POEC programmes, partners, cohorts and candidates (migration 0018).
std::unique_ptr<poec::PoecRepository> MakeSqlPoec(soci::session& sql);

}  // namespace maplace::storage
