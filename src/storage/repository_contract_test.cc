// The repository contract, run on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL, set by
// script/test, which starts a throwaway cluster).
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/error_matchers.h"
#include "domain/reference/tables.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using people::Role;
using people::User;
using people::UserStatus;

class RepositoryContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 4});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
  }

  User NewUser(const std::string& email, bool demo = false) {
    return User{0,
                email,
                "Marie Joseph",
                Role::kYoungPerson,
                UserStatus::kActive,
                "$argon2id$fake",
                demo,
                1000,
                1000};
  }
  Result<std::int64_t> CreateUser(const User& user) {
    Result<std::int64_t> id = 0;
    auto s = store_->Write([&](Repositories& r) -> Status {
      id = r.users().Create(user);
      return id ? Ok() : Status(Fail(id.error()));
    });
    if (!s) return Fail(s.error());
    return id;
  }
  std::int64_t CountUsers() {
    std::int64_t count = -1;
    EXPECT_THAT(store_->Read([&](Repositories& r) -> Status {
      count = r.users().List()->size();
      return Ok();
    }),
                IsOk());
    return count;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
};

TEST_P(RepositoryContract, MigrationsApplyOnce) {
  auto again = store_->Migrate();
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(*again, 0);
}

TEST_P(RepositoryContract, UsersAreFoundByIdAndEmail) {
  auto id = CreateUser(NewUser("marie@example.mq"));
  ASSERT_THAT(id, IsOk());
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto by_id = r.users().FindById(*id);
    EXPECT_THAT(by_id, IsOk());
    EXPECT_EQ(by_id->email, "marie@example.mq");
    EXPECT_EQ(by_id->role, Role::kYoungPerson);
    EXPECT_EQ(by_id->status, UserStatus::kActive);
    EXPECT_EQ(by_id->created_at, 1000);
    auto by_email = r.users().FindByEmail("marie@example.mq");
    EXPECT_THAT(by_email, IsOk());
    EXPECT_EQ(by_email->id, *id);
    EXPECT_THAT(r.users().FindByEmail("nobody@example.mq"), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(r.users().FindById(*id + 1000), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, EmailsAreUnique) {
  ASSERT_THAT(CreateUser(NewUser("marie@example.mq")), IsOk());
  EXPECT_THAT(CreateUser(NewUser("marie@example.mq")), HasErrorCode(ErrorCode::kAlreadyExists));
  auto other = CreateUser(NewUser("other@example.mq"));
  ASSERT_THAT(other, IsOk());
  EXPECT_THAT(store_->Write([&](Repositories& r) {
    return r.users().UpdateEmail(*other, "marie@example.mq", 2000);
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
}

TEST_P(RepositoryContract, AFailedTransactionLeavesNothingBehind) {
  auto status = store_->Write([&](Repositories& r) -> Status {
    EXPECT_THAT(r.users().Create(NewUser("marie@example.mq")), IsOk());
    EXPECT_THAT(r.outbox().Enqueue(Mail{"marie@example.mq", "s", "b"}, 1000), IsOk());
    return Fail(ErrorCode::kFailedPrecondition, "changed my mind");
  });
  EXPECT_THAT(status, HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(CountUsers(), 0);
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    EXPECT_TRUE(r.outbox().Latest(10)->empty());
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, UpdatesAndCounts) {
  auto id = CreateUser(NewUser("marie@example.mq"));
  ASSERT_THAT(CreateUser(NewUser("demo@example.mq", true)), IsOk());
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    EXPECT_THAT(r.users().UpdateStatus(*id, UserStatus::kDisabled, 2000), IsOk());
    EXPECT_THAT(r.users().UpdatePasswordHash(*id, "$argon2id$new", 2001), IsOk());
    EXPECT_THAT(r.users().UpdateDisplayName(*id, "Marie J.", 2002), IsOk());
    EXPECT_THAT(r.users().UpdateStatus(*id + 99, UserStatus::kActive, 2000),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_EQ(*r.users().CountNonDemo(), 1);
    return Ok();
  }),
              IsOk());
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto user = r.users().FindById(*id);
    EXPECT_EQ(user->status, UserStatus::kDisabled);
    EXPECT_EQ(user->password_hash, "$argon2id$new");
    EXPECT_EQ(user->display_name, "Marie J.");
    EXPECT_EQ(user->updated_at, 2002);
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, SessionsLiveUntilDeleted) {
  auto id = CreateUser(NewUser("marie@example.mq"));
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    EXPECT_THAT(r.sessions().Create({"hash-a", *id, 10, 10, 100}), IsOk());
    EXPECT_THAT(r.sessions().Create({"hash-b", *id, 10, 10, 100}), IsOk());
    EXPECT_THAT(r.sessions().Touch("hash-a", 50), IsOk());
    auto a = r.sessions().Find("hash-a");
    EXPECT_THAT(a, IsOk());
    EXPECT_EQ(a->last_seen_at, 50);
    EXPECT_EQ(a->expires_at, 100);
    EXPECT_THAT(r.sessions().Delete("hash-a"), IsOk());
    EXPECT_THAT(r.sessions().Find("hash-a"), HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(r.sessions().DeleteAllForUser(*id), IsOk());
    EXPECT_THAT(r.sessions().Find("hash-b"), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, TokensAreUsableOnceAndUntilTheyExpire) {
  auto id = CreateUser(NewUser("marie@example.mq"));
  using people::TokenPurpose;
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& tokens = r.tokens();
    EXPECT_THAT(tokens.Create({"t1", TokenPurpose::kPasswordReset, *id, "", 0,
                               people::MemberRole::kMember, 10, 100}),
                IsOk());
    EXPECT_THAT(tokens.FindUsable("t1", TokenPurpose::kEmailChange, 50),
                HasErrorCode(ErrorCode::kNotFound));  // another purpose
    EXPECT_THAT(tokens.FindUsable("t1", TokenPurpose::kPasswordReset, 100),
                HasErrorCode(ErrorCode::kNotFound));  // expired
    auto used = tokens.Consume("t1", TokenPurpose::kPasswordReset, 50);
    EXPECT_THAT(used, IsOk());
    EXPECT_EQ(used->user_id, *id);
    EXPECT_THAT(tokens.Consume("t1", TokenPurpose::kPasswordReset, 51),
                HasErrorCode(ErrorCode::kNotFound));
    EXPECT_THAT(tokens.Create({"t2", TokenPurpose::kPasswordReset, *id, "", 0,
                               people::MemberRole::kMember, 10, 100}),
                IsOk());
    EXPECT_THAT(tokens.RevokeAll(*id, TokenPurpose::kPasswordReset, 60), IsOk());
    EXPECT_THAT(tokens.FindUsable("t2", TokenPurpose::kPasswordReset, 61),
                HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, InvitationTokensCarryTheOrganisation) {
  using people::TokenPurpose;
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto org = r.organisations().Create({0, people::OrganisationKind::kCfa, "CFA du Lamentin"});
    EXPECT_THAT(org, IsOk());
    EXPECT_THAT(r.tokens().Create({"inv", TokenPurpose::kInvitation, 0, "x@cfa.mq", *org,
                                   people::MemberRole::kAdmin, 10, 100}),
                IsOk());
    auto found = r.tokens().FindUsable("inv", TokenPurpose::kInvitation, 20);
    EXPECT_THAT(found, IsOk());
    EXPECT_EQ(found->user_id, 0);
    EXPECT_EQ(found->organisation_id, *org);
    EXPECT_EQ(found->email, "x@cfa.mq");
    EXPECT_EQ(found->member_role, people::MemberRole::kAdmin);
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, OrganisationsHaveMembers) {
  auto boss = CreateUser(NewUser("boss@example.mq"));
  auto clerk = CreateUser(NewUser("clerk@example.mq"));
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto org = r.organisations().Create(
        {0, people::OrganisationKind::kEmployer, "Boulangerie", "73282932000074", "", true, 5});
    EXPECT_THAT(org, IsOk());
    EXPECT_THAT(r.organisations().AddMember({*org, *boss, people::MemberRole::kAdmin}), IsOk());
    EXPECT_THAT(r.organisations().AddMember({*org, *clerk, people::MemberRole::kMember}), IsOk());
    auto found = r.organisations().FindById(*org);
    EXPECT_EQ(found->siret, "73282932000074");
    EXPECT_TRUE(found->is_demo);
    auto members = r.organisations().Members(*org);
    EXPECT_EQ(members->size(), 2u);
    auto membership = r.organisations().MembershipOf(*boss);
    EXPECT_TRUE(membership->has_value());
    EXPECT_EQ((*membership)->role, people::MemberRole::kAdmin);
    EXPECT_FALSE(r.organisations().MembershipOf(*boss + 100)->has_value());
    EXPECT_EQ(r.organisations().List()->size(), 1u);
    return Ok();
  }),
              IsOk());
  EXPECT_THAT(store_->Write([&](Repositories& r) {
    return r.organisations().AddMember({1, *boss, people::MemberRole::kMember});
  }),
              HasErrorCode(ErrorCode::kAlreadyExists));
}

TEST_P(RepositoryContract, OutboxRetriesThenGivesUp) {
  ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
    auto& outbox = r.outbox();
    auto id = outbox.Enqueue(Mail{"a@b.fr", "Sujet é", "Corps\nligne 2"}, 100);
    EXPECT_THAT(id, IsOk());
    EXPECT_EQ(outbox.Due(100, 10)->size(), 1u);
    EXPECT_EQ(outbox.Due(99, 10)->size(), 0u);
    EXPECT_THAT(outbox.MarkAttemptFailed(*id, "connection refused", 160, false), IsOk());
    EXPECT_EQ(outbox.Due(150, 10)->size(), 0u);
    auto due = outbox.Due(160, 10);
    EXPECT_EQ(due->size(), 1u);
    EXPECT_EQ(due->front().attempts, 1);
    EXPECT_EQ(due->front().mail.body, "Corps\nligne 2");
    EXPECT_THAT(outbox.MarkAttemptFailed(*id, "again", 200, true), IsOk());
    EXPECT_EQ(outbox.Due(1000, 10)->size(), 0u);
    auto mail = outbox.FindById(*id);
    EXPECT_EQ(mail->state, outbox::MailState::kFailed);
    EXPECT_EQ(mail->last_error, "again");
    auto sent = outbox.Enqueue(Mail{"c@d.fr", "S", "B"}, 300);
    EXPECT_THAT(outbox.MarkSent(*sent, 301), IsOk());
    EXPECT_EQ(outbox.FindById(*sent)->state, outbox::MailState::kSent);
    EXPECT_EQ(outbox.Latest(10)->front().id, *sent);
    EXPECT_THAT(outbox.FindById(*sent + 10), HasErrorCode(ErrorCode::kNotFound));
    return Ok();
  }),
              IsOk());
}

TEST_P(RepositoryContract, AuditTrailIsAppendOnly) {
  ASSERT_THAT(store_->Write([&](Repositories& r) {
    return r.audit().Record({0, 100, 7, "login.failed", "user:7", "127.0.0.1"});
  }),
              IsOk());
  ASSERT_THAT(store_->Read([&](Repositories& r) -> Status {
    auto events = r.audit().Latest(5);
    EXPECT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().action, "login.failed");
    return Ok();
  }),
              IsOk());
  // Even a direct SQL statement cannot rewrite history.
  const std::string url = db_->url();
  std::unique_ptr<soci::session> sql =
      GetParam() == "sqlite" ? std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(9))
                             : std::make_unique<soci::session>(soci::postgresql, url);
  EXPECT_THROW(*sql << "UPDATE audit_events SET action = 'nothing'", soci::soci_error);
  EXPECT_THROW(*sql << "DELETE FROM audit_events", soci::soci_error);
}

