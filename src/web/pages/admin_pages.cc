// Administration: accounts and the mail outbox.
#include <fmt/format.h>

#include "core/time_format.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/form_support.h"
#include "web/routes.h"

namespace maplace::web {

void AddAdminPages(Router& router, const WebServices& services) {
  const auto admins = Access::Roles({people::Role::kAdmin});
  router.Get("/admin/utilisateurs", admins, [&services](Request& request) {
    auto users = services.accounts.ListUsers();
    if (!users) return ErrorResponse(request, services.templates, users.error());
    Page page(request, "Utilisateurs", "pages/admin_users.tpl");
    page.Form();
    std::string info = InfoText(request.Query("info"));
    if (!info.empty()) page.Notice("success", info);
    page.Set("COUNT", std::to_string(users->size()));
    for (const auto& user : *users) {
      auto* row = page.dict().AddSectionDictionary("USER");
      row->SetValue("NAME", user.display_name);
      row->SetValue("EMAIL", user.email);
      row->SetValue("ROLE", std::string(people::RoleLabel(user.role)));
      row->SetValue("STATUS", std::string(people::UserStatusLabel(user.status)));
      if (user.is_demo) row->ShowSection("DEMO");
      if (user.status != people::UserStatus::kDisabled && user.id != request.actor->user_id)
        row->ShowSection("CAN_DISABLE");
    }
    return page.Render(services.templates);
  });
  router.Post("/admin/utilisateurs/desactiver", admins, [&services](Request& request) {
    auto done = services.accounts.DisableUser(request.Form("email"), request.actor->user_id);
    if (!done) return ErrorResponse(request, services.templates, done.error());
    return Redirect("/admin/utilisateurs?info=desactive");
  });

  router.Get("/admin/courriels", admins, [&services](Request& request) {
    std::vector<outbox::OutboxMail> mails;
    auto read = services.store.Read([&](Repositories& repos) -> Status {
      auto latest = repos.outbox().Latest(200);
      if (!latest) return Fail(latest.error());
      mails = std::move(*latest);
      return Ok();
    });
    if (!read) return ErrorResponse(request, services.templates, read.error());
    Page page(request, "Courriels", "pages/admin_mails.tpl");
    page.Set("TRANSPORT",
             services.mail.smtp_url.empty()
                 ? fmt::format("Mode développement : les courriels sont écrits dans le dossier "
                               "{} au lieu d'être envoyés.",
                               services.mail.mail_dir)
                 : "Les courriels partent par le serveur SMTP configuré.");
    for (const auto& mail : mails) {
      auto* row = page.dict().AddSectionDictionary("MAIL");
      row->SetValue("ID", std::to_string(mail.id));
      row->SetValue("DATE", FormatFrenchDateTime(mail.created_at));
      row->SetValue("TO", mail.mail.to);
      row->SetValue("SUBJECT", mail.mail.subject);
      row->SetValue("STATE", std::string(outbox::MailStateLabel(mail.state)));
    }
    return page.Render(services.templates);
  });
  router.Get("/admin/courriels/:id", admins, [&services](Request& request) {
    std::int64_t id = 0;
    try {
      id = std::stoll(request.Param("id"));
    } catch (const std::exception&) {
      return ErrorResponse(request, services.templates, 404);
    }
    Result<outbox::OutboxMail> mail = Fail(ErrorCode::kNotFound, "mail");
    auto read = services.store.Read([&](Repositories& repos) -> Status {
      mail = repos.outbox().FindById(id);
      return Ok();
    });
    if (!read) return ErrorResponse(request, services.templates, read.error());
    if (!mail) return ErrorResponse(request, services.templates, mail.error());
    Page page(request, mail->mail.subject, "pages/admin_mail.tpl");
    page.Set("SUBJECT", mail->mail.subject).Set("TO", mail->mail.to).Set("BODY", mail->mail.body);
    page.Set("DATE", FormatFrenchDateTime(mail->created_at));
    page.Set("STATE", outbox::MailStateLabel(mail->state));
    page.Set("ATTEMPTS", std::to_string(mail->attempts));
    if (!mail->last_error.empty())
      page.dict().AddSectionDictionary("ERROR")->SetValue("TEXT", mail->last_error);
    return page.Render(services.templates);
  });
}

}  // namespace maplace::web
