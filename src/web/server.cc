#include "web/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <restinio/all.hpp>
#include <restinio/helpers/file_upload.hpp>
#include <restinio/helpers/multipart_body.hpp>
#include <thread>

#include "core/crypto.h"
#include "core/text.h"
#include "web/error_response.h"

namespace maplace::web {
namespace {

using Clock = std::chrono::steady_clock;

// Images may also come from the map's tile server: its origin ("https://tile.example.org").
std::string ContentSecurityPolicy(const std::string& map_tiles) {
  std::string tiles;
  if (const auto scheme = map_tiles.find("://"); scheme != std::string::npos)
    tiles = " " + map_tiles.substr(0, map_tiles.find('/', scheme + 3));
  return fmt::format(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{}; "
      "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'",
      tiles);
}

std::string PathDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string MediaType(const std::string& content_type) {
  return text::AsciiLower(
      text::Trim(std::string_view(content_type).substr(0, content_type.find(';'))));
}

// The request as handlers see it, from RESTinio's.
Request FromRestinio(const restinio::request_t& raw) {
  Request request;
  request.method = raw.header().method().c_str();
  request.path = PathDecode(raw.header().path());
  request.query = text::ParseUrlEncoded(raw.header().query());
  raw.header().for_each_field([&](const restinio::http_header_field_t& field) {
    request.headers[text::AsciiLower(field.name())] = field.value();
  });
  request.body = raw.body();
  request.client_address = raw.remote_endpoint().address().to_string();
  return request;
}

// Splits a multipart/form-data body into fields and files. False when it is malformed.
bool ParseMultipart(const restinio::request_t& raw, Request& request) {
  using namespace restinio::multipart_body;
  bool ok = true;
  auto result = enumerate_parts(
      raw,
      [&](parsed_part_t part) {
        const auto disposition =
            part.fields.opt_value_of(restinio::http_field::content_disposition);
        if (!disposition) {
          ok = false;
          return handling_result_t::terminate_enumeration;
        }
        using restinio::http_field_parsers::content_disposition_value_t;
        const auto parsed = content_disposition_value_t::try_parse(*disposition);
        if (!parsed || parsed->value != "form-data") {
          ok = false;
          return handling_result_t::terminate_enumeration;
        }
        const auto name = restinio::http_field_parsers::find_first(parsed->parameters, "name");
        const bool is_file =
            restinio::http_field_parsers::find_first(parsed->parameters, "filename") ||
            restinio::http_field_parsers::find_first(parsed->parameters, "filename*");
        if (!name) {
          ok = false;
          return handling_result_t::terminate_enumeration;
        }
        if (!is_file) {
          request.form.emplace_back(std::string(*name), std::string(part.body));
          return handling_result_t::continue_enumeration;
        }
        auto described = restinio::file_upload::analyze_part(std::move(part));
        if (!described) {
          ok = false;
          return handling_result_t::terminate_enumeration;
        }
        {
          UploadedFile file;
          file.field = described->name;
          file.filename = described->filename ? *described->filename : *described->filename_star;
          file.content_type =
              std::string(described->fields.get_field_or(restinio::http_field::content_type, ""));
          file.bytes = std::string(described->body);
          request.files.push_back(std::move(file));
        }
        return handling_result_t::continue_enumeration;
      },
      "multipart", "form-data");
  return ok && result.has_value();
}

}  // namespace

struct Server::Impl {
  using Traits = restinio::default_traits_t;
  std::unique_ptr<restinio::http_server_t<Traits>> http;
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::condition_variable idle;
};

Server::Server(ServerContext context, const Router& router)
    : context_(std::move(context)),
      content_security_policy_(ContentSecurityPolicy(context_.config.map_tiles)),
      router_(router),
      impl_(std::make_unique<Impl>()) {}

Server::~Server() { Stop(); }

std::string Server::public_url() const {
  WebConfig web = context_.config;
  web.port = port_.load();
  return PublicUrl(web);
}

Status Server::Start() {
  if (auto valid = router_.Validate(); !valid) return valid;
  const auto& config = context_.config;
  restinio::server_settings_t<Impl::Traits> settings;
  settings.address(config.bind)
      .port(static_cast<std::uint16_t>(config.port))
      .read_next_http_message_timelimit(std::chrono::seconds(config.request_timeout_seconds))
      .write_http_response_timelimit(std::chrono::seconds(config.request_timeout_seconds))
      .handle_request_timeout(std::chrono::seconds(config.request_timeout_seconds))
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(8 * 1024)
                                    .max_field_name_size(256)
                                    .max_field_value_size(8 * 1024)
                                    .max_field_count(100)
                                    .max_body_size(config.max_body_bytes))
      .acceptor_post_bind_hook(
          [this](asio::ip::tcp::acceptor& acceptor) { port_ = acceptor.local_endpoint().port(); })
      .request_handler([this](restinio::request_handle_t raw) {
        ++in_flight_;
        const auto started = Clock::now();
        Request request = FromRestinio(*raw);
        request.request_id = crypto::RandomToken(6);
        Response response;
        const auto media = MediaType(request.Header("content-type"));
        if (media == "multipart/form-data" && !ParseMultipart(*raw, request)) {
          response = ErrorResponse(request, *context_.templates, 400);
        } else {
          if (media == "application/x-www-form-urlencoded")
            request.form = text::ParseUrlEncoded(request.body);
          response = Dispatch(request);
        }
        auto reply = raw->create_response(restinio::http_status_line_t{
            restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
            std::string(ReasonPhrase(response.status))});
        if (!response.content_type.empty())
          reply.append_header(restinio::http_field::content_type, response.content_type);
        for (auto& [name, value] : response.headers) reply.append_header(name, value);
        const auto size = response.body.size();
        if (request.method != "HEAD") reply.set_body(std::move(response.body));
        reply.done();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        // The path only: queries may carry one-time tokens; never the body or cookies.
        spdlog::info("{} {} {} {} {} {}B {:.1f}ms", request.request_id, request.client_address,
                     request.method, text::SingleLine(request.path), response.status, size, ms);
        if (--in_flight_ == 0) {
          std::lock_guard lock(impl_->mutex);  // so Stop() cannot miss the wake-up
          impl_->idle.notify_all();
        }
        return restinio::request_accepted();
      });
  try {
    impl_->http = std::make_unique<restinio::http_server_t<Impl::Traits>>(
        restinio::own_io_context(), std::move(settings));
    impl_->http->open_sync();
  } catch (const std::exception& e) {
    impl_->http.reset();
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot listen on {}:{}: {}", config.bind, config.port, e.what()));
  }
  if (context_.on_listening) context_.on_listening(public_url());
  for (int i = 0; i < std::max(1, config.threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->http->io_context().run(); });
  }
  return Ok();
}

