#include "domain/offers/offer_service.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::offers {
namespace {

using people::Actor;
using people::MemberRole;
using people::Membership;
using people::Organisation;
using people::OrganisationStatus;
using people::Role;

constexpr UnixSeconds kDay = 24 * 3600;
constexpr UnixSeconds kStart = 1'800'000'000;  // 2027-01-15

class Recorder final : public OfferListener {
 public:
  void OnOfferChanged(const Offer& offer) override { changed.push_back(offer.id); }
  void OnOfferRemoved(std::int64_t id) override { removed.push_back(id); }
  std::vector<std::int64_t> changed, removed;
};

OfferInput Cook(std::string title = "Apprenti cuisinier en restaurant") {
  OfferInput in;
  in.rome_code = "G1602";
  in.title = std::move(title);
  in.level = 3;
  in.contract = ContractKind::kApprenticeship;
  in.start_date = "";
  in.duration_months = 24;
  in.positions = 1;
  in.rhythm = "2 jours école / 3 jours entreprise";
  in.description = "Vous apprendrez la cuisine créole auprès de notre chef, au service du midi.";
  in.commune_code = "97213";
  return in;
}

class OfferServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      reference::TableSpec jobs{"rome_jobs", {{"code"}, {"label"}}, 1, {}};
      reference::TableSpec communes{"communes", {{"insee_code"}, {"name"}}, 1, {}};
      if (auto s = r.reference().Sync(
              jobs, {{std::string("G1602"), std::string("Personnel de cuisine")}});
          !s)
        return Fail(s.error());
      if (auto s =
              r.reference().Sync(communes, {{std::string("97213"), std::string("Le Lamentin")}});
          !s)
        return Fail(s.error());
      validated_ = MakeOrganisation(r, "Restaurant Bèlè", OrganisationStatus::kValidated);
      pending_ = MakeOrganisation(r, "Snack en attente", OrganisationStatus::kPending);
      for (auto [id, email] :
           {std::pair{validated_, "chef@example.mq"}, std::pair{pending_, "snack@example.mq"}}) {
        people::User user{0,   email, "Chef", Role::kEmployer, people::UserStatus::kActive,
                          "x", false, kStart, kStart};
        auto uid = r.users().Create(user);
        if (!uid) return Fail(uid.error());
        if (auto s = r.organisations().AddMember({id, *uid, MemberRole::kAdmin}); !s) return s;
      }
      return Ok();
    }),
                IsOk());
    offers_.SetListener(&listener_);
  }

  static std::int64_t MakeOrganisation(Repositories& r, const std::string& name,
                                       OrganisationStatus status) {
    Organisation o;
    o.name = name;
    o.status = status;
    return *r.organisations().Create(o);
  }

  Actor Employer(std::int64_t organisation) {
    return Actor{
        10, Role::kEmployer, "", "", false, Membership{organisation, 10, MemberRole::kMember}, ""};
  }
  std::int64_t Draft(const OfferInput& in = Cook()) {
    auto id = offers_.CreateDraft(Employer(validated_), in);
    EXPECT_THAT(id, IsOk());
    return id.value_or(0);
  }
  std::int64_t Published(const OfferInput& in = Cook()) {
    auto id = Draft(in);
    EXPECT_THAT(offers_.Publish(Employer(validated_), id, true), IsOk());
    return id;
  }
  OfferState StateOf(std::int64_t id) {
    return offers_.Get(Employer(validated_), id).value().state;
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
  OfferService offers_{store_, clock_, OfferSettings{"https://example.test"}};
  Recorder listener_;
  std::int64_t validated_ = 0, pending_ = 0;
  Actor advisor_{900, Role::kAdvisor, "", "", false, {}, ""};
};

