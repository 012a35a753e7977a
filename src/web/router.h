#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/people/role.h"
#include "web/http.h"

namespace maplace::web {

// Who may use a route. Every route declares it; an undeclared one (a default-constructed
// Access) stops the server at start-up.
class Access {
 public:
  Access() = default;  // undeclared
  static Access Public();
  static Access SignedIn();  // any role
  static Access Roles(std::set<people::Role> roles);
  static Access Staff();

  bool declared() const { return kind_ != Kind::kUndeclared; }
  bool is_public() const { return kind_ == Kind::kPublic; }
  bool Allows(const std::optional<people::Actor>& actor) const;
  std::string Describe() const;  // "public", "signed in", "roles: advisor, admin"

 private:
  enum class Kind { kUndeclared, kPublic, kSignedIn, kRoles };
  Kind kind_ = Kind::kUndeclared;
  std::set<people::Role> roles_;
};

// What a route accepts as a body.
enum class BodyKind { kNone, kForm, kMultipart, kJson };

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/admin/courriels/:id"; a trailing "/*" matches any rest of the path
  Access access;
  BodyKind body = BodyKind::kNone;
  Handler handler;
  // False only for public routes that change nothing (a computation on a JSON body): they
  // need no CSRF token, so partners can call them without a cookie. The origin is still
  // checked, and a cross-site JSON body cannot be sent without a CORS preflight we refuse.
  bool csrf = true;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path matched with other methods only
};

// The route table. Not thread-safe while adding; immutable once the server runs.
class Router {
 public:
  void Get(std::string pattern, Access access, Handler handler);
  void Post(std::string pattern, Access access, Handler handler, BodyKind body = BodyKind::kForm);
  void Add(Route route);

  // kFailedPrecondition naming every route without an access declaration or a handler.
  Status Validate() const;
  RouteMatch Match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace maplace::web