void Server::Stop() {
  if (!impl_->http) return;
  // Stop accepting (on the server's own threads), wait (bounded) for handlers in progress,
  // then stop the event loop.
  auto closed = std::make_shared<std::promise<void>>();
  impl_->http->close_async([closed] { closed->set_value(); },
                           [closed](std::exception_ptr) { closed->set_value(); });
  closed->get_future().wait_for(std::chrono::seconds(10));
  {
    std::unique_lock lock(impl_->mutex);
    impl_->idle.wait_for(lock, std::chrono::seconds(10), [&] { return in_flight_.load() == 0; });
  }
  impl_->http->io_context().stop();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();
  impl_->http.reset();
}

Response Server::Dispatch(Request& request) {
  if (request.request_id.empty()) request.request_id = crypto::RandomToken(6);
  request.csrf_key = context_.csrf_key;
  Response response;
  try {
    response = Handle(request);
  } catch (const std::exception& e) {
    spdlog::error("{} {} {}: unhandled exception: {}", request.request_id, request.method,
                  text::SingleLine(request.path), e.what());
    response = ErrorResponse(request, *context_.templates, 500);
  }
  Secure(request, response);
  response.Header("X-Request-Id", request.request_id);
  if (request.method != "GET" && request.method != "HEAD" && context_.after_write)
    context_.after_write();
  return response;
}

