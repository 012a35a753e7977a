#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "domain/store.h"

namespace maplace::outbox {

// Queues `body` (French, after « Bonjour <name>, ») to every active member of an organisation,
// in the caller's transaction.
Status MailOrganisation(Repositories& repos, std::int64_t organisation_id,
                        const std::string& subject, const std::string& body, UnixSeconds now);

}  // namespace maplace::outbox
