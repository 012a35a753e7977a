#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace maplace::testing_http {

struct HttpResponse {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& name) const;  // first value, or ""
  std::vector<std::string> Headers(const std::string& name) const;
};

// A small HTTP/1.1 client on libcurl for the whole-server tests: keeps cookies like a browser
// (name=value only), never follows redirects.
class HttpClient {
 public:
  explicit HttpClient(std::string base_url) : base_(std::move(base_url)) {}
  HttpResponse Get(const std::string& path, const std::vector<std::string>& headers = {});
  HttpResponse Head(const std::string& path);
  HttpResponse PostForm(const std::string& path,
                        const std::vector<std::pair<std::string, std::string>>& fields,
                        const std::vector<std::string>& headers = {});
  HttpResponse Send(const std::string& method, const std::string& path, const std::string& body,
                    std::vector<std::string> headers);

  std::map<std::string, std::string> cookies;

 private:
  std::string base_;
};

}  // namespace maplace::testing_http
