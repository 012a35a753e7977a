#include "cli/demo_member.h"

namespace maplace::cli {

Result<std::optional<people::Actor>> DemoMember(Repositories& repos,
                                                people::OrganisationKind kind) {
  auto organisations = repos.organisations().List();
  if (!organisations) return Fail(organisations.error());
  for (const auto& o : *organisations) {
    if (!o.is_demo || o.kind != kind) continue;
    auto members = repos.organisations().Members(o.id);
    if (!members) return Fail(members.error());
    if (members->empty()) continue;
    const auto& user = members->front();
    return people::Actor{user.user.id,
                         user.user.role,
                         user.user.email,
                         user.user.display_name,
                         true,
                         people::Membership{o.id, user.user.id, user.role},
                         ""};
  }
  return std::optional<people::Actor>();
}

}  // namespace maplace::cli
