#include "web/http.h"

#include <fmt/format.h>

#include "core/crypto.h"
#include "core/text.h"

namespace maplace::web {
namespace {
std::string First(const std::vector<std::pair<std::string, std::string>>& pairs,
                  std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return value;
  }
  return "";
}
}  // namespace

const std::string& Request::CsrfToken() const {
  if (!csrf_token.empty()) return csrf_token;
  if (!session_token.empty()) {
    csrf_token = crypto::HmacSha256(csrf_key, "session:" + session_token);
  } else {
    if (anon_csrf_cookie.empty()) {
      anon_csrf_cookie = crypto::RandomToken(16);
      anon_csrf_cookie_created = true;
    }
    csrf_token = crypto::HmacSha256(csrf_key, "visitor:" + anon_csrf_cookie);
  }
  return csrf_token;
}

std::string Request::Query(std::string_view name) const { return First(query, name); }
std::string Request::Form(std::string_view name) const { return First(form, name); }

std::string Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? "" : it->second;
}

std::string Request::Param(std::string_view name) const {
  auto it = params.find(std::string(name));
  return it == params.end() ? "" : it->second;
}

Response& Response::Header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

Response Redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.content_type.clear();
  r.Header("Location", std::move(location));
  return r;
}

Response Json(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

std::string CookieName(std::string_view base, bool secure) {
  return secure ? fmt::format("__Host-{}", base) : std::string(base);
}

std::string SetCookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string cookie = fmt::format("{}={}; Path=/; SameSite=Lax", name, value);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  if (options.max_age >= 0) cookie += fmt::format("; Max-Age={}", options.max_age);
  return cookie;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> cookies;
  while (!header.empty()) {
    auto semi = header.find(';');
    auto pair = text::Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    // The first occurrence wins, as browsers send the most specific cookie first.
    cookies.emplace(std::string(text::Trim(pair.substr(0, eq))),
                    std::string(text::Trim(pair.substr(eq + 1))));
  }
  return cookies;
}

}  // namespace maplace::web
