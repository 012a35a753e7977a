// The saved searches' daily digest with a clock the test moves: only the offers published
// since a search's last digest, within its radius, once per Martinique day from 07:00, one
// mail per person, nothing when nothing is new.
#include "app/saved_search_digest.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr UnixSeconds kHour = 3600;
// 2027-01-15 10:00 in Martinique (14:00 UTC).
constexpr UnixSeconds kSaved = 1'800'000'000 + 6 * kHour;

class SavedSearchDigestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    young_people_.SetSigningKey("a signing secret of thirty-two bytes or more");
    jobs::Commune lamentin;
    lamentin.insee_code = "97213";
    lamentin.name = "Le Lamentin";
    lamentin.latitude = 14.6097;
    lamentin.longitude = -60.9986;
    parts_.communes["97213"] = lamentin;
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, const std::string& name) {
        return *r.users().Create(people::User{0, email, name, people::Role::kYoungPerson,
                                              people::UserStatus::kActive, "x", false, 1, 1});
      };
      lea_ = user("lea@example.mq", "Léa");
      tom_ = user("tom@example.mq", "Tom");
      return Ok();
    }),
                IsOk());
    // Published before the search was saved: never news.
    Publish(1, "Apprenti cuisinier", 14.61, -61.0, kSaved - 2 * kHour);
    ASSERT_THAT(young_people_.SaveSearch(Lea(), "Cuisine au Lamentin",
                                         "commune=97213&q=cuisine&radius_km=30", true),
                IsOk());
    ASSERT_THAT(young_people_.SaveSearch(Lea(), "Vente", "q=vendeur", true), IsOk());
    ASSERT_THAT(young_people_.SaveSearch(Tom(), "Garage", "q=mecanicien", false), IsOk());
  }

  people::Actor Lea() { return {lea_, people::Role::kYoungPerson, "lea@example.mq", "Léa"}; }
  people::Actor Tom() { return {tom_, people::Role::kYoungPerson, "tom@example.mq", "Tom"}; }

  void Publish(std::int64_t id, const std::string& title, double lat, double lon,
               UnixSeconds published, UnixSeconds expires = 0) {
    search::Document d;
    d.id = search::DocumentId(search::DocKind::kOffer, id);
    d.kind = search::DocKind::kOffer;
    d.title = title;
    d.text = title;
    d.latitude = lat;
    d.longitude = lon;
    d.published_at = published;
    d.expires_at = expires;
    index_.Upsert(d);
    search::Card card;
    card.kind = search::DocKind::kOffer;
    card.local_id = id;
    card.title = title;
    card.subtitle = "Restaurant Bèlè";
    card.commune = "Le Lamentin";
    card.published_at = published;
    card.url = "/offres/" + std::to_string(id);
    cards_.Put(d.id, card);
  }

  std::vector<outbox::OutboxMail> Mails() {
    std::vector<outbox::OutboxMail> mails;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      mails = *r.outbox().Latest(100);
      return Ok();
    }),
                IsOk());
    return mails;
  }

  fakes::InMemoryStore store_;
  ManualClock clock_{kSaved};
  young_people::YoungPeopleService young_people_{
      store_, clock_, young_people::YoungPeopleSettings{"https://maplace.mq"}};
  search::Index index_;
  search::Catalog cards_;
  web::SearchParts parts_{index_, cards_, {}};
  SavedSearchDigest digest_{young_people_, parts_, clock_};
  std::int64_t lea_ = 0, tom_ = 0;
};

