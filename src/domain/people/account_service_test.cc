#include "domain/people/account_service.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/error_matchers.h"
#include "domain/fakes/in_memory_store.h"

namespace maplace::people {
namespace {

constexpr char kPassword[] = "un manguier à Sainte-Anne";

class AccountServiceTest : public ::testing::Test {
 protected:
  fakes::InMemoryStore store_;
  crypto::PasswordHasher hasher_{crypto::PasswordHasher::Minimum()};
  PasswordPolicy policy_{"password123456\nazertyuiopqsdf\n"};
  LoginThrottle throttle_;
  ManualClock clock_{1'800'000'000};
  AccountService accounts_{store_,    hasher_, policy_,
                           throttle_, clock_,  AccountSettings{"https://example.test"}};

  std::vector<outbox::OutboxMail> Mails() {
    std::vector<outbox::OutboxMail> mails;
    EXPECT_THAT(store_.Read([&](Repositories& r) -> Status {
      mails = *r.outbox().Latest(100);
      return Ok();
    }),
                IsOk());
    return mails;
  }
  // The token of the link in the latest mail sent to `to`.
  std::string LinkToken(const std::string& to) {
    for (const auto& m : Mails()) {
      if (m.mail.to != to) continue;
      std::smatch match;
      if (std::regex_search(m.mail.body, match, std::regex("jeton=([A-Za-z0-9_-]+)")))
        return match[1];
      return "";
    }
    return "";
  }
  NewSession SignUpAndConfirm(const std::string& email) {
    EXPECT_THAT(accounts_.SignUp(email, "Marie Joseph", kPassword, "127.0.0.1"), IsOk());
    auto session = accounts_.ConfirmEmail(LinkToken(email), "127.0.0.1");
    EXPECT_THAT(session, IsOk());
    return *session;
  }
};

TEST_F(AccountServiceTest, SignUpSendsAConfirmationLinkThatActivatesTheAccount) {
  ASSERT_THAT(accounts_.SignUp(" Marie@Example.MQ ", "Marie Joseph", kPassword, "1.2.3.4"), IsOk());
  EXPECT_THAT(accounts_.Login("marie@example.mq", kPassword, "1.2.3.4"),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  std::string token = LinkToken("marie@example.mq");
  ASSERT_FALSE(token.empty());
  auto session = accounts_.ConfirmEmail(token, "1.2.3.4");
  ASSERT_THAT(session, IsOk());
  EXPECT_EQ(session->actor.role, Role::kYoungPerson);
  EXPECT_THAT(accounts_.Authenticate(session->token), IsOk());
  EXPECT_THAT(accounts_.ConfirmEmail(token, "1.2.3.4"), HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(AccountServiceTest, SignUpWithATakenAddressLooksTheSameButWarnsTheOwner) {
  SignUpAndConfirm("marie@example.mq");
  auto before = Mails().size();
  EXPECT_THAT(accounts_.SignUp("marie@example.mq", "Someone Else", kPassword, "9.9.9.9"), IsOk());
  auto mails = Mails();
  ASSERT_EQ(mails.size(), before + 1);
  EXPECT_NE(mails.front().mail.subject.find("déjà un compte"), std::string::npos);
  EXPECT_EQ(mails.front().mail.body.find("jeton="), std::string::npos);
}

TEST_F(AccountServiceTest, SignUpReportsEveryBadFieldAtOnce) {
  auto result = accounts_.SignUp("not-an-email", "", "short", "");
  ASSERT_THAT(result, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_EQ(result.error().fields.size(), 3u);
  EXPECT_THAT(accounts_.SignUp("a@b.fr", "Marie", "password123456", ""),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Mails().empty());
}

TEST_F(AccountServiceTest, LoginGivesOneAnswerForUnknownEmailAndWrongPassword) {
  SignUpAndConfirm("marie@example.mq");
  auto wrong = accounts_.Login("marie@example.mq", "not the password", "");
  auto unknown = accounts_.Login("nobody@example.mq", kPassword, "");
  ASSERT_THAT(wrong, HasErrorCode(ErrorCode::kUnauthenticated));
  ASSERT_THAT(unknown, HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_EQ(wrong.error().fields, unknown.error().fields);
  EXPECT_THAT(accounts_.Login("MARIE@example.mq", kPassword, ""), IsOk());
}

TEST_F(AccountServiceTest, LoginIsThrottledAfterTenFailures) {
  SignUpAndConfirm("marie@example.mq");
  for (int i = 0; i < 10; ++i) {
    EXPECT_THAT(accounts_.Login("marie@example.mq", "wrong password!", "5.5.5.5"),
                HasErrorCode(ErrorCode::kUnauthenticated));
  }
  auto blocked = accounts_.Login("marie@example.mq", kPassword, "6.6.6.6");
  ASSERT_THAT(blocked, HasErrorCode(ErrorCode::kResourceExhausted));
  EXPECT_EQ(blocked.error().fields.at("retry_after"), "900");
  clock_.Advance(15 * 60);
  EXPECT_THAT(accounts_.Login("marie@example.mq", kPassword, "6.6.6.6"), IsOk());
}

TEST_F(AccountServiceTest, EachLoginHasANewTokenAndLogoutEndsTheSession) {
  auto first = SignUpAndConfirm("marie@example.mq");
  auto second = accounts_.Login("marie@example.mq", kPassword, "");
  ASSERT_THAT(second, IsOk());
  EXPECT_NE(first.token, second->token);
  EXPECT_THAT(accounts_.Logout(second->token), IsOk());
  EXPECT_THAT(accounts_.Authenticate(second->token), HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.Authenticate(first.token), IsOk());
}

TEST_F(AccountServiceTest, StaffSessionsExpireAfterThirtyIdleMinutesAndTwelveHours) {
  ASSERT_THAT(accounts_.CreateUser({"conseil@opco.fr", "Léa", Role::kAdvisor, kPassword}), IsOk());
  auto session = accounts_.Login("conseil@opco.fr", kPassword, "");
  ASSERT_THAT(session, IsOk());
  clock_.Advance(29 * 60);
  ASSERT_THAT(accounts_.Authenticate(session->token), IsOk());  // activity renews the idle time
  clock_.Advance(29 * 60);
  ASSERT_THAT(accounts_.Authenticate(session->token), IsOk());
  clock_.Advance(30 * 60);
  EXPECT_THAT(accounts_.Authenticate(session->token), HasErrorCode(ErrorCode::kUnauthenticated));

  auto busy = accounts_.Login("conseil@opco.fr", kPassword, "");
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    clock_.Advance(15 * 60);
    ASSERT_THAT(accounts_.Authenticate(busy->token), IsOk()) << i;
  }
  clock_.Advance(15 * 60);  // twelve hours after login, however active
  EXPECT_THAT(accounts_.Authenticate(busy->token), HasErrorCode(ErrorCode::kUnauthenticated));
}

TEST_F(AccountServiceTest, YoungPeopleStayLoggedInForSevenIdleDays) {
  auto session = SignUpAndConfirm("marie@example.mq");
  clock_.Advance(6 * 24 * 3600);
  EXPECT_THAT(accounts_.Authenticate(session.token), IsOk());
  clock_.Advance(7 * 24 * 3600);
  EXPECT_THAT(accounts_.Authenticate(session.token), HasErrorCode(ErrorCode::kUnauthenticated));
}

TEST_F(AccountServiceTest, PasswordResetChangesThePasswordOnceAndEndsSessions) {
  auto session = SignUpAndConfirm("marie@example.mq");
  ASSERT_THAT(accounts_.RequestPasswordReset("marie@example.mq", ""), IsOk());
  std::string token = LinkToken("marie@example.mq");
  EXPECT_THAT(accounts_.ResetPassword(token, "short", ""),
              HasErrorCode(ErrorCode::kInvalidArgument));  // the link stays usable
  ASSERT_THAT(accounts_.ResetPassword(token, "une autre phrase secrète", ""), IsOk());
  EXPECT_THAT(accounts_.Authenticate(session.token), HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.Login("marie@example.mq", kPassword, ""),
              HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.Login("marie@example.mq", "une autre phrase secrète", ""), IsOk());
  EXPECT_THAT(accounts_.ResetPassword(token, "encore une autre phrase", ""),
              HasErrorCode(ErrorCode::kNotFound));
  EXPECT_NE(Mails().front().mail.subject.find("modifié"), std::string::npos);
}

TEST_F(AccountServiceTest, ResetLinksExpireAfterAnHourAndANewOneVoidsTheOld) {
  SignUpAndConfirm("marie@example.mq");
  ASSERT_THAT(accounts_.RequestPasswordReset("marie@example.mq", ""), IsOk());
  std::string old_token = LinkToken("marie@example.mq");
  ASSERT_THAT(accounts_.RequestPasswordReset("marie@example.mq", ""), IsOk());
  std::string new_token = LinkToken("marie@example.mq");
  EXPECT_THAT(accounts_.ResetPassword(old_token, "une autre phrase secrète", ""),
              HasErrorCode(ErrorCode::kNotFound));
  clock_.Advance(3600);
  EXPECT_THAT(accounts_.ResetPassword(new_token, "une autre phrase secrète", ""),
              HasErrorCode(ErrorCode::kNotFound));
}

TEST_F(AccountServiceTest, ResetForAnUnknownAddressAnswersTheSameAndSendsNothing) {
  EXPECT_THAT(accounts_.RequestPasswordReset("nobody@example.mq", ""), IsOk());
  EXPECT_TRUE(Mails().empty());
}

TEST_F(AccountServiceTest, EmailChangeNeedsThePasswordAndTheNewAddressConfirmed) {
  auto session = SignUpAndConfirm("marie@example.mq");
  EXPECT_THAT(accounts_.RequestEmailChange(session.actor, "wrong", "new@example.mq"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  ASSERT_THAT(accounts_.RequestEmailChange(session.actor, kPassword, "New@Example.mq"), IsOk());
  ASSERT_THAT(accounts_.ConfirmEmailChange(LinkToken("new@example.mq")), IsOk());
  EXPECT_THAT(accounts_.Login("new@example.mq", kPassword, ""), IsOk());
  EXPECT_EQ(Mails().front().mail.to, "marie@example.mq");  // the old address is told
}

TEST_F(AccountServiceTest, InvitedPeopleJoinTheOrganisationWithTheirRole) {
  auto org =
      accounts_.CreateOrganisation({0, OrganisationKind::kEmployer, "Boulangerie du Lamentin"});
  ASSERT_THAT(org, IsOk());
  auto boss = accounts_.CreateUser({"patron@boulangerie.mq", "Jean", Role::kEmployer, kPassword});
  ASSERT_THAT(accounts_.AddMember(*org, boss->id, MemberRole::kAdmin), IsOk());
  auto session = accounts_.Login("patron@boulangerie.mq", kPassword, "");
  ASSERT_THAT(session, IsOk());

  ASSERT_THAT(
      accounts_.InviteMember(session->actor, "vendeuse@boulangerie.mq", MemberRole::kMember),
      IsOk());
  std::string token = LinkToken("vendeuse@boulangerie.mq");
  auto invitation = accounts_.LookUpInvitation(token);
  ASSERT_THAT(invitation, IsOk());
  EXPECT_EQ(invitation->organisation.name, "Boulangerie du Lamentin");
  EXPECT_FALSE(invitation->has_account);
  auto joined = accounts_.AcceptInvitation(token, "Aline", kPassword, "");
  ASSERT_THAT(joined, IsOk());
  EXPECT_EQ(joined->actor.role, Role::kEmployer);
  ASSERT_TRUE(joined->actor.membership);
  EXPECT_EQ(joined->actor.membership->organisation_id, *org);
  EXPECT_THAT(accounts_.InviteMember(joined->actor, "x@y.fr", MemberRole::kMember),
              HasErrorCode(ErrorCode::kPermissionDenied));  // members do not invite
  EXPECT_EQ(accounts_.Members(session->actor)->size(), 2u);
}

TEST_F(AccountServiceTest, DisablingAnAccountEndsItsSessionsAndLogins) {
  auto session = SignUpAndConfirm("marie@example.mq");
  ASSERT_THAT(accounts_.DisableUser("marie@example.mq", 0), IsOk());
  EXPECT_THAT(accounts_.Authenticate(session.token), HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.Login("marie@example.mq", kPassword, ""),
              HasErrorCode(ErrorCode::kUnauthenticated));
  EXPECT_THAT(accounts_.DisableUser("nobody@example.mq", 0), HasErrorCode(ErrorCode::kNotFound));
}

}  // namespace
}  // namespace maplace::people
