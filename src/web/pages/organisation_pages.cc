// Employers' and CFAs' organisations: members, invitations, joining.
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/form_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using people::MemberRole;
using people::Role;

Response OrganisationPage(const Request& request, const WebServices& services, const Error* error,
                          int status) {
  auto organisation = services.accounts.OrganisationOf(*request.actor);
  if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
  auto members = services.accounts.Members(*request.actor);
  if (!members) return ErrorResponse(request, services.templates, members.error());
  Page page(request, organisation->name, "pages/organisation.tpl");
  page.Set("ORGANISATION_NAME", organisation->name);
  if (organisation->is_demo) page.Show("ORG_DEMO");
  if (services.crm)  // issue 8: the branch and OPCO of the organisation's IDCC
    if (auto branch = services.crm->BranchOf(organisation->idcc); branch && *branch) {
      page.dict().SetValueAndShowSection("BRANCH", (*branch)->name, "HAS_BRANCH");
      page.Set("OPCO", crm::OpcoLabel((*branch)->opco));
    }
  std::string info = InfoText(request.Query("info"));
  if (!info.empty()) page.Notice("success", info);
  for (const auto& member : *members) {
    auto* row = page.dict().AddSectionDictionary("MEMBER");
    row->SetValue("NAME", member.user.display_name);
    row->SetValue("EMAIL", member.user.email);
    row->SetValue("ROLE", std::string(people::MemberRoleLabel(member.role)));
  }
  if (request.actor->membership->role == MemberRole::kAdmin) {
    page.Show("CAN_INVITE");
    page.Form();
    if (error) page.Errors(*error);
    page.TextField("EMAIL_FIELD", "email", "Adresse e-mail de votre collègue", "email",
                   request.Form("email"), "off");
  }
  return page.Render(services.templates, status);
}

Response InvitationPage(const Request& request, const WebServices& services,
                        const std::string& token, const Error* error, int status) {
  auto invitation = services.accounts.LookUpInvitation(token);
  if (!invitation) return ErrorResponse(request, services.templates, invitation.error());
  Page page(request, "Invitation", "pages/invitation.tpl");
  page.Form();
  if (error) page.Errors(*error);
  page.Set("ORGANISATION_NAME", invitation->organisation.name);
  page.Set("EMAIL", invitation->email);
  page.Set("MEMBER_ROLE", people::MemberRoleLabel(invitation->member_role) == "Administrateur"
                              ? "administrateur"
                              : "membre");
  page.Set("TOKEN", token);
  if (invitation->has_account) {
    page.Show("HAS_ACCOUNT");
    page.PasswordField("password", "Mot de passe de votre compte", "current-password", false);
  } else {
    page.TextField("NAME_FIELD", "display_name", "Prénom et nom", "text",
                   request.Form("display_name"), "name");
    page.PasswordField("password", "Choisissez un mot de passe", "new-password", true);
  }
  return page.Render(services.templates, status);
}

}  // namespace

void AddOrganisationPages(Router& router, const WebServices& services) {
  const auto members = Access::Roles({Role::kEmployer, Role::kCfa});
  router.Get("/organisation", members, [&services](Request& request) {
    if (!request.actor->membership)
      return HtmlError(request, services.templates, 404,
                       "Votre compte n'est rattaché à aucune organisation : contactez votre "
                       "conseiller.");
    return OrganisationPage(request, services, nullptr, 200);
  });
  router.Post("/organisation/invitations", members, [&services](Request& request) {
    const auto role = people::ParseMemberRole(request.Form("role")).value_or(MemberRole::kMember);
    auto done = services.accounts.InviteMember(*request.actor, request.Form("email"), role);
    if (done) return Redirect("/organisation?info=invitation-envoyee");
    if (done.error().code == ErrorCode::kInvalidArgument)
      return OrganisationPage(request, services, &done.error(), 422);
    return ErrorResponse(request, services.templates, done.error());
  });
  router.Get("/invitation", Access::Public(), [&services](Request& request) {
    return InvitationPage(request, services, request.Query("jeton"), nullptr, 200);
  });
  router.Post("/invitation", Access::Public(), [&services](Request& request) {
    const std::string token = request.Form("jeton");
    auto session = services.accounts.AcceptInvitation(
        token, request.Form("display_name"), request.Form("password"), request.client_address);
    if (session) {
      return WithSession(Redirect("/organisation?info=invitation-acceptee"), *session,
                         services.site);
    }
    const Error& error = session.error();
    if ((error.code == ErrorCode::kInvalidArgument && !error.fields.count("token")) ||
        error.code == ErrorCode::kUnauthenticated)
      return InvitationPage(request, services, token, &error, HttpStatusFor(error.code));
    return ErrorResponse(request, services.templates, error);
  });
}

}  // namespace maplace::web