TEST_P(RepositoryContract, ConcurrentSignUpsWithOneEmailCreateOneAccount) {
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto status = store_->Write([&](Repositories& r) -> Status {
        auto existing = r.users().FindByEmail("race@example.mq");
        if (existing) return Fail(ErrorCode::kAlreadyExists, "taken");
        return r.users().Create(NewUser("race@example.mq")).map([](auto) {});
      });
      (status ? created : refused)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(CountUsers(), 1);
}

TEST_P(RepositoryContract, BackupAndRestoreBringBackTheData) {
  ASSERT_THAT(CreateUser(NewUser("before@example.mq")), IsOk());
  const StorageConfig config{db_->url(), 1};
  ASSERT_THAT(Backup(config, db_->scratch()), IsOk());
  ASSERT_THAT(CreateUser(NewUser("after@example.mq")), IsOk());
  EXPECT_EQ(CountUsers(), 2);
  store_.reset();  // restore with no server connected
  ASSERT_THAT(Restore(config, db_->scratch()), IsOk());
  store_ = std::move(*SqlStore::Open(config));
  EXPECT_EQ(CountUsers(), 1);
  std::filesystem::remove(db_->scratch());
  EXPECT_THAT(Restore(config, db_->scratch()), HasErrorCode(ErrorCode::kNotFound));
}

