#include "domain/people/session.h"

namespace maplace::people {

std::string_view TokenPurposeCode(TokenPurpose purpose) {
  switch (purpose) {
    case TokenPurpose::kEmailVerification:
      return "email_verification";
    case TokenPurpose::kPasswordReset:
      return "password_reset";
    case TokenPurpose::kEmailChange:
      return "email_change";
    case TokenPurpose::kInvitation:
      return "invitation";
  }
  return "";
}

}  // namespace maplace::people
