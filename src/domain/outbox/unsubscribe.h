#pragma once

// Unsubscribe links for the mails that are not strictly transactional (issue 5 §7).
//
// SHARED HELPER: every module that sends informational or bulk mail (offers relayed to CFAs,
// saved-search alerts, …) uses it; transactional mail (password reset, application replies,
// enquiry answers) keeps none. To use it from a new module:
//   1. add a list code below (kList…) and its French label in unsubscribe.cc (ListLabel);
//   2. before queuing to an address: `IsUnsubscribed(repos, email, list)` → skip it;
//   3. queue `WithUnsubscribe(repos, public_url, list, mail)`: it appends the French footer
//      with the link and sets Mail::list_unsubscribe (List-Unsubscribe and
//      List-Unsubscribe-Post: One-Click headers, RFC 8058, added by src/mail).
// The link is <public_url>/desabonnement?adresse=…&liste=…&cle=… ; the key is an HMAC-SHA-256
// of the address and the list under a random secret kept in the store (migration 0016,
// created by the migration itself), so it needs no login and names one address and one list.
// The page /desabonnement (web/pages/enquiry_pages.cc) shows a button (opening the link
// changes nothing: mail scanners open links); a POST with a valid key records the opt-out,
// also without CSRF token, as RFC 8058 one-click clients send it.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/mail.h"

namespace maplace {
class Repositories;
}

namespace maplace::outbox {

// The lists a person can leave.
inline constexpr std::string_view kListRelayedOffers = "relayed_offers";  // offers sent to CFAs
inline constexpr std::string_view kListSavedSearches = "saved_searches";  // search alerts
inline constexpr std::string_view kListWorkshopInvitations = "workshop_invitations";  // issue 8
bool IsList(std::string_view list);
// French, as the page says it: « les offres relayées par les employeurs »…
std::string_view ListLabel(std::string_view list);

// The opt-outs and the signing secret (SQL in storage/sql_enquiries.cc).
class UnsubscribeRepository {
 public:
  virtual ~UnsubscribeRepository() = default;
  // The store's random signing secret (never empty).
  virtual Result<std::string> SigningKey() = 0;
  // Idempotent.
  virtual Status Add(const std::string& email, const std::string& list, UnixSeconds now) = 0;
  virtual Result<bool> Contains(const std::string& email, const std::string& list) = 0;
  // Takes the address back on the list (it asked for that mail again). Idempotent.
  virtual Status Remove(const std::string& email, const std::string& list) = 0;
};

// The one-click link for `email` on `list`.
Result<std::string> UnsubscribeUrl(Repositories& repos, std::string_view public_url,
                                   std::string_view email, std::string_view list);
// Whether the address left the list.
Result<bool> IsUnsubscribed(Repositories& repos, std::string_view email, std::string_view list);
// `mail` with the French footer naming the list and the link, and its List-Unsubscribe URL.
Result<Mail> WithUnsubscribe(Repositories& repos, std::string_view public_url,
                             std::string_view list, Mail mail);

// Checks a link's parameters: kNotFound (French "cle" field) when the list is unknown or the key
// does not match the address and the list.
Status CheckUnsubscribeKey(Repositories& repos, std::string_view email, std::string_view list,
                           std::string_view key);
// Checks the key, then records the opt-out (in the caller's write transaction).
Status Unsubscribe(Repositories& repos, std::string_view email, std::string_view list,
                   std::string_view key, UnixSeconds now);

}  // namespace maplace::outbox
