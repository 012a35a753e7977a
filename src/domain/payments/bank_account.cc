#include "domain/payments/bank_account.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.h"
#include "domain/payments/sepa_text.h"

namespace maplace::payments {
namespace {

struct CountryLength {
  std::string_view country;
  int length;
};

// The countries and territories of the SEPA schemes (EPC409-09, "EPC list of SEPA scheme
// countries"), with their IBAN lengths from the SWIFT IBAN registry. Jersey, Guernsey and the
// Isle of Man use GB IBANs; the French overseas territories also use FR ones.
constexpr std::array<CountryLength, 50> kCountries = {{
    {"AD", 24}, {"AL", 28}, {"AT", 20}, {"AX", 18}, {"BE", 16}, {"BG", 22}, {"BL", 27}, {"CH", 21},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27},
    {"GB", 22}, {"GF", 27}, {"GI", 23}, {"GP", 27}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24},
    {"ME", 22}, {"MF", 27}, {"MK", 19}, {"MQ", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28},
    {"PM", 27}, {"PT", 25}, {"RE", 27}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"VA", 22}, {"YT", 27},
}};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Drops spaces (ASCII, tab, no-break and narrow no-break) and upper-cases ASCII letters.
std::string Compact(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c == ' ' || c == '\t' || c == '-') continue;
    if (input.substr(i, 2) == "\u00a0") {
      ++i;
      continue;
    }
    if (input.substr(i, 3) == "\u202f") {
      i += 2;
      continue;
    }
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

std::string GroupsOfFour(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(s[i]);
  }
  return out;
}

tl::unexpected<Error> IbanError(std::string english, std::string french) {
  return FailFields(std::move(english), {{"iban", std::move(french)}});
}

}  // namespace

int IbanLength(std::string_view country) {
  for (const auto& [code, length] : kCountries)
    if (code == country) return length;
  return 0;
}

int IbanMod97(std::string_view iban) {
  // Digit by digit on the rearranged string: the number has up to 68 digits, far beyond 64
  // bits, but the remainder of each prefix fits.
  int remainder = 0;
  auto feed = [&remainder](char c) {
    const int value = IsDigit(c) ? c - '0' : c - 'A' + 10;
    remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value;
    remainder %= 97;
  };
  for (char c : iban.substr(std::min<std::size_t>(4, iban.size()))) feed(c);
  for (char c : iban.substr(0, 4)) feed(c);
  return remainder;
}

Result<Iban> Iban::Parse(std::string_view input) {
  std::string iban = Compact(input);
  if (iban.empty()) return IbanError("missing IBAN", "Saisissez l'IBAN.");
  if (!std::all_of(iban.begin(), iban.end(), [](char c) { return IsUpper(c) || IsDigit(c); }))
    return IbanError("IBAN with characters other than letters and digits",
                     "L'IBAN ne contient que des lettres et des chiffres.");
  const int length = iban.size() >= 2 ? IbanLength(iban.substr(0, 2)) : 0;
  if (length == 0)
    return IbanError("IBAN of a country outside SEPA",
                     "L'IBAN doit commencer par le code d'un pays de la zone SEPA "
                     "(FR pour la France et la Martinique).");
  if (iban.size() != static_cast<std::size_t>(length))
    return IbanError(fmt::format("IBAN of {} characters instead of {}", iban.size(), length),
                     fmt::format("Un IBAN commençant par {} compte {} caractères ; celui-ci en "
                                 "compte {}.",
                                 iban.substr(0, 2), length, iban.size()));
  if (!IsDigit(iban[2]) || !IsDigit(iban[3]) || IbanMod97(iban) != 1)
    return IbanError("IBAN with wrong check digits",
                     "L'IBAN est incorrect : vérifiez les caractères (clé de contrôle).");
  return Iban(std::move(iban));
}

std::string Iban::Printed() const { return GroupsOfFour(value_); }

std::string Iban::Masked() const {
  std::string masked = value_;
  std::fill(masked.begin() + 4, masked.end() - 4, '*');
  return GroupsOfFour(masked);
}

Result<Bic> Bic::Parse(std::string_view input) {
  std::string bic = Compact(input);
  const auto is_alnum = [](char c) { return IsUpper(c) || IsDigit(c); };
  if (bic.size() != 8 && bic.size() != 11)
    return FailFields("BIC of the wrong length",
                      {{"bic",
                        "Le BIC compte 8 ou 11 caractères, par exemple BNPAFRPP ou "
                        "BNPAFRPPXXX."}});
  // ISO 9362: [A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?, the pattern of the pain.001 schema.
  const bool valid = std::all_of(bic.begin(), bic.begin() + 6, IsUpper) &&
                     (IsUpper(bic[6]) || (bic[6] >= '2' && bic[6] <= '9')) && is_alnum(bic[7]) &&
                     bic[7] != 'O' && std::all_of(bic.begin() + 8, bic.end(), is_alnum);
  if (!valid)
    return FailFields("malformed BIC",
                      {{"bic",
                        "Le BIC est incorrect : 4 lettres pour la banque, 2 pour le pays, "
                        "puis 2 ou 5 lettres ou chiffres."}});
  return Bic(std::move(bic));
}

Result<HolderName> ParseHolderName(std::string_view input) {
  const auto fail = [](std::string english, std::string french) {
    return FailFields(std::move(english), {{"holder", std::move(french)}});
  };
  if (!text::IsCleanUtf8(input, /*allow_newlines=*/false))
    return fail("holder name with control characters",
                "Le nom du titulaire contient des caractères invisibles : saisissez-le à "
                "nouveau.");
  // Collapse inner spaces for display as the SEPA form does.
  std::string display;
  for (char c : text::Trim(input)) {
    const bool space = c == ' ' || c == '\t';
    if (space && (display.empty() || display.back() == ' ')) continue;
    display.push_back(space ? ' ' : c);
  }
  if (display.empty())
    return fail("missing holder name", "Saisissez le nom du titulaire du compte.");
  auto sepa = ToSepaText(display);
  if (!sepa)
    return fail("holder name with characters outside SEPA",
                "Le nom du titulaire contient des caractères refusés par les virements SEPA : "
                "utilisez des lettres, des chiffres, des espaces et - ' . , / ( ) + ? :");
  if (sepa->size() > 70)
    return fail("holder name longer than 70 characters",
                "Le nom du titulaire ne doit pas dépasser 70 caractères.");
  if (!std::any_of(sepa->begin(), sepa->end(),
                   [](char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }))
    return fail("holder name without letters", "Le nom du titulaire doit contenir des lettres.");
  return HolderName{std::move(display), std::move(*sepa)};
}

Result<BankAccount> ParseBankAccount(std::string_view holder, std::string_view iban,
                                     std::string_view bic) {
  auto name = ParseHolderName(holder);
  auto account = Iban::Parse(iban);
  std::optional<Result<Bic>> code;
  if (!Compact(bic).empty()) code = Bic::Parse(bic);
  std::map<std::string, std::string> fields;
  for (const Error* error : {name ? nullptr : &name.error(), account ? nullptr : &account.error(),
                             code && !*code ? &code->error() : nullptr})
    if (error != nullptr) fields.insert(error->fields.begin(), error->fields.end());
  if (!fields.empty()) return FailFields("invalid bank details", std::move(fields));
  return BankAccount{std::move(*name), std::move(*account),
                     code ? std::optional<Bic>(std::move(**code)) : std::nullopt};
}

}  // namespace maplace::payments
