#include "domain/outbox/unsubscribe.h"

#include <fmt/format.h>

#include "core/crypto.h"
#include "core/text.h"
#include "domain/store.h"

namespace maplace::outbox {
namespace {

Error BadKey() {
  return Error{ErrorCode::kNotFound,
               "unsubscribe key does not match",
               {{"cle",
                 "Ce lien de désabonnement n'est pas valide : copiez-le en entier depuis "
                 "le courriel reçu."}}};
}

std::string Signed(const std::string& secret, std::string_view email, std::string_view list) {
  return crypto::HmacSha256(secret, fmt::format("unsubscribe\n{}\n{}", email, list));
}

}  // namespace

bool IsList(std::string_view list) {
  return list == kListRelayedOffers || list == kListSavedSearches ||
         list == kListWorkshopInvitations;
}

std::string_view ListLabel(std::string_view list) {
  if (list == kListRelayedOffers) return "les offres d'alternance relayées par les employeurs";
  if (list == kListSavedSearches) return "les alertes de vos recherches enregistrées";
  if (list == kListWorkshopInvitations) return "les invitations aux ateliers de la délégation";
  return "";
}

Result<std::string> UnsubscribeUrl(Repositories& repos, std::string_view public_url,
                                   std::string_view email, std::string_view list) {
  auto secret = repos.unsubscribes().SigningKey();
  if (!secret) return Fail(secret.error());
  const std::string address = text::NormalizeEmail(email);
  return fmt::format("{}/desabonnement?adresse={}&liste={}&cle={}", public_url,
                     text::UrlEncode(address), text::UrlEncode(list),
                     Signed(*secret, address, list));
}

Result<bool> IsUnsubscribed(Repositories& repos, std::string_view email, std::string_view list) {
  return repos.unsubscribes().Contains(text::NormalizeEmail(email), std::string(list));
}

Result<Mail> WithUnsubscribe(Repositories& repos, std::string_view public_url,
                             std::string_view list, Mail mail) {
  auto url = UnsubscribeUrl(repos, public_url, mail.to, list);
  if (!url) return Fail(url.error());
  mail.body += fmt::format(
      "\n\n--\nVous recevez ce courriel parce que votre adresse reçoit {} sur Ici c'est ma "
      "place.\nPour ne plus les recevoir, en un clic : {}\n",
      ListLabel(list), *url);
  mail.list_unsubscribe = *url;
  return mail;
}

Status CheckUnsubscribeKey(Repositories& repos, std::string_view email, std::string_view list,
                           std::string_view key) {
  if (!IsList(list) || key.empty()) return Fail(BadKey());
  auto secret = repos.unsubscribes().SigningKey();
  if (!secret) return Fail(secret.error());
  const std::string address = text::NormalizeEmail(email);
  if (address.empty()) return Fail(BadKey());
  if (!crypto::ConstantTimeEquals(Signed(*secret, address, list), key)) return Fail(BadKey());
  return Ok();
}

Status Unsubscribe(Repositories& repos, std::string_view email, std::string_view list,
                   std::string_view key, UnixSeconds now) {
  if (auto s = CheckUnsubscribeKey(repos, email, list, key); !s) return s;
  return repos.unsubscribes().Add(text::NormalizeEmail(email), std::string(list), now);
}

}  // namespace maplace::outbox
