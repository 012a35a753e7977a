#include "mail/mail_transport.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <ctime>
#include <fstream>

#include "core/text.h"

namespace maplace::mail {
namespace {

// RFC 2047 "encoded-word" for a header value that is not plain ASCII.
std::string EncodeHeader(std::string_view value) {
  const std::string clean = text::SingleLine(value);  // no header injection
  bool ascii = true;
  for (unsigned char c : clean) ascii &= c < 0x80;
  if (ascii) return clean;
  std::string b64(sodium_base64_ENCODED_LEN(clean.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(clean.data()),
                    clean.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.find('\0'));
  return fmt::format("=?UTF-8?B?{}?=", b64);
}

std::string RfcDate(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

std::string Domain(const std::string& address) {
  auto at = address.find('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// Feeds the message to libcurl, piece by piece.
struct Reader {
  std::string_view rest;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* data) {
  auto* reader = static_cast<Reader*>(data);
  const size_t n = std::min(size * count, reader->rest.size());
  std::copy_n(reader->rest.data(), n, buffer);
  reader->rest.remove_prefix(n);
  return n;
}

}  // namespace

std::string FormatMessage(const outbox::OutboxMail& mail, const MailConfig& config) {
  std::string body;
  for (char c : mail.mail.body) {
    if (c == '\n')
      body += "\r\n";
    else if (c != '\r')
      body += c;
  }
  // Non-transactional mail: one-click unsubscribe (RFC 2369, RFC 8058).
  std::string list;
  if (!mail.mail.list_unsubscribe.empty())
    list = fmt::format(
        "List-Unsubscribe: <{}>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
        text::SingleLine(mail.mail.list_unsubscribe));
  return fmt::format(
      "From: {} <{}>\r\nTo: <{}>\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <mail-{}-{}@{}>\r\n"
      "{}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: 8bit\r\n\r\n{}\r\n",
      EncodeHeader(config.from_name), text::SingleLine(config.from_address),
      text::SingleLine(mail.mail.to), EncodeHeader(mail.mail.subject), RfcDate(mail.created_at),
      mail.id, mail.created_at, Domain(config.from_address), list, body);
}

FileTransport::FileTransport(std::filesystem::path dir, MailConfig config)
    : dir_(std::move(dir)), config_(std::move(config)) {}

Status FileTransport::Deliver(const outbox::OutboxMail& mail) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  // Written aside then renamed, so a reader never sees half a mail.
  const auto path = dir_ / fmt::format("{:06}.eml", mail.id);
  const auto partial = dir_ / fmt::format(".{:06}.eml.part", mail.id);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << FormatMessage(mail, config_);
    if (!out) return Fail(ErrorCode::kUnavailable, "cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path, ec);
  if (ec) return Fail(ErrorCode::kUnavailable, "cannot write " + path.string());
  return Ok();
}

SmtpTransport::SmtpTransport(MailConfig config) : config_(std::move(config)) {}

Status SmtpTransport::Deliver(const outbox::OutboxMail& mail) {
  const std::string message = FormatMessage(mail, config_);
  Reader reader{message};
  CURL* curl = curl_easy_init();
  if (!curl) return Fail(ErrorCode::kUnavailable, "libcurl failed to start");
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + mail.mail.to + ">").c_str());
  const std::string from = "<" + config_.from_address + ">";
  curl_easy_setopt(curl, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  if (!config_.smtp_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.smtp_user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.smtp_password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadMessage);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return Fail(ErrorCode::kUnavailable, curl_easy_strerror(rc));
  return Ok();
}

std::unique_ptr<MailTransport> MakeTransport(const MailConfig& config) {
  if (config.smtp_url.empty()) return std::make_unique<FileTransport>(config.mail_dir, config);
  return std::make_unique<SmtpTransport>(config);
}

}  // namespace maplace::mail
