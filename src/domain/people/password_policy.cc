#include "domain/people/password_policy.h"

#include "core/text.h"

namespace maplace::people {

PasswordPolicy::PasswordPolicy(std::string_view common_passwords) {
  while (!common_passwords.empty()) {
    auto nl = common_passwords.find('\n');
    auto line = text::Trim(common_passwords.substr(0, nl));
    if (!line.empty()) common_.insert(text::AsciiLower(line));
    if (nl == std::string_view::npos) break;
    common_passwords.remove_prefix(nl + 1);
  }
}

Status PasswordPolicy::Check(std::string_view password, std::string_view email) const {
  auto refuse = [](std::string message) {
    return FailFields("password refused by the policy", {{"password", std::move(message)}});
  };
  if (!text::IsCleanUtf8(password, false))
    return refuse("Le mot de passe contient des caractères non autorisés.");
  std::size_t length = text::CodePointCount(password);
  if (length < kMinLength) return refuse("Le mot de passe doit contenir au moins 12 caractères.");
  if (length > kMaxLength) return refuse("Le mot de passe doit contenir au plus 128 caractères.");
  std::string lower = text::AsciiLower(password);
  if (common_.count(lower) > 0)
    return refuse(
        "Ce mot de passe est trop courant : choisissez-en un autre, par exemple une "
        "phrase de quelques mots.");
  if (!email.empty() && lower == text::AsciiLower(email))
    return refuse("Le mot de passe ne doit pas être votre adresse e-mail.");
  return Ok();
}

}  // namespace maplace::people
