#pragma once

#include <optional>

#include "core/error.h"
#include "domain/people/organisation.h"
#include "domain/people/session.h"
#include "domain/store.h"

namespace maplace::cli {

// The first member of the first demo organisation of `kind` that has members, as the actor
// the demo data is made by; nullopt when there is none.
Result<std::optional<people::Actor>> DemoMember(Repositories& repos, people::OrganisationKind kind);

}  // namespace maplace::cli
