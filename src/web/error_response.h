#pragma once

#include <string_view>

#include "core/error.h"
#include "web/http.h"
#include "web/templates.h"

namespace maplace::web {

// The one place that knows HTTP statuses of errors.
int HttpStatusFor(ErrorCode code);
std::string_view ReasonPhrase(int status);

// {"error":{"code":"not_found","message":"…","fields":{…},"request_id":"…"}}
Response JsonError(int status, std::string_view code, std::string_view french_message,
                   const std::map<std::string, std::string>& fields, std::string_view request_id);
// A French page saying what went wrong, with the request id for support.
Response HtmlError(const Request& request, const Templates& templates, int status,
                   std::string_view french_message);
// JSON for /api/ paths, a page otherwise.
Response ErrorResponse(const Request& request, const Templates& templates, const Error& error);
Response ErrorResponse(const Request& request, const Templates& templates, int status);

}  // namespace maplace::web
