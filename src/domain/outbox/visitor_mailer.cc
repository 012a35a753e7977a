#include "domain/outbox/visitor_mailer.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace maplace::outbox {

UnixSeconds VisitorMailer::Take(std::unordered_map<std::string, Window>& map,
                                const std::string& key, int max, UnixSeconds window,
                                UnixSeconds now) {
  Window& w = map[key];
  if (now - w.start >= window) w = Window{now, 0};
  if (w.count >= max) return std::max<UnixSeconds>(1, w.start + window - now);
  ++w.count;
  return 0;
}

Status VisitorMailer::Send(std::string_view to, std::string subject, std::string body,
                           std::string_view client_address) {
  const std::string address = text::NormalizeEmail(to);
  if (address.empty()) {
    return FailFields("implausible e-mail address",
                      {{"email",
                        "Saisissez une adresse e-mail complète, par exemple "
                        "prenom.nom@exemple.fr."}});
  }
  const UnixSeconds now = clock_.Now();
  {
    std::lock_guard lock(mutex_);
    // Old windows are dropped now and then, so the maps stay small.
    if (by_recipient_.size() > 10000) {
      std::erase_if(by_recipient_, [&](const auto& e) {
        return now - e.second.start >= limits_.recipient_window;
      });
      std::erase_if(by_client_,
                    [&](const auto& e) { return now - e.second.start >= limits_.client_window; });
    }
    UnixSeconds wait = Take(by_client_, std::string(client_address), limits_.per_client,
                            limits_.client_window, now);
    if (wait == 0) {
      wait = Take(by_recipient_, address, limits_.per_recipient, limits_.recipient_window, now);
      if (wait != 0) --by_client_[std::string(client_address)].count;  // not sent: not counted
    }
    if (wait != 0) {
      Error error{ErrorCode::kResourceExhausted, "too many visitor mails", {}};
      error.fields["retry_after"] = std::to_string(wait);
      error.fields["email"] =
          fmt::format("Trop d'envois : réessayez dans {} minute(s).", (wait + 59) / 60);
      return tl::unexpected(std::move(error));
    }
  }
  return store_.Write([&](Repositories& repos) -> Status {
    auto queued = repos.outbox().Enqueue(Mail{address, text::SingleLine(subject), body}, now);
    if (!queued) return Fail(queued.error());
    return Ok();
  });
}

}  // namespace maplace::outbox
