#include "domain/payments/bank_account.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error_matchers.h"

namespace maplace::payments {
namespace {

using ::testing::ElementsAre;
using ::testing::Key;
using ::testing::Pair;

constexpr std::string_view kValid = "FR7630006000011234567890189";
constexpr std::string_view kCheckDigitsMessage =
    "L'IBAN est incorrect : vérifiez les caractères (clé de contrôle).";

std::string IbanProblem(std::string_view input) {
  auto iban = Iban::Parse(input);
  if (iban) return "";
  EXPECT_EQ(iban.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(iban.error().message.find(input), std::string::npos) << "the input stays out of logs";
  return iban.error().fields.at("iban");
}

TEST(IbanTest, Mod97OfAKnownFrenchIbanIsOne) {
  // 3000 6000 0112 3456 7890 189 then F=15 R=27 7 6: 30006000011234567890189152776 ≡ 1 (mod 97).
  EXPECT_EQ(IbanMod97(kValid), 1);
  // With check digits 00 the remainder is 22, and 98 − 22 = 76: the check digits above.
  EXPECT_EQ(IbanMod97("FR0030006000011234567890189"), 22);
}

TEST(IbanTest, ParsesThePrintedFormAndKeepsTheElectronicOne) {
  auto iban = Iban::Parse(" fr76 3000 6000 0112 3456 7890 189 ");
  ASSERT_THAT(iban, IsOk());
  EXPECT_EQ(iban->electronic(), kValid);
  EXPECT_EQ(iban->country(), "FR");
  EXPECT_EQ(iban->Printed(), "FR76 3000 6000 0112 3456 7890 189");
  EXPECT_EQ(Iban::Parse("FR76\u00a03000\u00a06000-0112-3456\t7890 189")->electronic(), kValid);
}

TEST(IbanTest, MaskedKeepsCountryCheckDigitsAndLastFour) {
  EXPECT_EQ(Iban::Parse(kValid)->Masked(), "FR76 **** **** **** **** ***0 189");
  EXPECT_EQ(Iban::Parse("BE68539007547034")->Masked(), "BE68 **** **** 7034");
}

TEST(IbanTest, OneChangedCharacterIsRefusedByTheCheckDigits) {
  EXPECT_EQ(IbanProblem("FR7630006000011234567890188"), kCheckDigitsMessage);  // last 9 → 8
  EXPECT_EQ(IbanProblem("FR7630006000011234567809189"), kCheckDigitsMessage);  // 90 → 09
  EXPECT_EQ(IbanProblem("FR7730006000011234567890189"), kCheckDigitsMessage);
  EXPECT_EQ(IbanProblem("FRAB30006000011234567890189"), kCheckDigitsMessage);
}

TEST(IbanTest, AcceptsSepaCountriesWithTheirLengths) {
  EXPECT_THAT(Iban::Parse("DE89 3704 0044 0532 0130 00"), IsOk());        // 22
  EXPECT_THAT(Iban::Parse("BE68 5390 0754 7034"), IsOk());                // 16
  EXPECT_THAT(Iban::Parse("FR14 2004 1010 0505 0001 3M02 606"), IsOk());  // a letter in the BBAN
  // Martinique's own code, with check digits recomputed for MQ: 98 − mod97(…MQ00) = 16.
  EXPECT_THAT(Iban::Parse("MQ16 3000 6000 0112 3456 7890 189"), IsOk());
  EXPECT_EQ(IbanLength("FR"), 27);
  EXPECT_EQ(IbanLength("MQ"), 27);
  EXPECT_EQ(IbanLength("GP"), 27);
  EXPECT_EQ(IbanLength("GF"), 27);
  EXPECT_EQ(IbanLength("RE"), 27);
  EXPECT_EQ(IbanLength("YT"), 27);
  EXPECT_EQ(IbanLength("PM"), 27);
  EXPECT_EQ(IbanLength("NO"), 15);
  EXPECT_EQ(IbanLength("MT"), 31);
  EXPECT_EQ(IbanLength("US"), 0);
}

TEST(IbanTest, ExplainsEachProblemInFrench) {
  EXPECT_EQ(IbanProblem("  "), "Saisissez l'IBAN.");
  EXPECT_EQ(IbanProblem("FR76 3000 6000 0112 3456 7890 18é"),
            "L'IBAN ne contient que des lettres et des chiffres.");
  EXPECT_EQ(IbanProblem("US64 SVBK US6S 3300 9673 8637"),
            "L'IBAN doit commencer par le code d'un pays de la zone SEPA "
            "(FR pour la France et la Martinique).");
  EXPECT_EQ(IbanProblem("7630006000011234567890189"),
            "L'IBAN doit commencer par le code d'un pays de la zone SEPA "
            "(FR pour la France et la Martinique).");
  EXPECT_EQ(IbanProblem("FR76 3000 6000 0112 3456 7890 18"),
            "Un IBAN commençant par FR compte 27 caractères ; celui-ci en compte 26.");
}

TEST(BicTest, AcceptsEightOrElevenCharacters) {
  EXPECT_EQ(Bic::Parse("bnpa fr pp")->value(), "BNPAFRPP");
  EXPECT_EQ(Bic::Parse("AGRIMQMXXXX")->value(), "AGRIMQMXXXX");
  EXPECT_EQ(Bic::Parse("DEUTDEFF500")->value(), "DEUTDEFF500");
}

TEST(BicTest, RefusesWrongLengthsAndPatterns) {
  for (std::string_view bad : {"BNPAFRP", "BNPAFRPPXX", ""})
    EXPECT_EQ(Bic::Parse(bad).error().fields.at("bic"),
              "Le BIC compte 8 ou 11 caractères, par exemple BNPAFRPP ou BNPAFRPPXXX.")
        << bad;
  // A digit in the bank or country code, 0 or 1 as the first location character, O as the
  // second: the ISO 9362 pattern of the schema refuses them.
  for (std::string_view bad : {"BNP1FRPP", "BNPAF1PP", "BNPAFR1P", "BNPAFRPO", "BNPAFRPPX!Y"})
    EXPECT_EQ(Bic::Parse(bad).error().fields.at("bic"),
              "Le BIC est incorrect : 4 lettres pour la banque, 2 pour le pays, puis 2 ou 5 "
              "lettres ou chiffres.")
        << bad;
}

TEST(HolderNameTest, KeepsAccentsForDisplayAndTransliteratesForSepa) {
  auto name = ParseHolderName("  Mélissa   Œuvray-N’Guyen ");
  ASSERT_THAT(name, IsOk());
  EXPECT_EQ(name->display, "Mélissa Œuvray-N’Guyen");
  EXPECT_EQ(name->sepa, "Melissa OEuvray-N'Guyen");
  EXPECT_EQ(ParseHolderName("SARL Café & Fils")->sepa, "SARL Cafe + Fils");
}

TEST(HolderNameTest, RefusesWhatABankCouldNotPrint) {
  const auto problem = [](std::string_view input) {
    auto name = ParseHolderName(input);
    return name ? std::string() : name.error().fields.at("holder");
  };
  EXPECT_EQ(problem(" "), "Saisissez le nom du titulaire du compte.");
  const std::string characters =
      "Le nom du titulaire contient des caractères refusés par les virements SEPA : utilisez "
      "des lettres, des chiffres, des espaces et - ' . , / ( ) + ? :";
  EXPECT_EQ(problem("李小龍"), characters);
  EXPECT_EQ(problem("Jean <b>Dupont</b>"), characters);
  EXPECT_EQ(problem("Jean 😀"), characters);
  EXPECT_EQ(problem("Jean\nDupont"),
            "Le nom du titulaire contient des caractères invisibles : saisissez-le à nouveau.");
  EXPECT_EQ(problem("12 34"), "Le nom du titulaire doit contenir des lettres.");
  EXPECT_EQ(problem(std::string(70, 'a')), "");
  EXPECT_EQ(problem(std::string(71, 'a')),
            "Le nom du titulaire ne doit pas dépasser 70 caractères.");
  // œ becomes two characters: the limit is the bank's, after transliteration.
  EXPECT_EQ(problem(std::string(68, 'a') + "œ"), "");
  EXPECT_EQ(problem(std::string(69, 'a') + "œ"),
            "Le nom du titulaire ne doit pas dépasser 70 caractères.");
}

TEST(BankAccountTest, ReportsEveryFaultyFieldAtOnce) {
  auto account = ParseBankAccount("", "FR7630006000011234567890188", "BNPAFR");
  ASSERT_THAT(account, HasErrorCode(ErrorCode::kInvalidArgument));
  EXPECT_THAT(account.error().fields, ElementsAre(Key("bic"), Key("holder"), Key("iban")));
  EXPECT_THAT(account.error().fields, testing::Contains(Pair("iban", kCheckDigitsMessage)));
}

TEST(BankAccountTest, TheBicIsOptional) {
  auto account = ParseBankAccount("Léa Jean-Baptiste", "FR76 3000 6000 0112 3456 7890 189", " ");
  ASSERT_THAT(account, IsOk());
  EXPECT_EQ(account->holder.display, "Léa Jean-Baptiste");
  EXPECT_EQ(account->iban.electronic(), kValid);
  EXPECT_FALSE(account->bic.has_value());
  EXPECT_EQ(ParseBankAccount("Léa", kValid, "agrimqmx")->bic->value(), "AGRIMQMX");
}

}  // namespace
}  // namespace maplace::payments
