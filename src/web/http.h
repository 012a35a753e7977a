#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/people/session.h"

namespace maplace::web {

struct UploadedFile {
  std::string field;
  std::string filename;      // as the browser sent it: never use it as a path
  std::string content_type;  // as the browser sent it: check the bytes instead
  std::string bytes;
};

// A request as the handlers see it, built by the server from the HTTP message.
struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::pair<std::string, std::string>> form;  // urlencoded or multipart fields
  std::vector<UploadedFile> files;
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> params;  // path parameters, ":id" -> "42"
  std::string body;
  std::string request_id;
  std::string client_address;
  std::optional<people::Actor> actor;  // set when a valid session cookie came with the request
  std::string session_token;           // the cookie's value, when valid

  // The token this request's forms must carry: derived from the session, or for visitors from
  // a random cookie created on first use (so pages without forms set no cookie).
  const std::string& CsrfToken() const;
  std::string csrf_key;                  // set by the server
  mutable std::string anon_csrf_cookie;  // the visitor's cookie value, if any
  mutable bool anon_csrf_cookie_created = false;
  mutable std::string csrf_token;

  // The first value of a query or form field, or "".
  std::string Query(std::string_view name) const;
  std::string Form(std::string_view name) const;
  std::string Header(std::string_view lower_case_name) const;
  std::string Param(std::string_view name) const;
  bool IsApi() const { return path.rfind("/api/", 0) == 0; }
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Out of line: inlined, GCC 12 at -O2 takes the moves for overflows (a false positive).
  Response& Header(std::string name, std::string value);
};

Response Redirect(std::string location, int status = 303);
Response Json(int status, std::string body);
Response Text(int status, std::string body);

// A Set-Cookie value. `secure` adds Secure and the __Host- prefix (TLS only).
struct CookieOptions {
  bool secure = false;
  bool http_only = true;
  long max_age = -1;  // seconds; -1: a session cookie, 0: delete
};
std::string CookieName(std::string_view base, bool secure);  // "maplace_session" / "__Host-…"
std::string SetCookie(std::string_view name, std::string_view value, const CookieOptions& options);
std::map<std::string, std::string> ParseCookies(std::string_view header);

}  // namespace maplace::web
