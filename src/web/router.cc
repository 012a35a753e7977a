#include "web/router.h"

#include <fmt/format.h>

namespace maplace::web {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>& params) {
  auto want = Segments(pattern);
  auto have = Segments(path);
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "*") {
      std::string rest;
      for (std::size_t k = i; k < have.size(); ++k)
        rest += (k > i ? "/" : "") + std::string(have[k]);
      if (rest.empty()) return false;
      params["*"] = rest;
      return true;
    }
    if (i >= have.size()) return false;
    if (want[i].front() == ':') {
      params[std::string(want[i].substr(1))] = std::string(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  return want.size() == have.size();
}

}  // namespace

Access Access::Public() {
  Access a;
  a.kind_ = Kind::kPublic;
  return a;
}

Access Access::SignedIn() {
  Access a;
  a.kind_ = Kind::kSignedIn;
  return a;
}

Access Access::Roles(std::set<people::Role> roles) {
  Access a;
  a.kind_ = Kind::kRoles;
  a.roles_ = std::move(roles);
  return a;
}

Access Access::Staff() {
  return Roles({people::Role::kAdvisor, people::Role::kManager, people::Role::kFinance,
                people::Role::kAdmin});
}

bool Access::Allows(const std::optional<people::Actor>& actor) const {
  switch (kind_) {
    case Kind::kUndeclared:
      return false;
    case Kind::kPublic:
      return true;
    case Kind::kSignedIn:
      return actor.has_value();
    case Kind::kRoles:
      return actor.has_value() && roles_.count(actor->role) > 0;
  }
  return false;
}

std::string Access::Describe() const {
  switch (kind_) {
    case Kind::kUndeclared:
      return "undeclared";
    case Kind::kPublic:
      return "public";
    case Kind::kSignedIn:
      return "signed in";
    case Kind::kRoles: {
      std::string out = "roles:";
      for (auto role : roles_) out += fmt::format(" {}", people::RoleCode(role));
      return out;
    }
  }
  return "";
}

void Router::Get(std::string pattern, Access access, Handler handler) {
  Add(Route{"GET", std::move(pattern), std::move(access), BodyKind::kNone, std::move(handler)});
}

void Router::Post(std::string pattern, Access access, Handler handler, BodyKind body) {
  Add(Route{"POST", std::move(pattern), std::move(access), body, std::move(handler)});
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

Status Router::Validate() const {
  std::string problems;
  for (const auto& route : routes_) {
    if (!route.access.declared())
      problems += fmt::format("\n  {} {} declares no access", route.method, route.pattern);
    if (!route.handler)
      problems += fmt::format("\n  {} {} has no handler", route.method, route.pattern);
  }
  if (!problems.empty()) return Fail(ErrorCode::kFailedPrecondition, "bad routes:" + problems);
  return Ok();
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  // HEAD is answered as GET, without the body.
  const std::string_view wanted = method == "HEAD" ? "GET" : method;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(route.pattern, path, params)) continue;
    if (route.method == wanted) {
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
    result.allowed_methods.push_back(route.method);
  }
  return result;
}

}  // namespace maplace::web
