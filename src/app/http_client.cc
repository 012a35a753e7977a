#include "app/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

#include "core/text.h"

namespace maplace::testing_http {
namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* out) {
  std::string_view line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    static_cast<std::vector<std::pair<std::string, std::string>>*>(out)->emplace_back(
        text::AsciiLower(line.substr(0, colon)), std::string(text::Trim(line.substr(colon + 1))));
  }
  return size * count;
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

std::vector<std::string> HttpResponse::Headers(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : headers) {
    if (key == name) out.push_back(value);
  }
  return out;
}

HttpResponse HttpClient::Get(const std::string& path, const std::vector<std::string>& headers) {
  return Send("GET", path, "", headers);
}

HttpResponse HttpClient::Head(const std::string& path) { return Send("HEAD", path, "", {}); }

HttpResponse HttpClient::PostForm(const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& fields,
                                  const std::vector<std::string>& headers) {
  std::string body;
  for (const auto& [key, value] : fields) {
    body += (body.empty() ? "" : "&") + text::UrlEncode(key) + "=" + text::UrlEncode(value);
  }
  auto all = headers;
  all.push_back("Content-Type: application/x-www-form-urlencoded");
  return Send("POST", path, body, all);
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& path,
                              const std::string& body, std::vector<std::string> headers) {
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  HttpResponse response;
  const std::string url = base_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  std::string cookie_header;
  for (const auto& [name, value] : cookies) {
    cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  }
  if (!cookie_header.empty()) headers.push_back("Cookie: " + cookie_header);
  headers.push_back("Expect:");
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK)
    throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));
  for (const auto& set : response.Headers("set-cookie")) {
    auto eq = set.find('=');
    auto semi = set.find(';');
    std::string name = set.substr(0, eq);
    std::string value =
        set.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (set.find("Max-Age=0") != std::string::npos) {
      cookies.erase(name);
    } else {
      cookies[name] = value;
    }
  }
  return response;
}

}  // namespace maplace::testing_http
