#include "cli/demo_command.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::cli {
namespace {

class DemoTest : public ::testing::Test {
 protected:
  fakes::InMemoryStore store_;
  crypto::PasswordHasher hasher_{crypto::PasswordHasher::Minimum()};
  people::PasswordPolicy policy_{""};
  people::LoginThrottle throttle_;
  ManualClock clock_{1'800'000'000};
  people::AccountService accounts_{store_, hasher_, policy_, throttle_, clock_, {}};
};

TEST_F(DemoTest, CreatesOneWorkingAccountPerRole) {
  auto logins = CreateDemo(accounts_);
  ASSERT_THAT(logins, IsOk());
  ASSERT_EQ(logins->size(), people::kAllRoles.size());
  for (const auto& login : *logins) {
    auto session = accounts_.Login(login.email, login.password, "");
    ASSERT_THAT(session, IsOk()) << login.email;
    EXPECT_EQ(session->actor.role, login.role);
    EXPECT_TRUE(session->actor.is_demo);
    const bool organisation =
        login.role == people::Role::kEmployer || login.role == people::Role::kCfa;
    EXPECT_EQ(session->actor.membership.has_value(), organisation);
  }
}

TEST_F(DemoTest, RunningAgainGivesNewPasswordsAndNoDuplicates) {
  auto first = CreateDemo(accounts_);
  auto second = CreateDemo(accounts_);
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(accounts_.ListUsers()->size(), people::kAllRoles.size());
  EXPECT_NE(first->front().password, second->front().password);
  EXPECT_THAT(accounts_.Login(first->front().email, first->front().password, ""),
              HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.Login(second->front().email, second->front().password, ""), IsOk());
}

TEST_F(DemoTest, RefusesAStoreWithRealAccounts) {
  ASSERT_THAT(accounts_.CreateUser({"vraie@personne.mq", "Vraie Personne",
                                    people::Role::kYoungPerson, "une vraie phrase secrète"}),
              IsOk());
  EXPECT_THAT(CreateDemo(accounts_), HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_EQ(accounts_.ListUsers()->size(), 1u);
}

}  // namespace
}  // namespace maplace::cli
