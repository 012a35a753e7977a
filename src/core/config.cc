#include "core/config.h"

#include <charconv>
#include <cstdlib>

namespace maplace {
namespace {

void Override(std::string& target, const char* name) {
  if (const char* v = std::getenv(name)) target = v;
}

Status OverrideInt(int& target, const char* name, int min, int max) {
  const char* v = std::getenv(name);
  if (!v) return Ok();
  std::string_view s(v);
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < min || value > max)
    return Fail(ErrorCode::kInvalidArgument, std::string(name) + " must be an integer between " +
                                                 std::to_string(min) + " and " +
                                                 std::to_string(max));
  target = value;
  return Ok();
}

}  // namespace

Result<Config> ApplyEnvironment(Config c) {
  Override(c.storage.url, "MAPLACE_DATABASE_URL");
  Override(c.web.bind, "MAPLACE_BIND");
  Override(c.web.public_url, "MAPLACE_PUBLIC_URL");
  Override(c.web.map_tiles, "MAPLACE_MAP_TILES");
  Override(c.web.map_attribution, "MAPLACE_MAP_ATTRIBUTION");
  Override(c.mail.smtp_url, "MAPLACE_SMTP_URL");
  Override(c.mail.smtp_user, "MAPLACE_SMTP_USER");
  Override(c.mail.smtp_password, "MAPLACE_SMTP_PASSWORD");
  Override(c.mail.mail_dir, "MAPLACE_MAIL_DIR");
  Override(c.mail.from_address, "MAPLACE_MAIL_FROM");
  Override(c.security.secret_file, "MAPLACE_SECRET_FILE");
  Override(c.aids.rules_dir, "MAPLACE_RULES_DIR");
  Override(c.payments.bank_key_file, "MAPLACE_BANK_KEY_FILE");
  Override(c.payments.documents_dir, "MAPLACE_DOCUMENTS_DIR");
  Override(c.payments.debtor_name, "MAPLACE_DEBTOR_NAME");
  Override(c.payments.debtor_iban, "MAPLACE_DEBTOR_IBAN");
  Override(c.payments.debtor_bic, "MAPLACE_DEBTOR_BIC");
  if (auto s = OverrideInt(c.web.port, "MAPLACE_PORT", 0, 65535); !s) return Fail(s.error());
  if (auto s = OverrideInt(c.web.threads, "MAPLACE_THREADS", 1, 256); !s) return Fail(s.error());
  if (auto s = OverrideInt(c.search.cached_answers, "MAPLACE_SEARCH_CACHED_ANSWERS", 0, 1000000);
      !s)
    return Fail(s.error());
  const std::string& tiles = c.web.map_tiles;
  if (!tiles.empty() &&
      ((tiles.rfind("https://", 0) != 0 && tiles.rfind("http://", 0) != 0) ||
       tiles.find("{z}") == std::string::npos || tiles.find("{x}") == std::string::npos ||
       tiles.find("{y}") == std::string::npos))
    return Fail(ErrorCode::kInvalidArgument,
                "MAPLACE_MAP_TILES must be an http(s) URL with {z}, {x} and {y}, or empty");
  if (c.storage.url.rfind("sqlite://", 0) != 0 && c.storage.url.rfind("postgresql://", 0) != 0 &&
      c.storage.url.rfind("postgres://", 0) != 0)
    return Fail(ErrorCode::kInvalidArgument,
                "MAPLACE_DATABASE_URL must start with sqlite:// or postgresql://");
  return c;
}

std::string PublicUrl(const WebConfig& web) {
  if (!web.public_url.empty()) {
    std::string url = web.public_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
  }
  return "http://" + web.bind + ":" + std::to_string(web.port);
}

}  // namespace maplace
