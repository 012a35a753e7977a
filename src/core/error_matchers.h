#pragma once

#include <gmock/gmock.h>

#include "core/error.h"

namespace maplace {

// EXPECT_THAT(result, IsOk());
MATCHER(IsOk, "is a success") {
  if (arg.has_value()) return true;
  *result_listener << "failed with " << ErrorCodeName(arg.error().code) << ": "
                   << arg.error().message;
  return false;
}

// EXPECT_THAT(result, HasErrorCode(ErrorCode::kNotFound));
MATCHER_P(HasErrorCode, code, "fails with " + std::string(ErrorCodeName(code))) {
  if (arg.has_value()) {
    *result_listener << "succeeded";
    return false;
  }
  *result_listener << "failed with " << ErrorCodeName(arg.error().code) << ": "
                   << arg.error().message;
  return arg.error().code == code;
}

}  // namespace maplace
