#include "core/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace maplace::crypto {
namespace {

TEST(CryptoTest, RandomTokensAre128BitsAndDistinct) {
  Initialise();
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string token = RandomToken(16);
    EXPECT_EQ(token.size(), 22u);  // 16 bytes in unpadded base64url
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(CryptoTest, Sha256MatchesTheKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CryptoTest, HmacDependsOnKeyAndData) {
  EXPECT_EQ(HmacSha256("k", "data"), HmacSha256("k", "data"));
  EXPECT_NE(HmacSha256("k", "data"), HmacSha256("k2", "data"));
  EXPECT_NE(HmacSha256("k", "data"), HmacSha256("k", "datb"));
}

TEST(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST(PasswordHasherTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(PasswordHasher::Minimum());
  auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse battery stapl"));  // no truncation
  EXPECT_FALSE(hasher.Verify(*hash, "Correct horse battery staple"));
  EXPECT_NE(*hasher.Hash("correct horse battery staple"), *hash);  // salted
}

TEST(PasswordHasherTest, AcceptsUnicodeAndSpaces) {
  PasswordHasher hasher(PasswordHasher::Minimum());
  auto hash = hasher.Hash("ééééééééééééé 🌴");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hasher.Verify(*hash, "ééééééééééééé 🌴"));
}

TEST(PasswordHasherTest, DummyHashMatchesNothingUsual) {
  PasswordHasher hasher(PasswordHasher::Minimum());
  EXPECT_FALSE(hasher.Verify(hasher.DummyHash(), ""));
  EXPECT_FALSE(hasher.Verify(hasher.DummyHash(), "password"));
  EXPECT_FALSE(hasher.Verify("not a hash", "password"));
}

}  // namespace
}  // namespace maplace::crypto
