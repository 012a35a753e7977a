#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace maplace {

// A subset of Abseil's canonical codes. Only web/error_response.cc maps them to HTTP.
enum class ErrorCode {
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);  // "invalid_argument", ...

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;                        // English, readable by an administrator
  std::map<std::string, std::string> fields;  // form field -> problem, in French for the user
};

// Expected failures travel as values; bugs throw.
template <typename T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return tl::unexpected(Error{code, std::move(message), {}});
}
inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected(std::move(error)); }

// An invalid-argument error naming the form fields at fault (values are French messages).
inline tl::unexpected<Error> FailFields(std::string message,
                                        std::map<std::string, std::string> fields) {
  return tl::unexpected(Error{ErrorCode::kInvalidArgument, std::move(message), std::move(fields)});
}

inline Status Ok() { return {}; }

}  // namespace maplace
