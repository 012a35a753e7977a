#include "domain/young_people/young_people_service.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::young_people {
namespace {

using people::Actor;
using people::MemberRole;
using people::Membership;
using people::Role;
using ::testing::HasSubstr;

constexpr UnixSeconds kDay = 24 * 3600;
constexpr UnixSeconds kStart = 1'800'000'000;  // 2027-01-15, 04:00 in Martinique

ProfileInput Input() {
  ProfileInput in;
  in.wishes = "cuisine, pâtisserie";
  in.rome_code = "G1602";
  in.level = "3";
  in.commune_text = "Le Lamentin";
  in.commune_code = "97213";
  in.mobility_km = "30";
  in.birth_date = "2005-03-02";
  in.phone = "0696 12 34 56";
  in.visible_to_employers = true;
  return in;
}

class YoungPeopleServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    service_.SetSigningKey("a secret of at least thirty-two bytes!!");
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      reference::TableSpec jobs{"rome_jobs", {{"code"}, {"label"}}, 1, {}};
      if (auto s = r.reference().Sync(
              jobs, {{std::string("G1602"), std::string("Personnel de cuisine")}});
          !s)
        return Fail(s.error());
      people::Organisation o;
      o.name = "Restaurant Bèlè";
      o.status = people::OrganisationStatus::kValidated;
      org_ = *r.organisations().Create(o);
      o.name = "Garage du Nord";
      other_org_ = *r.organisations().Create(o);
      employer_ = User(r, "chef@example.mq", "Chef", Role::kEmployer);
      young_ = User(r, "lea@example.mq", "Léa", Role::kYoungPerson);
      other_ = User(r, "tom@example.mq", "Tom", Role::kYoungPerson);
      offer_ = Offer(r, "Apprenti cuisinier", offers::OfferState::kPublished);
      closed_offer_ = Offer(r, "Commis de salle", offers::OfferState::kPublished);
      return Ok();
    }),
                IsOk());
  }

  std::int64_t User(Repositories& r, const std::string& email, const std::string& name, Role role) {
    return *r.users().Create(people::User{0, email, name, role, people::UserStatus::kActive, "x",
                                          false, kStart, kStart});
  }
  std::int64_t Offer(Repositories& r, const std::string& title, offers::OfferState state) {
    offers::Offer o;
    o.organisation_id = org_;
    o.created_by = employer_;
    o.input.title = title;
    o.input.rome_code = "G1602";
    o.input.commune_code = "97213";
    o.state = state;
    o.published_at = kStart;
    o.expires_at = kStart + 60 * kDay;
    return *r.offers().Create(o);
  }
  void Apply(std::int64_t applicant, std::int64_t organisation) {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      applications::Application a;
      a.offer_id = offer_;
      a.organisation_id = organisation;
      a.applicant_id = applicant;
      a.message = "Bonjour";
      a.cfa_place = "no";
      a.created_at = a.updated_at = kStart;
      return r.applications().Create(a).map([](auto) {});
    }),
                IsOk());
  }
  Actor Young() {
    return Actor{young_, Role::kYoungPerson, "lea@example.mq", "Léa", false, {}, ""};
  }
  Actor Other() {
    return Actor{other_, Role::kYoungPerson, "tom@example.mq", "Tom", false, {}, ""};
  }
  Actor Employer(std::int64_t organisation) {
    return Actor{
        employer_, Role::kEmployer, "chef@example.mq",
        "Chef",    false,           Membership{organisation, employer_, MemberRole::kAdmin},
        ""};
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
  ManualClock clock_{kStart};
  YoungPeopleService service_{store_, clock_, YoungPeopleSettings{"https://maplace.mq", 3, 5}};
  std::int64_t org_ = 0, other_org_ = 0, employer_ = 0, young_ = 0, other_ = 0, offer_ = 0,
               closed_offer_ = 0;
};

