// Workshops (migration 0018) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by
// script/test): round trips, the seat counter that never overbooks, even when two
// registrations race for the last seat.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/error_matchers.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using workshops::Registration;
using workshops::RegistrationStatus;
using workshops::Session;

class WorkshopsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 4});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      for (int i = 0; i < 3; ++i)
        users_.push_back(*r.users().Create(
            people::User{0, "p" + std::to_string(i) + "@cfa.mq", "Personne " + std::to_string(i),
                         people::Role::kCfa, people::UserStatus::kActive, "x", false, 1, 1}));
      people::Organisation o;
      o.kind = people::OrganisationKind::kCfa;
      o.name = "CFA";
      o.created_at = 1;
      organisation_ = *r.organisations().Create(o);
      theme_ = *r.workshops().CreateTheme({0, "Recruter un apprenti", "Les étapes.", 5});
      Session s;
      s.input.theme_id = theme_;
      s.input.title = "Atelier « accueil » de l'apprenti ; été";
      s.input.starts_at = 1'000'000;
      s.input.ends_at = 1'010'800;
      s.input.place = "Le Lamentin";
      s.input.capacity = 1;
      s.input.speakers = "Mme A, M. B";
      s.input.description = "Ligne 1\nLigne 2";
      s.created_by = users_[0];
      s.created_at = s.updated_at = 10;
      session_ = *r.workshops().CreateSession(s);
      return Ok();
    }),
                IsOk());
  }

  Registration Sample(std::int64_t user) {
    Registration r;
    r.session_id = session_;
    r.organisation_id = organisation_;
    r.user_id = user;
    r.registered_by = user;
    r.created_at = r.updated_at = 20;
    return r;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::vector<std::int64_t> users_;
  std::int64_t organisation_ = 0, theme_ = 0, session_ = 0;
};

TEST_P(WorkshopsContract, SessionsRegistrationsAndTheRestRoundTrip) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& w = r.workshops();
    auto session = w.FindSession(session_);
    EXPECT_THAT(session, IsOk());
    EXPECT_EQ(session->input.title, "Atelier « accueil » de l'apprenti ; été");
    EXPECT_EQ(session->input.description, "Ligne 1\nLigne 2");
    EXPECT_EQ(session->input.capacity, 1);
    EXPECT_EQ(session->seats_taken, 0);
    EXPECT_EQ(w.SessionsBetween(1'000'000, 1'000'001)->size(), 1u);
    EXPECT_EQ(w.SessionsBetween(0, 1'000'000)->size(), 0u);
    session->input.capacity = 2;
    session->updated_at = 30;
    EXPECT_THAT(w.UpdateSession(*session), IsOk());
    EXPECT_EQ(w.FindSession(session_)->input.capacity, 2);

    auto first = w.CreateRegistration(Sample(users_[0]));
    EXPECT_THAT(first, IsOk());
    auto reg = w.FindRegistration(*first);
    EXPECT_EQ(reg->status, RegistrationStatus::kRegistered);
    reg->attended = true;
    reg->survey_token_hash = "hash1";
    reg->rating = 4;
    reg->comment = "Très utile, merci !";
    reg->rated_at = 40;
    EXPECT_THAT(w.UpdateRegistration(*reg), IsOk());
    auto by_token = w.FindRegistrationByToken("hash1");
    EXPECT_THAT(by_token, IsOk());
    EXPECT_TRUE(by_token->attended);
    EXPECT_EQ(by_token->rating, 4);
    EXPECT_EQ(by_token->comment, "Très utile, merci !");
    EXPECT_THAT(w.FindRegistrationByToken(""), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_EQ(w.RegistrationsOf(organisation_)->size(), 1u);

    EXPECT_EQ(*w.AddInvitation({session_, organisation_, users_[0], 50}), true);
    EXPECT_EQ(*w.AddInvitation({session_, organisation_, users_[0], 51}), false);
    EXPECT_EQ(w.Invitations(session_)->size(), 1u);

    EXPECT_THAT(w.AddAction({0, session_, "Rappeler le CFA", users_[0], 60}), IsOk());
    EXPECT_EQ(w.Actions(session_)->front().body, "Rappeler le CFA");

    auto material =
        w.AddMaterial({0, session_, "rnd", "support.pdf", "application/pdf", 12, "abc", 70});
    EXPECT_THAT(material, IsOk());
    EXPECT_EQ(w.FindMaterial(*material)->original_name, "support.pdf");
    EXPECT_EQ(w.Materials(session_)->size(), 1u);

    EXPECT_THAT(w.MarkReminded(session_, 80), IsOk());
    EXPECT_THAT(w.MarkSurveySent(session_, 90), IsOk());
    EXPECT_EQ(w.FindSession(session_)->reminded_at, 80);
    EXPECT_EQ(w.FindSession(session_)->survey_sent_at, 90);
    return Ok();
  }),
              IsOk());
}

TEST_P(WorkshopsContract, ThemeNamesAreUnique) {
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto created = r.workshops().CreateTheme({0, "Recruter un apprenti", "", 6});
    if (!created) return Fail(created.error());
    return Ok();
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
}

TEST_P(WorkshopsContract, APersonIsRegisteredOncePerSession) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto created = r.workshops().CreateRegistration(Sample(users_[1]));
    if (!created) return Fail(created.error());
    return Ok();
  }),
              IsOk());
  EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto created = r.workshops().CreateRegistration(Sample(users_[1]));
    if (!created) return Fail(created.error());
    return Ok();
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
}

TEST_P(WorkshopsContract, SeatsAreNeverOverbooked) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    EXPECT_EQ(*r.workshops().TakeSeat(session_), true);
    EXPECT_EQ(*r.workshops().TakeSeat(session_), false);  // capacity 1
    EXPECT_THAT(r.workshops().ReleaseSeat(session_), IsOk());
    EXPECT_THAT(r.workshops().ReleaseSeat(session_), IsOk());  // never below 0
    EXPECT_EQ(r.workshops().FindSession(session_)->seats_taken, 0);
    return Ok();
  }),
              IsOk());
}

TEST_P(WorkshopsContract, TwoTransactionsRacingForTheLastSeatGetItOnce) {
  for (int round = 0; round < 5; ++round) {
    std::atomic<int> taken{0}, done{0};
    std::atomic<bool> go{false};
    auto racer = [&] {
      while (!go) std::this_thread::yield();
      for (;;) {
        bool got = false;
        auto s = store_->Write([&](Repositories& r) -> Status {
          auto seat = r.workshops().TakeSeat(session_);
          if (!seat) return Fail(seat.error());
          got = *seat;
          return Ok();
        });
        if (!s && s.error().code == ErrorCode::kUnavailable) continue;  // busy: try again
        EXPECT_THAT(s, IsOk());
        if (got) ++taken;
        ++done;
        return;
      }
    };
    std::thread a(racer), b(racer);
    go = true;
    a.join();
    b.join();
    EXPECT_EQ(done, 2);
    EXPECT_EQ(taken, 1) << "round " << round;
    ASSERT_THAT(store_->Write([&](Repositories& r) { return r.workshops().ReleaseSeat(session_); }),
                IsOk());
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, WorkshopsContract, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace maplace::storage