Response Server::Handle(Request& request) {
  const Templates& templates = *context_.templates;
  if (StartsWith(request.path, "/static/") &&
      (request.method == "GET" || request.method == "HEAD")) {
    auto file = static_files_.Serve(request.path.substr(8), request.Header("if-none-match"));
    if (file) return *file;
    return ErrorResponse(request, templates, 404);
  }
  auto match = router_.Match(request.method, request.path);
  if (!match.route) {
    if (match.allowed_methods.empty()) return ErrorResponse(request, templates, 404);
    Response response = ErrorResponse(request, templates, 405);
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    response.Header("Allow", allow);
    return response;
  }
  const web::Route& route = *match.route;
  request.params = std::move(match.params);
  const bool secure = StartsWith(public_url(), "https://");

  // The session, if the browser sent one.
  const auto cookies = ParseCookies(request.Header("cookie"));
  request.cookies = cookies;
  const std::string session_cookie = CookieName("maplace_session", secure);
  bool clear_session_cookie = false;
  if (auto it = cookies.find(session_cookie); it != cookies.end() && !it->second.empty()) {
    auto actor = context_.accounts->Authenticate(it->second);
    if (actor) {
      request.actor = *actor;
      request.session_token = it->second;
    } else if (actor.error().code == ErrorCode::kUnauthenticated) {
      clear_session_cookie = true;
    } else {
      return ErrorResponse(request, templates, actor.error());
    }
  }
  const std::string csrf_cookie = CookieName("maplace_csrf", secure);
  if (auto it = cookies.find(csrf_cookie); it != cookies.end())
    request.anon_csrf_cookie = it->second;

  Response response = [&]() -> Response {
    // Access first, so a denied route says nothing else about itself.
    if (!route.access.Allows(request.actor)) {
      if (request.actor) return ErrorResponse(request, templates, 403);
      if (request.IsApi()) return ErrorResponse(request, templates, 401);
      return Redirect("/connexion?retour=" + text::UrlEncode(request.path));
    }
    const bool unsafe = request.method != "GET" && request.method != "HEAD";
    if (unsafe) {
      const std::string media = MediaType(request.Header("content-type"));
      const bool form_ok =
          media == "application/x-www-form-urlencoded" || media == "multipart/form-data";
      const bool media_ok = route.body == BodyKind::kForm        ? form_ok
                            : route.body == BodyKind::kMultipart ? media == "multipart/form-data"
                            : route.body == BodyKind::kJson      ? media == "application/json"
                                                                 : request.body.empty();
      if (!media_ok) return ErrorResponse(request, templates, 415);
      const std::size_t limit = route.body == BodyKind::kMultipart
                                    ? context_.config.max_upload_bytes
                                    : context_.config.max_form_bytes;
      if (request.body.size() > limit) return ErrorResponse(request, templates, 413);
      // CSRF: the origin, when the browser says it, must be ours; and the token must match.
      const std::string origin = request.Header("origin");
      const std::string host = request.Header("host");
      if (!origin.empty() && origin != public_url() && origin != "http://" + host &&
          origin != "https://" + host) {
        spdlog::warn("{} cross-origin {} refused from {}", request.request_id, request.path,
                     text::SingleLine(origin));
        return ErrorResponse(request, templates, 403);
      }
      std::string sent = request.Form("csrf");
      if (sent.empty()) sent = request.Header("x-csrf-token");
      const bool has_basis = !request.session_token.empty() || !request.anon_csrf_cookie.empty();
      if (route.csrf &&
          (!has_basis || sent.empty() || !crypto::ConstantTimeEquals(sent, request.CsrfToken()))) {
        spdlog::warn("{} CSRF token missing or wrong on {}", request.request_id, request.path);
        if (request.IsApi()) return ErrorResponse(request, templates, 403);
        return HtmlError(request, templates, 403,
                         "La page a expiré ou a été ouverte ailleurs : rechargez-la, puis "
                         "recommencez.");
      }
    }
    return route.handler(request);
  }();

  if (clear_session_cookie && !request.actor)
    response.Header("Set-Cookie", SetCookie(session_cookie, "", {.secure = secure, .max_age = 0}));
  if (request.anon_csrf_cookie_created)
    response.Header("Set-Cookie",
                    SetCookie(csrf_cookie, request.anon_csrf_cookie, {.secure = secure}));
  return response;
}

void Server::Secure(const Request& request, Response& response) const {
  response.Header("Content-Security-Policy", content_security_policy_);
  response.Header("X-Content-Type-Options", "nosniff");
  response.Header("X-Frame-Options", "DENY");
  response.Header("Referrer-Policy", "same-origin");
  response.Header("Cross-Origin-Opener-Policy", "same-origin");
  response.Header("Permissions-Policy", "camera=(), microphone=(), payment=()");
  if (StartsWith(public_url(), "https://"))
    response.Header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  bool has_cache_control = false, sets_cookie = false;
  for (const auto& [name, value] : response.headers) {
    has_cache_control |= name == "Cache-Control";
    sets_cookie |= name == "Set-Cookie";
  }
  // Pages of a signed-in person, or that set a cookie, must never be stored by a cache.
  if (request.actor || sets_cookie || response.status >= 400) {
    std::erase_if(response.headers, [](const auto& h) { return h.first == "Cache-Control"; });
    response.Header("Cache-Control", "no-store");
  } else if (!has_cache_control) {
    response.Header("Cache-Control", "no-cache");
  }
}

}  // namespace maplace::web
