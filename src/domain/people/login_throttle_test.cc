#include "domain/people/login_throttle.h"

#include <gtest/gtest.h>

namespace maplace::people {
namespace {

TEST(LoginThrottleTest, BlocksAnAccountAfterTenFailuresUntilTheWindowEnds) {
  LoginThrottle throttle;
  const UnixSeconds t0 = 1'800'000'000;
  for (int i = 0; i < 9; ++i) throttle.RecordFailure("a@b.fr", "10.0.0.1", t0 + i);
  EXPECT_FALSE(throttle.RetryAfter("a@b.fr", "10.0.0.2", t0 + 10));
  throttle.RecordFailure("a@b.fr", "10.0.0.1", t0 + 10);
  auto wait = throttle.RetryAfter("a@b.fr", "10.0.0.2", t0 + 11);  // from any address
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 15 * 60 - 11);
  EXPECT_FALSE(throttle.RetryAfter("other@b.fr", "10.0.0.2", t0 + 11));
  EXPECT_FALSE(throttle.RetryAfter("a@b.fr", "10.0.0.2", t0 + 15 * 60));
}

TEST(LoginThrottleTest, BlocksAnAddressThatSpraysManyAccounts) {
  LoginThrottle throttle;
  const UnixSeconds t0 = 1'800'000'000;
  for (int i = 0; i < 50; ++i)
    throttle.RecordFailure("user" + std::to_string(i) + "@b.fr", "10.0.0.9", t0);
  EXPECT_TRUE(throttle.RetryAfter("new@b.fr", "10.0.0.9", t0 + 1));
  EXPECT_FALSE(throttle.RetryAfter("new@b.fr", "10.0.0.8", t0 + 1));
}

TEST(LoginThrottleTest, SuccessClearsTheAccountCounter) {
  LoginThrottle throttle;
  for (int i = 0; i < 9; ++i) throttle.RecordFailure("a@b.fr", "x", 100);
  throttle.RecordSuccess("a@b.fr");
  throttle.RecordFailure("a@b.fr", "x", 101);
  EXPECT_FALSE(throttle.RetryAfter("a@b.fr", "y", 102));
}

}  // namespace
}  // namespace maplace::people
