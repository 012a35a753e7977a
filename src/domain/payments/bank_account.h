#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace maplace::payments {

// An IBAN (ISO 13616) that passed the checks of Iban::Parse: a known country of the SEPA
// scheme with its length, letters and digits only, and the mod-97 check digits.
class Iban {
 public:
  // Accepts the printed form ("FR76 3000 6000 0112 3456 7890 189"): spaces, tabs, dashes and
  // no-break spaces are dropped and letters upper-cased. On failure, kInvalidArgument with a
  // French message under fields["iban"]; the English message never quotes the input (bank
  // details stay out of the logs).
  static Result<Iban> Parse(std::string_view input);

  // "FR7630006000011234567890189": for the SEPA file and for sealing at rest.
  const std::string& electronic() const { return value_; }
  // "FR76 3000 6000 0112 3456 7890 189"
  std::string Printed() const;
  // "FR76 **** **** **** **** ***0 189": the country, the check digits and the last four
  // characters, for pages, mails and the accounting export.
  std::string Masked() const;
  std::string_view country() const { return std::string_view(value_).substr(0, 2); }

  friend bool operator==(const Iban&, const Iban&) = default;

 private:
  explicit Iban(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// The length of the IBANs of `country` ("FR" → 27), or 0 when it is not a country of the
// SEPA scheme. The French overseas departments and collectivities use FR IBANs but also have
// their own codes (GP, MQ, GF, RE, YT, PM, BL, MF), all 27 long.
int IbanLength(std::string_view country);

// ISO 7064 MOD 97-10 of an electronic IBAN (first four characters moved to the end, letters
// as 10 to 35): 1 for a valid IBAN. `iban` must hold only A-Z and 0-9.
int IbanMod97(std::string_view iban);

// A BIC (ISO 9362): 4 letters for the bank, 2 for the country, 2 letters or digits for the
// location (the second not O), optionally 3 for the branch: 8 or 11 characters.
class Bic {
 public:
  // Spaces and dashes dropped and letters upper-cased. kInvalidArgument with fields["bic"] in
  // French.
  static Result<Bic> Parse(std::string_view input);
  const std::string& value() const { return value_; }
  friend bool operator==(const Bic&, const Bic&) = default;

 private:
  explicit Bic(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// The name of an account holder, as typed (UTF-8, accents kept: pages and exports show it so),
// with its SEPA transliteration for the payment file.
struct HolderName {
  std::string display;  // "Mélissa N'Guyen-Lacroix", trimmed, inner spaces collapsed
  std::string sepa;     // "Melissa N'Guyen-Lacroix"
};

// 1 to 70 characters after transliteration (the SEPA limit for a creditor's name), at least
// one letter, and only characters that have a SEPA transliteration (Latin letters with or
// without accents, digits, spaces and / - ? : ( ) . , ' + & ’). Anything else is refused
// rather than silently changed: the holder checks the name the bank will see.
// kInvalidArgument with fields["holder"] in French.
Result<HolderName> ParseHolderName(std::string_view input);

// What the young person or the employer gives to be paid.
struct BankAccount {
  HolderName holder;
  Iban iban;
  std::optional<Bic> bic;  // optional: SEPA transfers route on the IBAN alone
};

// Checks the three fields together, so that a form shows every problem at once:
// kInvalidArgument with fields among "holder", "iban" and "bic". An empty `bic` is no BIC.
Result<BankAccount> ParseBankAccount(std::string_view holder, std::string_view iban,
                                     std::string_view bic);

}  // namespace maplace::payments
