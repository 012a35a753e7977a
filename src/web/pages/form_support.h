#pragma once

#include <string>

#include "domain/people/account_service.h"
#include "web/http.h"
#include "web/routes.h"

namespace maplace::web {

// A local path to go back to after a login, or `fallback`: never another site.
std::string SafeReturnPath(const std::string& path, const std::string& fallback);

// Adds the session cookie of a new login to `response`. Staff get a browser-session cookie;
// others keep theirs until the session's absolute limit.
Response WithSession(Response response, const people::NewSession& session, const Site& site);

// The notice for an ?info= code after a redirect, or "".
std::string InfoText(const std::string& code);

}  // namespace maplace::web