TEST_F(YoungPeopleServiceTest, AProfileWithMistakesIsRefusedInFrenchAndNothingIsStored) {
  ProfileInput in = Input();
  in.wishes = "  ";
  in.rome_code = "cuisine";
  in.level = "9";
  in.commune_code = "";
  in.commune_text = "Paris";
  in.mobility_km = "0";
  in.birth_date = "2030-01-01";
  in.phone = "12";
  auto saved = service_.SaveProfile(Young(), in);
  ASSERT_THAT(saved, HasErrorCode(ErrorCode::kInvalidArgument));
  const auto& f = saved.error().fields;
  EXPECT_EQ(f.size(), 7u);
  EXPECT_THAT(f.at("wishes"), HasSubstr("ce que vous cherchez"));
  EXPECT_THAT(f.at("rome_code"), HasSubstr("G1602"));
  EXPECT_THAT(f.at("level"), HasSubstr("niveau"));
  EXPECT_THAT(f.at("commune"), HasSubstr("pas dans nos territoires"));
  EXPECT_THAT(f.at("mobility_km"), HasSubstr("de 1 à 200"));
  EXPECT_THAT(f.at("birth_date"), HasSubstr("futur"));
  EXPECT_THAT(f.at("phone"), HasSubstr("10 chiffres"));
  EXPECT_EQ(*service_.MyProfile(Young()), std::nullopt);

  in = Input();
  in.rome_code = "Z9999";  // well formed, but no such job
  auto unknown = service_.SaveProfile(Young(), in);
  ASSERT_THAT(unknown, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(unknown.error().fields.contains("rome_code"));
  EXPECT_EQ(*service_.MyProfile(Young()), std::nullopt);
  in = Input();
  in.birth_date = "2020-01-01";
  EXPECT_THAT(service_.SaveProfile(Young(), in).error().fields.at("birth_date"),
              HasSubstr("14 ans"));
}

TEST_F(YoungPeopleServiceTest, AProfileIsSavedNormalisedAndReplaced) {
  ASSERT_THAT(service_.SaveProfile(Young(), Input()), IsOk());
  auto mine = service_.MyProfile(Young());
  ASSERT_TRUE(*mine);
  EXPECT_EQ((*mine)->phone, "0696123456");
  EXPECT_EQ((*mine)->level, 3);
  EXPECT_EQ((*mine)->birth_date, "2005-03-02");
  EXPECT_EQ((*mine)->created_at, kStart);
  clock_.Advance(kDay);
  ProfileInput in = Input();
  in.birth_date = "02/03/2005";  // jj/mm/aaaa also understood
  in.level = "";
  in.phone = "";
  in.rome_code = "";
  ASSERT_THAT(service_.SaveProfile(Young(), in), IsOk());
  mine = service_.MyProfile(Young());
  EXPECT_EQ((*mine)->level, 0);
  EXPECT_EQ((*mine)->phone, "");
  EXPECT_EQ((*mine)->created_at, kStart);
  EXPECT_EQ((*mine)->updated_at, kStart + kDay);
  EXPECT_EQ(*service_.MyProfile(Other()), std::nullopt);
  EXPECT_THAT(service_.SaveProfile(Employer(org_), Input()),
              HasErrorCode(ErrorCode::kPermissionDenied));
}

TEST_F(YoungPeopleServiceTest, AMinorsProfileIsHiddenFromEmployersUntilTheyChooseToShowIt) {
  // 17 on 15 January 2027 (Martinique), 18 on 16 January.
  ProfileInput in = Input();
  in.birth_date = "2009-01-16";
  in.visible_to_employers = false;
  ASSERT_THAT(service_.SaveProfile(Young(), in), IsOk());
  EXPECT_TRUE(IsMinor(**service_.MyProfile(Young()), MartiniqueDate(clock_.Now())));
  // Not even the employer it applied to sees it.
  Apply(young_, org_);
  EXPECT_THAT(service_.ForEmployer(Employer(org_), young_), HasErrorCode(ErrorCode::kNotFound));
  // The young person ticks « Rendre mon profil visible des employeurs »: the employer they
  // applied to sees it, still without the phone; another employer sees nothing.
  in.visible_to_employers = true;
  ASSERT_THAT(service_.SaveProfile(Young(), in), IsOk());
  auto seen = service_.ForEmployer(Employer(org_), young_);
  ASSERT_THAT(seen, IsOk());
  EXPECT_EQ(seen->wishes, "cuisine, pâtisserie");
  EXPECT_EQ(seen->commune_code, "97213");
  EXPECT_EQ(seen->phone, "");
  EXPECT_THAT(service_.ForEmployer(Employer(other_org_), young_),
              HasErrorCode(ErrorCode::kNotFound));
  // Once of age, the phone is shown to the employers they applied to.
  clock_.Advance(kDay);
  EXPECT_EQ(service_.ForEmployer(Employer(org_), young_)->phone, "0696123456");
  // A young person cannot use the employer's view.
  EXPECT_THAT(service_.ForEmployer(Other(), young_), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(YoungPeopleServiceTest, AnAdultsProfileIsShownOnlyToEmployersTheyWroteTo) {
  ASSERT_THAT(service_.SaveProfile(Young(), Input()), IsOk());
  EXPECT_THAT(service_.ForEmployer(Employer(org_), young_), HasErrorCode(ErrorCode::kNotFound));
  Apply(young_, org_);
  EXPECT_EQ(service_.ForEmployer(Employer(org_), young_)->phone, "0696123456");
  ProfileInput in = Input();
  in.visible_to_employers = false;
  ASSERT_THAT(service_.SaveProfile(Young(), in), IsOk());
  EXPECT_THAT(service_.ForEmployer(Employer(org_), young_), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(YoungPeopleServiceTest, FavouritesStayListedWhenTheirOfferCloses) {
  ASSERT_THAT(service_.AddFavourite(Young(), FavouriteKind::kOffer, offer_), IsOk());
  ASSERT_THAT(service_.AddFavourite(Young(), FavouriteKind::kOffer, closed_offer_), IsOk());
  EXPECT_THAT(service_.AddFavourite(Young(), FavouriteKind::kOffer, offer_),
              HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_THAT(service_.AddFavourite(Young(), FavouriteKind::kOffer, 999),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.AddFavourite(Young(), FavouriteKind::kTraining, 999),
              HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
    auto o = *r.offers().FindById(closed_offer_);
    o.state = offers::OfferState::kFilled;
    return r.offers().Update(o);
  }),
              IsOk());
  auto mine = service_.Favourites(Young());
  ASSERT_THAT(mine, IsOk());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].title, "Commis de salle");
  EXPECT_FALSE((*mine)[0].available);
  EXPECT_EQ((*mine)[0].state, "Pourvue");
  EXPECT_EQ((*mine)[1].title, "Apprenti cuisinier");
  EXPECT_TRUE((*mine)[1].available);
  EXPECT_EQ((*mine)[1].subtitle, "Restaurant Bèlè");
  EXPECT_EQ((*mine)[1].url, fmt::format("/offres/{}", offer_));
  // Past its end without the hourly tick yet: shown expired.
  clock_.Advance(61 * kDay);
  EXPECT_EQ((*service_.Favourites(Young()))[1].state, "Expirée");
  EXPECT_TRUE(service_.Favourites(Other())->empty());
  EXPECT_EQ(service_.FavouriteKeys(Young())->size(), 2u);
  ASSERT_THAT(service_.RemoveFavourite(Young(), FavouriteKind::kOffer, closed_offer_), IsOk());
  EXPECT_THAT(service_.RemoveFavourite(Other(), FavouriteKind::kOffer, offer_),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_EQ(service_.Favourites(Young())->size(), 1u);
}

TEST_F(YoungPeopleServiceTest, SavedSearchesAreOwnedCheckedAndLimited) {
  auto id = service_.SaveSearch(Young(), "Cuisine au Lamentin", "q=cuisine&commune=97213", true);
  ASSERT_THAT(id, IsOk());
  auto again = service_.SaveSearch(Young(), "Encore", "q=cuisine&commune=97213", true);
  ASSERT_THAT(again, HasErrorCode(ErrorCode::kAlreadyExists));
  EXPECT_THAT(again.error().fields.at("query"), HasSubstr("Cuisine au Lamentin"));
  auto bad = service_.SaveSearch(Young(), "", "q=<script>", true);
  ASSERT_THAT(bad, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(bad.error().fields.size(), 2u);
  EXPECT_THAT(service_.SaveSearch(Young(), "Deux", "q=soudure", false), IsOk());
  EXPECT_THAT(service_.SaveSearch(Young(), "Trois", "q=vente", false), IsOk());
  EXPECT_THAT(service_.SaveSearch(Young(), "Quatre", "q=coiffure", false),
              HasErrorCode(ErrorCode::kResourceExhausted));
  EXPECT_EQ(service_.Searches(Young())->size(), 3u);
  EXPECT_EQ(service_.AlertSearches()->size(), 1u);
  // Someone else's search is not found.
  EXPECT_THAT(service_.SetAlerts(Other(), *id, false), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(service_.DeleteSearch(Other(), *id), HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(service_.SetAlerts(Young(), *id, false), IsOk());
  EXPECT_TRUE(service_.AlertSearches()->empty());
  clock_.Advance(kDay);
  ASSERT_THAT(service_.SetAlerts(Young(), *id, true), IsOk());
  EXPECT_EQ(service_.AlertSearches()->front().last_digest_at, kStart + kDay - 1);
  ASSERT_THAT(service_.DeleteSearch(Young(), *id), IsOk());
  EXPECT_EQ(service_.Searches(Young())->size(), 2u);
}

TEST_F(YoungPeopleServiceTest, ADigestMailsOnlyNewsAndNeverTwice) {
  auto id = service_.SaveSearch(Young(), "Cuisine", "q=cuisine", true);
  auto second = service_.SaveSearch(Young(), "Salle", "q=salle", true);
  auto searches = *service_.AlertSearches();
  ASSERT_EQ(searches.size(), 2u);
  clock_.Advance(kDay);
  const UnixSeconds at = clock_.Now();
  // Nothing new: nothing sent, but the searches are marked digested.
  EXPECT_EQ(*service_.RecordDigest(young_, {{searches[0], {}}, {searches[1], {}}}, at), false);
  EXPECT_TRUE(Mails().empty());
  EXPECT_EQ(service_.AlertSearches()->front().last_digest_at, at);
  // The same sections again (read before that run): left alone, nothing sent.
  DigestOffer news{"Apprenti cuisinier", "Restaurant Bèlè", "Le Lamentin", "/offres/1"};
  EXPECT_EQ(*service_.RecordDigest(young_, {{searches[0], {news}}}, at + 60), false);
  EXPECT_TRUE(Mails().empty());

  searches = *service_.AlertSearches();
  clock_.Advance(kDay);
  ASSERT_TRUE(
      *service_.RecordDigest(young_, {{searches[0], {news}}, {searches[1], {}}}, clock_.Now()));
  auto mails = Mails();
  ASSERT_EQ(mails.size(), 1u);
  const Mail& mail = mails[0].mail;
  EXPECT_EQ(mail.to, "lea@example.mq");
  EXPECT_EQ(mail.subject, "1 nouvelle offre pour vos recherches");
  EXPECT_THAT(mail.body, HasSubstr("Bonjour Léa"));
  EXPECT_THAT(mail.body, HasSubstr("Apprenti cuisinier (Restaurant Bèlè, Le Lamentin)"));
  EXPECT_THAT(mail.body, HasSubstr("https://maplace.mq/offres/1"));
  EXPECT_THAT(mail.body, HasSubstr("https://maplace.mq/recherche?q=cuisine"));
  EXPECT_THAT(mail.body, ::testing::Not(HasSubstr("« Salle »")));
  // The shared one-click link (outbox/unsubscribe.h) in the footer and the header.
  EXPECT_THAT(mail.body, HasSubstr("https://maplace.mq/desabonnement?adresse="));
  EXPECT_THAT(mail.body, HasSubstr("liste=saved_searches"));
  EXPECT_THAT(mail.list_unsubscribe, ::testing::StartsWith("https://maplace.mq/desabonnement?"));
  EXPECT_THAT(mail.body, ::testing::Not(HasSubstr("/alertes/desabonnement")));
  (void)id;
  (void)second;
}

TEST_F(YoungPeopleServiceTest, LeavingTheAlertsListStopsTheMailUntilAnAlertIsTurnedOnAgain) {
  ASSERT_THAT(service_.SaveSearch(Young(), "Cuisine", "q=cuisine", true), IsOk());
  auto searches = *service_.AlertSearches();
  DigestOffer news{"Apprenti cuisinier", "Restaurant Bèlè", "Le Lamentin", "/offres/1"};
  // The one-click link of a mail, as /desabonnement records it.
  ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
    auto url = outbox::UnsubscribeUrl(r, "https://maplace.mq", "lea@example.mq",
                                      outbox::kListSavedSearches);
    if (!url) return Fail(url.error());
    const std::string key = url->substr(url->find("cle=") + 4);
    return outbox::Unsubscribe(r, "lea@example.mq", outbox::kListSavedSearches, key, 1);
  }),
              IsOk());
  EXPECT_FALSE(service_.Searches(Young())->front().alerts);  // at once on « Mes recherches »
  clock_.Advance(kDay);
  EXPECT_EQ(*service_.RecordDigest(young_, {{searches[0], {news}}}, clock_.Now()), false);
  EXPECT_TRUE(Mails().empty());
  EXPECT_FALSE(service_.Searches(Young())->front().alerts);  // « Mes recherches » says so
  // Turned on again from « Mes recherches »: the mail comes back.
  ASSERT_THAT(service_.SetAlerts(Young(), searches[0].id, true), IsOk());
  searches = *service_.AlertSearches();
  clock_.Advance(kDay);
  EXPECT_EQ(*service_.RecordDigest(young_, {{searches[0], {news}}}, clock_.Now()), true);
  EXPECT_EQ(Mails().size(), 1u);
}

TEST_F(YoungPeopleServiceTest, TheUnsubscribeLinkTurnsOffEveryAlertOfItsPersonOnly) {
  ASSERT_THAT(service_.SaveSearch(Young(), "Cuisine", "q=cuisine", true), IsOk());
  ASSERT_THAT(service_.SaveSearch(Young(), "Salle", "q=salle", true), IsOk());
  ASSERT_THAT(service_.SaveSearch(Other(), "Garage", "q=garage", true), IsOk());
  const std::string token = service_.UnsubscribeToken(young_);
  std::string forged = token;
  forged.back() = forged.back() == 'a' ? 'b' : 'a';
  for (const std::string& bad : {forged, std::string("abc"), std::string(""),
                                 fmt::format("{}.{}", other_, token.substr(token.find('.') + 1))})
    EXPECT_THAT(service_.Unsubscribe(bad), HasErrorCode(ErrorCode::kInvalidArgument)) << bad;
  EXPECT_EQ(*service_.Unsubscribe(token), 2);
  EXPECT_EQ(*service_.Unsubscribe(token), 0);  // again: nothing left, no error
  auto left = *service_.AlertSearches();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].owner_id, other_);
  // Another key signs other links.
  YoungPeopleService elsewhere{store_, clock_, {}};
  elsewhere.SetSigningKey("another secret of thirty-two bytes or more");
  EXPECT_NE(elsewhere.UnsubscribeToken(young_), token);
}

}  // namespace
}  // namespace maplace::young_people
