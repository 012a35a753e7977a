#include "web/static_files.h"

#include <fmt/format.h>

#include "core/crypto.h"
#include "core/embedded_files.h"

namespace maplace::web {
namespace {

std::string ContentTypeOf(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".json")) return "application/json";
  if (ends(".txt") || ends(".md")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

StaticFiles::StaticFiles() {
  auto add = [this](std::string path, const embedded::EmbeddedFile& file) {
    files_[std::move(path)] =
        File{file.bytes, ContentTypeOf(file.path),
             fmt::format("\"{}\"", crypto::Sha256Hex(file.bytes).substr(0, 16))};
  };
  for (const auto& file : embedded::WebAssets()) {
    if (file.path.rfind("static/", 0) == 0) add(file.path.substr(7), file);
  }
  for (const auto& file : embedded::VendorAssets()) add("vendor/leaflet/" + file.path, file);
}

std::optional<Response> StaticFiles::Serve(std::string_view path,
                                           std::string_view if_none_match) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  Response response;
  response.content_type = it->second.content_type;
  response.Header("ETag", it->second.etag);
  response.Header("Cache-Control", "public, max-age=86400");
  if (if_none_match == it->second.etag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.body = std::string(it->second.bytes);
  return response;
}

}  // namespace maplace::web
