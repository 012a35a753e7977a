#include "domain/outbox/unsubscribe.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "core/text.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::outbox {
namespace {

// The value of `name` in the query of `url`.
std::string Param(const std::string& url, const std::string& name) {
  const auto start = url.find(name + "=");
  if (start == std::string::npos) return "";
  const auto from = start + name.size() + 1;
  return text::UrlDecode(url.substr(from, url.find('&', from) - from));
}

TEST(UnsubscribeTest, ASignedLinkUnsubscribesItsAddressFromItsListOnly) {
  fakes::InMemoryStore store;
  std::string url;
  ASSERT_THAT(store.Write([&](Repositories& repos) -> Status {
    auto mail = WithUnsubscribe(repos, "https://site.test", kListRelayedOffers,
                                Mail{"Cfa@Exemple.fr", "Offre", "Corps"});
    if (!mail) return Fail(mail.error());
    EXPECT_NE(mail->body.find("Pour ne plus les recevoir"), std::string::npos);
    EXPECT_NE(mail->body.find(mail->list_unsubscribe), std::string::npos);
    url = mail->list_unsubscribe;
    return Ok();
  }),
              IsOk());
  ASSERT_EQ(url.rfind("https://site.test/desabonnement?", 0), 0u) << url;
  const std::string email = Param(url, "adresse"), list = Param(url, "liste"),
                    key = Param(url, "cle");
  EXPECT_EQ(email, "cfa@exemple.fr");
  EXPECT_EQ(list, kListRelayedOffers);
  ASSERT_THAT(store.Write([&](Repositories& repos) -> Status {
    // Another address, another list, a cut key: refused with a French message.
    EXPECT_THAT(Unsubscribe(repos, "autre@exemple.fr", list, key, 1),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(Unsubscribe(repos, email, kListSavedSearches, key, 1),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(Unsubscribe(repos, email, list, key.substr(1), 1),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(Unsubscribe(repos, email, "nope", key, 1), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_FALSE(*IsUnsubscribed(repos, email, list));
    EXPECT_THAT(Unsubscribe(repos, email, list, key, 1), IsOk());
    EXPECT_THAT(Unsubscribe(repos, email, list, key, 2), IsOk());  // twice: still fine
    EXPECT_TRUE(*IsUnsubscribed(repos, "CFA@exemple.fr", list));
    EXPECT_FALSE(*IsUnsubscribed(repos, email, kListSavedSearches));
    EXPECT_FALSE(*IsUnsubscribed(repos, "autre@exemple.fr", list));
    return Ok();
  }),
              IsOk());
}

}  // namespace
}  // namespace maplace::outbox