INSTANTIATE_TEST_SUITE_P(Stores, RepositoryContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage

namespace maplace::storage {
namespace {

// A job's certifications come by level, then label, on both engines (PostgreSQL sorts a
// SELECT DISTINCT only by the columns it selects).
TEST_P(RepositoryContract, AJobListsItsCertificationsByLevel) {
  namespace t = reference::tables;
  ASSERT_THAT(store_->Write([](Repositories& r) -> Status {
    const std::vector<std::pair<const reference::TableSpec*, std::vector<reference::Row>>> tables =
        {
            {&t::RomeGrandDomains(), {{"H", "Industrie"}}},
            {&t::RomeProfessionalDomains(), {{"H29", "Mécanique, travail des métaux"}}},
            {&t::RomeJobs(),
             {{"H2913", "Soudage manuel", "H", "H29", "H2913", "Assemble des pièces.", ""}}},
            {&t::Certifications(),
             {{"86604", "MC technicien en soudage", "MC", "4", "RNCP38311", "", "1", "1"},
              {"94107", "CAP RICS option B soudage", "CAP", "3", "RNCP38568", "", "1", "1"}}},
            {&t::CertificationRome(), {{"86604", "H2913", "1"}, {"94107", "H2913", "1"}}},
        };
    for (const auto& [spec, rows] : tables)
      if (auto s = r.reference().Sync(*spec, rows); !s) return Fail(s.error());
    return Ok();
  }),
              IsOk());
  ASSERT_THAT(store_->Read([](Repositories& r) -> Status {
    auto job = r.jobs().FindJob("H2913");
    EXPECT_THAT(job, IsOk());
    if (!job) return Ok();
    EXPECT_EQ(job->certifications.size(), 2u);
    if (job->certifications.size() == 2) {
      EXPECT_EQ(job->certifications[0].rncp_code, "RNCP38568");
      EXPECT_EQ(job->certifications[1].level, 4);
    }
    return Ok();
  }),
              IsOk());
}

}  // namespace
}  // namespace maplace::storage
