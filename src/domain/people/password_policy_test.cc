#include "domain/people/password_policy.h"

#include <gtest/gtest.h>

#include "core/embedded_files.h"
#include "core/error_matchers.h"

namespace maplace::people {
namespace {

PasswordPolicy RealPolicy() { return PasswordPolicy(embedded::CommonPasswords().at(0).bytes); }

TEST(PasswordPolicyTest, LengthBoundsAreTwelveAndOneHundredTwentyEight) {
  PasswordPolicy policy("");
  EXPECT_THAT(policy.Check("onze-lettre", ""), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(policy.Check("douze-lettre", ""), IsOk());
  EXPECT_THAT(policy.Check(std::string(64, 'x') + "y", ""), IsOk());
  EXPECT_THAT(policy.Check(std::string(128, 'x'), ""), IsOk());
  EXPECT_THAT(policy.Check(std::string(129, 'x'), ""), HasErrorCode(ErrorCode::kInvalidArgument));
}

TEST(PasswordPolicyTest, CountsCharactersNotBytesAndHasNoCompositionRules) {
  PasswordPolicy policy("");
  EXPECT_THAT(policy.Check("ééééééééééééé", ""), IsOk());  // 13 characters, 26 bytes
  EXPECT_THAT(policy.Check("éééééééééé", ""), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(policy.Check("correct horse battery staple", ""), IsOk());
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsWhateverTheCase) {
  PasswordPolicy policy = RealPolicy();
  EXPECT_GT(policy.common_count(), 10000u);
  auto refused = policy.Check("QWERTY123456", "");
  ASSERT_THAT(refused, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_NE(refused.error().fields.at("password").find("trop courant"), std::string::npos);
  EXPECT_THAT(policy.Check("1qaz2wsx3edc", ""), HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(policy.Check("manguier de Sainte-Anne", ""), IsOk());
}

TEST(PasswordPolicyTest, RefusesTheEmailAddressAndControlCharacters) {
  PasswordPolicy policy("");
  EXPECT_THAT(policy.Check("Marie@example.mq", "marie@example.mq"),
              HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(policy.Check("douze-lettre\x01", ""), HasErrorCode(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace maplace::people