TEST_F(OfferServiceTest, TheFormIsCheckedWithFrenchMessages) {
  OfferInput bad = Cook("<script>alert(1)</script>");
  bad.rome_code = "nope";
  bad.level = 9;
  bad.start_date = "2020-01-01";
  bad.duration_months = 2;
  bad.positions = -1;
  bad.description = std::string(5001, 'a');
  bad.commune_code = "";
  auto checked = OfferService::Check(
      bad, Date{std::chrono::year{2027}, std::chrono::month{1}, std::chrono::day{15}});
  ASSERT_THAT(checked, HasErrorCode(ErrorCode::kInvalidArgument));
  for (const char* field : {"rome_code", "title", "level", "start_date", "duration_months",
                            "positions", "description", "commune_code"})
    EXPECT_TRUE(checked.error().fields.count(field)) << field;
  EXPECT_NE(checked.error().fields.at("start_date").find("déjà passée"), std::string::npos);
  // Nothing is stored.
  EXPECT_THAT(offers_.CreateDraft(Employer(validated_), bad),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(offers_.ListOwn(Employer(validated_))->empty());
}

// "Today" is Martinique's: at 21:30 there it is already the next day in UTC, and a start date of
// the Martinique day must still pass.
TEST_F(OfferServiceTest, TodayIsMartiniquesDay) {
  clock_.Advance(17 * 3600 + 1800);  // 2027-01-15 21:30 in Martinique, 2027-01-16 01:30 UTC
  OfferInput in = Cook();
  in.start_date = "2027-01-15";
  EXPECT_THAT(offers_.CreateDraft(Employer(validated_), in), IsOk());
  in.start_date = "2027-01-14";
  EXPECT_THAT(offers_.CreateDraft(Employer(validated_), in),
              HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST_F(OfferServiceTest, UnknownJobsAndCommunesAreRefused) {
  OfferInput in = Cook();
  in.rome_code = "A1101";
  in.commune_code = "75056";
  auto created = offers_.CreateDraft(Employer(validated_), in);
  ASSERT_THAT(created, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(created.error().fields.count("rome_code"));
  EXPECT_TRUE(created.error().fields.count("commune_code"));
}

TEST_F(OfferServiceTest, AnotherOrganisationsOfferIsNotFound) {
  auto id = Draft();
  EXPECT_THAT(offers_.Get(Employer(pending_), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(offers_.Edit(Employer(pending_), id, Cook()), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(offers_.Publish(Employer(pending_), id, true), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(offers_.Close(Employer(pending_), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(offers_.Duplicate(Employer(pending_), id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_THAT(offers_.Get(advisor_, id), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(OfferServiceTest, AnUnvalidatedOrganisationPreparesDraftsButCannotPublish) {
  auto id = offers_.CreateDraft(Employer(pending_), Cook());
  ASSERT_THAT(id, IsOk());
  auto published = offers_.Publish(Employer(pending_), *id, true);
  ASSERT_THAT(published, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_NE(published.error().fields.at("organisation").find("pas encore validée"),
            std::string::npos);
  EXPECT_EQ(offers_.Get(Employer(pending_), *id)->state, OfferState::kDraft);
  EXPECT_THAT(offers_.GetPublished(*id), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(OfferServiceTest, PublishingShowsTheOfferForSixtyDaysAndTellsTheListener) {
  auto id = Draft();
  EXPECT_THAT(offers_.GetPublished(id), HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(offers_.Publish(Employer(validated_), id, false), IsOk());
  auto shown = offers_.GetPublished(id);
  ASSERT_THAT(shown, IsOk());
  EXPECT_EQ(shown->organisation_name, "Restaurant Bèlè");
  EXPECT_EQ(shown->offer.expires_at, kStart + 60 * kDay);
  EXPECT_EQ(offers_.ListPublished()->size(), 1u);
  EXPECT_EQ(listener_.changed, std::vector<std::int64_t>{id});
  // Publishing twice is refused in French.
  auto again = offers_.Publish(Employer(validated_), id, false);
  ASSERT_THAT(again, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_NE(again.error().fields.at("state").find("seul un brouillon"), std::string::npos);
}

TEST_F(OfferServiceTest, NearDuplicatesMustBeConfirmed) {
  Published(Cook("Apprenti cuisinier (H/F) en restaurant"));
  auto id = Draft(Cook("Apprentie cuisinière en restaurant"));
  auto check = offers_.CheckBeforePublishing(Employer(validated_), id);
  ASSERT_THAT(check, IsOk());
  EXPECT_EQ(check->duplicates.size(), 1u);
  auto refused = offers_.Publish(Employer(validated_), id, false);
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(refused.error().fields.count("duplicates"));
  EXPECT_THAT(offers_.Publish(Employer(validated_), id, true), IsOk());
  // A different title for the same job is no duplicate.
  auto other = Draft(Cook("Commis de cuisine pâtisserie"));
  EXPECT_TRUE(offers_.CheckBeforePublishing(Employer(validated_), other)->duplicates.empty());
}

TEST_F(OfferServiceTest, TitleSimilarityFoldsAccentsAndCase) {
  EXPECT_GE(TitleSimilarity("Apprenti CUISINIER", "apprenti cuisinier"), 0.99);
  EXPECT_GE(TitleSimilarity("Pâtissier apprenti", "patissier apprenti"), 0.99);
  EXPECT_LT(TitleSimilarity("Vendeur en boulangerie", "Mécanicien auto"), 0.1);
}

TEST_F(OfferServiceTest, TheLifecycleRefusesInvalidTransitions) {
  auto id = Draft();
  EXPECT_THAT(offers_.Pause(Employer(validated_), id),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(offers_.MarkFilled(Employer(validated_), id, "cfa"),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(offers_.Extend(Employer(validated_), id),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  ASSERT_THAT(offers_.Publish(Employer(validated_), id, true), IsOk());
  ASSERT_THAT(offers_.Pause(Employer(validated_), id), IsOk());
  EXPECT_THAT(offers_.GetPublished(id), HasErrorCode(ErrorCode::kNotFound));
  ASSERT_THAT(offers_.Resume(Employer(validated_), id), IsOk());
  EXPECT_THAT(offers_.MarkFilled(Employer(validated_), id, "pigeon voyageur"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(offers_.MarkFilled(Employer(validated_), id, "france_travail"), IsOk());
  EXPECT_EQ(offers_.Get(Employer(validated_), id)->filled_channel, "france_travail");
  auto closed = offers_.Close(Employer(validated_), id);
  ASSERT_THAT(closed, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_NE(closed.error().fields.at("state").find("pourvue"), std::string::npos);
  EXPECT_THAT(offers_.Edit(Employer(validated_), id, Cook()),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(listener_.removed.back(), id);
  // A filled offer can be duplicated into a new draft.
  auto copy = offers_.Duplicate(Employer(validated_), id);
  ASSERT_THAT(copy, IsOk());
  EXPECT_EQ(StateOf(*copy), OfferState::kDraft);
  EXPECT_EQ(offers_.Get(Employer(validated_), *copy)->input.title, Cook().title);
}

TEST_F(OfferServiceTest, ARemindedOfferExtendsInOneClickOrExpires) {
  auto id = Published();
  clock_.Advance(52 * kDay);
  EXPECT_EQ(offers_.Tick()->reminded, 0);
  clock_.Advance(1 * kDay + 1);  // 7 days before the end
  auto counts = offers_.Tick();
  ASSERT_THAT(counts, IsOk());
  EXPECT_EQ(counts->reminded, 1);
  EXPECT_EQ(offers_.Tick()->reminded, 0);  // once
  std::string token;
  for (const auto& m : Mails()) {
    std::smatch match;
    if (m.mail.to == "chef@example.mq" &&
        std::regex_search(m.mail.body, match, std::regex("prolonger\\?jeton=([A-Za-z0-9_-]+)")))
      token = match[1];
  }
  ASSERT_FALSE(token.empty());
  auto extended = offers_.ExtendByLink(token);
  ASSERT_THAT(extended, IsOk());
  EXPECT_EQ(extended->expires_at, clock_.Now() + 60 * kDay);
  EXPECT_THAT(offers_.ExtendByLink(token), HasErrorCode(ErrorCode::kNotFound));  // used

  clock_.Advance(60 * kDay);
  counts = offers_.Tick();
  EXPECT_EQ(counts->expired, 1);
  EXPECT_EQ(StateOf(id), OfferState::kExpired);
  EXPECT_THAT(offers_.GetPublished(id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_EQ(listener_.removed.back(), id);
  // An expired offer may still be extended by its employer.
  ASSERT_THAT(offers_.Extend(Employer(validated_), id), IsOk());
  EXPECT_EQ(StateOf(id), OfferState::kPublished);
}

TEST_F(OfferServiceTest, AnOfferPausesItselfAtItsThreshold) {
  OfferInput in = Cook();
  in.pause_after_applications = 3;
  auto id = Published(in);
  ASSERT_THAT(offers_.OnApplication(id, 2), IsOk());
  EXPECT_EQ(StateOf(id), OfferState::kPublished);
  // The search card shows the count: the listener hears of it even without a pause.
  ASSERT_FALSE(listener_.changed.empty());
  EXPECT_EQ(listener_.changed.back(), id);
  EXPECT_EQ(offers_.GetPublished(id).value().offer.applications, 2);
  ASSERT_THAT(offers_.OnApplication(id, 3), IsOk());
  EXPECT_EQ(StateOf(id), OfferState::kPaused);
  EXPECT_EQ(listener_.removed.back(), id);
}

TEST_F(OfferServiceTest, ReportedOffersReachTheAdvisorsWhoHideThem) {
  auto id = Published();
  EXPECT_THAT(offers_.Report(id, "nonsense", "", ""), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(offers_.Report(id, "other", " ", ""), HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(offers_.Report(id, "fraud", "On me demande de payer.", "1.2.3.4"), IsOk());
  ASSERT_THAT(offers_.Report(id, "discriminatory", "", "1.2.3.5"), IsOk());
  EXPECT_THAT(offers_.ReportedOffers(Employer(validated_)),
              HasErrorCode(ErrorCode::kPermissionDenied));
  auto reported = offers_.ReportedOffers(advisor_);
  ASSERT_THAT(reported, IsOk());
  ASSERT_EQ(reported->size(), 1u);
  EXPECT_EQ(reported->front().reports.size(), 2u);
  EXPECT_THAT(offers_.Hide(advisor_, id, ""), HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(offers_.Hide(advisor_, id, "Demande d'argent aux candidats."), IsOk());
  EXPECT_THAT(offers_.GetPublished(id), HasErrorCode(ErrorCode::kNotFound));
  EXPECT_TRUE(offers_.ReportedOffers(advisor_)->empty());
  EXPECT_THAT(offers_.Report(id, "fraud", "", ""), HasErrorCode(ErrorCode::kNotFound));
  bool audited = false;
  EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
    auto events = *r.audit().Latest(50);
    for (const auto& e : events) audited |= e.action == "offer.hidden" && e.actor_user_id == 900;
    return Ok();
  }),
              IsOk());
  EXPECT_TRUE(audited);
}

}  // namespace
}  // namespace maplace::offers
