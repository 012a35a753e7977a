#include "domain/outbox/organisation_mail.h"

#include <fmt/format.h>

namespace maplace::outbox {

Status MailOrganisation(Repositories& repos, std::int64_t organisation_id,
                        const std::string& subject, const std::string& body, UnixSeconds now) {
  auto members = repos.organisations().Members(organisation_id);
  if (!members) return Fail(members.error());
  for (const auto& member : *members) {
    if (member.user.status != people::UserStatus::kActive) continue;
    auto queued = repos.outbox().Enqueue(
        Mail{member.user.email, subject,
             fmt::format("Bonjour {},\n\n{}", member.user.display_name, body)},
        now);
    if (!queued) return Fail(queued.error());
  }
  return Ok();
}

}  // namespace maplace::outbox
