#include "domain/payments/sepa_text.h"

#include <gtest/gtest.h>

namespace maplace::payments {
namespace {

TEST(SepaTextTest, TransliteratesFrenchAndOtherLatinLetters) {
  EXPECT_EQ(ToSepaText("àâäçéèêëîïôöùûüÿ ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"), "aaaceeeeiioouuuy AAACEEEEIIOOUUUY");
  EXPECT_EQ(ToSepaText("Œuvre Æsop œil æ ß Łódź Øresund Ñandú"),
            "OEuvre AEsop oeil ae ss Lodz Oresund Nandu");
}

TEST(SepaTextTest, MapsTypographyToTheBasicSet) {
  EXPECT_EQ(ToSepaText("l’aide « embauche » – n° 42\u00a0:\u202f1…"),
            "l'aide ' embauche ' - no 42 : 1...");
  EXPECT_EQ(ToSepaText("Dupont & Fils \"SARL\" dossier_7"), "Dupont + Fils 'SARL' dossier-7");
  EXPECT_EQ(ToSepaText("  a \t  b  "), "a b");
  EXPECT_EQ(ToSepaText("500 €"), "500 EUR");
}

TEST(SepaTextTest, RefusesWhatHasNoTransliteration) {
  EXPECT_EQ(ToSepaText("a<b"), std::nullopt);
  EXPECT_EQ(ToSepaText("3 × 4"), std::nullopt);
  EXPECT_EQ(ToSepaText("Ελλάδα"), std::nullopt);
  EXPECT_EQ(ToSepaText("\xC3"), std::nullopt);  // truncated UTF-8
  EXPECT_EQ(ToSepaText("\xE2\x82"), std::nullopt);
  EXPECT_EQ(ToSepaText("\xC0\xAF"), std::nullopt);  // overlong '/'
}

TEST(SepaTextTest, LenientReplacesTheRestWithDots) {
  EXPECT_EQ(ToSepaTextLenient("Aide <b>&</b> #3 Ελ"), "Aide .b.+./b. .3 ..");
  EXPECT_EQ(ToSepaTextLenient("a\xC3"), "a.");
}

TEST(SepaTextTest, SepaCharacters) {
  for (char c : std::string_view("azAZ09/-?:().,'+ ")) EXPECT_TRUE(IsSepaCharacter(c)) << c;
  for (char c : std::string_view("&<>\"_;!@#*=\t")) EXPECT_FALSE(IsSepaCharacter(c)) << c;
}

}  // namespace
}  // namespace maplace::payments
