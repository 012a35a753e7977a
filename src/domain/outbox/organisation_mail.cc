#include "domain/outbox/organisation_mail.h"

#include <fmt/format.h>

#include "domain/outbox/unsubscribe.h"

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

Result<ListMailCount> MailOrganisationList(Repositories& repos, std::int64_t organisation_id,
                                           const std::string& subject, const std::string& body,
                                           UnixSeconds now, std::string_view public_url,
                                           std::string_view list) {
  ListMailCount count;
  auto members = repos.organisations().Members(organisation_id);
  if (!members) return Fail(members.error());
  for (const auto& member : *members) {
    if (member.user.status != people::UserStatus::kActive) continue;
    auto left = IsUnsubscribed(repos, member.user.email, list);
    if (!left) return Fail(left.error());
    if (*left) {
      ++count.skipped;
      continue;
    }
    auto mail =
        WithUnsubscribe(repos, public_url, list,
                        Mail{member.user.email, subject,
                             fmt::format("Bonjour {},\n\n{}", member.user.display_name, body), ""});
    if (!mail) return Fail(mail.error());
    auto queued = repos.outbox().Enqueue(*mail, now);
    if (!queued) return Fail(queued.error());
    ++count.sent;
  }
  return count;
}

}  // namespace maplace::outbox
