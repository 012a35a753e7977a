#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "domain/store.h"

namespace maplace::outbox {

// Queues `body` (French, after « Bonjour <name>, ») to every active member of an organisation,
// in the caller's transaction.
Status MailOrganisation(Repositories& repos, std::int64_t organisation_id,
                        const std::string& subject, const std::string& body, UnixSeconds now);

// Non-transactional mail (issue 5 §7, outbox/unsubscribe.h) to every active member of an
// organisation who has not left `list`: each mail carries the unsubscribe footer and header.
struct ListMailCount {
  int sent = 0;
  int skipped = 0;  // members who left the list
};
Result<ListMailCount> MailOrganisationList(Repositories& repos, std::int64_t organisation_id,
                                           const std::string& subject, const std::string& body,
                                           UnixSeconds now, std::string_view public_url,
                                           std::string_view list);

}  // namespace maplace::outbox
