#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/error.h"

namespace maplace::people {

// What makes a password acceptable, after ASVS 2.1 and the CNIL's 2022 recommendation: 12 to 128
// characters, any characters, no composition rules, not a commonly used password, not the
// e-mail address. Thread-safe after construction.
class PasswordPolicy {
 public:
  static constexpr std::size_t kMinLength = 12;
  static constexpr std::size_t kMaxLength = 128;

  // `common_passwords`: one per line, compared case-insensitively.
  explicit PasswordPolicy(std::string_view common_passwords);
  // kInvalidArgument with fields["password"] in French when refused.
  Status Check(std::string_view password, std::string_view email) const;
  std::size_t common_count() const { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;
};

}  // namespace maplace::people