TEST_F(SavedSearchDigestTest, MailsTheNewMatchingOffersOnceADayFromSevenInTheMorning) {
  // The same evening: new offers, one near and matching, others not.
  Publish(2, "Commis de cuisine", 14.62, -61.01, kSaved + 2 * kHour);
  Publish(3, "Mécanicien automobile", 14.62, -61.01, kSaved + 2 * kHour);
  Publish(4, "Chef de cuisine", 16.24, -61.53, kSaved + 2 * kHour);  // Guadeloupe: too far
  Publish(5, "Aide de cuisine", 14.62, -61.01, kSaved + 2 * kHour, kSaved + 10 * kHour);

  // The next morning at 06:00: too early, nothing happens.
  clock_.Advance(20 * kHour);
  auto early = digest_.SendDue();
  ASSERT_THAT(early, IsOk());
  EXPECT_EQ(early->searches, 0);
  EXPECT_TRUE(Mails().empty());

  // 07:30: one mail to Léa, with the one new matching offer still open.
  clock_.Advance(90 * 60);
  auto sent = digest_.SendDue();
  ASSERT_THAT(sent, IsOk());
  EXPECT_EQ(sent->searches, 2);  // Léa's two; Tom's alerts are off
  EXPECT_EQ(sent->mails, 1);
  EXPECT_EQ(sent->offers, 1);
  auto mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  const Mail& mail = mails[0].mail;
  EXPECT_EQ(mail.to, "lea@example.mq");
  EXPECT_EQ(mail.subject, "1 nouvelle offre pour vos recherches");
  EXPECT_THAT(mail.body, HasSubstr("« Cuisine au Lamentin » : 1 nouvelle offre"));
  EXPECT_THAT(mail.body, HasSubstr("Commis de cuisine (Restaurant Bèlè, Le Lamentin)"));
  EXPECT_THAT(mail.body, HasSubstr("https://maplace.mq/offres/2"));
  EXPECT_THAT(mail.body, Not(HasSubstr("Apprenti cuisinier")));
  EXPECT_THAT(mail.body, Not(HasSubstr("Mécanicien")));
  EXPECT_THAT(mail.body, Not(HasSubstr("Chef de cuisine")));
  EXPECT_THAT(mail.body, Not(HasSubstr("Aide de cuisine")));
  EXPECT_THAT(mail.body, Not(HasSubstr("« Vente »")));
  EXPECT_THAT(mail.body, HasSubstr("https://maplace.mq/desabonnement?adresse="));
  EXPECT_THAT(mail.list_unsubscribe, ::testing::HasSubstr("liste=saved_searches"));

  // Later the same day: the hourly task does nothing more, even with news.
  Publish(6, "Plongeur en cuisine", 14.62, -61.01, clock_.Now() + kHour);
  clock_.Advance(3 * kHour);
  EXPECT_EQ(digest_.SendDue()->searches, 0);
  EXPECT_EQ(Mails().size(), 1u);

  // The next day: only the offer published since.
  clock_.Advance(24 * kHour);
  sent = digest_.SendDue();
  EXPECT_EQ(sent->mails, 1);
  mails = Mails();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_THAT(mails[0].mail.body, HasSubstr("Plongeur en cuisine"));
  EXPECT_THAT(mails[0].mail.body, Not(HasSubstr("Commis de cuisine")));

  // And nothing new: nothing sent, by the task or the command.
  clock_.Advance(24 * kHour);
  EXPECT_EQ(digest_.SendDue()->mails, 0);
  EXPECT_EQ(digest_.SendAll()->mails, 0);
  EXPECT_EQ(Mails().size(), 2u);
}

TEST_F(SavedSearchDigestTest, TheCommandSendsWhateverTheHourButNeverTheSameOfferTwice) {
  Publish(2, "Commis de cuisine", 14.62, -61.01, kSaved + kHour);
  Publish(3, "Vendeur en boulangerie", 14.62, -61.01, kSaved + kHour);
  clock_.Advance(2 * kHour);               // 12:00 the same day
  EXPECT_EQ(digest_.SendDue()->mails, 0);  // saved today: the task waits for tomorrow
  auto sent = digest_.SendAll();
  ASSERT_THAT(sent, IsOk());
  EXPECT_EQ(sent->mails, 1);
  EXPECT_EQ(sent->offers, 2);
  auto mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].mail.subject, "2 nouvelles offres pour vos recherches");
  EXPECT_THAT(mails[0].mail.body, HasSubstr("« Vente » : 1 nouvelle offre"));
  EXPECT_EQ(digest_.SendAll()->mails, 0);
  clock_.Advance(24 * kHour);
  EXPECT_EQ(digest_.SendDue()->mails, 0);
  EXPECT_EQ(Mails().size(), 1u);
}

TEST_F(SavedSearchDigestTest, NothingIsSentOnceUnsubscribed) {
  Publish(2, "Commis de cuisine", 14.62, -61.01, kSaved + kHour);
  ASSERT_THAT(young_people_.Unsubscribe(young_people_.UnsubscribeToken(lea_)), IsOk());
  clock_.Advance(22 * kHour);
  auto sent = digest_.SendDue();
  EXPECT_EQ(sent->searches, 0);
  EXPECT_TRUE(Mails().empty());
}

}  // namespace
}  // namespace maplace::app
