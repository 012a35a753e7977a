#include "domain/people/siret.h"

#include <gtest/gtest.h>

namespace maplace::people {
namespace {

TEST(SiretTest, LuhnDecides) {
  EXPECT_TRUE(HasValidSiretCheckDigit("12345678900015"));
  EXPECT_FALSE(HasValidSiretCheckDigit("12345678900016"));
  EXPECT_FALSE(HasValidSiretCheckDigit("1234567890001"));
  EXPECT_FALSE(HasValidSiretCheckDigit("1234567890001A"));
}

TEST(SiretTest, LaPosteEstablishmentsAddUpToAMultipleOfFive) {
  EXPECT_TRUE(HasValidSiretCheckDigit("35600000000048"));  // head office: Luhn
  EXPECT_TRUE(HasValidSiretCheckDigit("35600000010000"));  // fails Luhn, digits sum to 25
  EXPECT_FALSE(HasValidSiretCheckDigit("35600000010001"));
  // The exception belongs to La Poste only.
  EXPECT_FALSE(HasValidSiretCheckDigit("45600000010000"));
}

TEST(SiretTest, TypedSpacesAreRemovedAndProblemsSaidInFrench) {
  EXPECT_EQ(NormalizeSiret("123 456 789 00015"), "12345678900015");
  EXPECT_EQ(SiretProblem("12345678900015"), "");
  EXPECT_NE(SiretProblem("").find("14 chiffres"), std::string::npos);
  EXPECT_NE(SiretProblem("123").find("exactement 14 chiffres"), std::string::npos);
  EXPECT_NE(SiretProblem("12345678900016").find("n'existe pas"), std::string::npos);
}

}  // namespace
}  // namespace maplace::people
