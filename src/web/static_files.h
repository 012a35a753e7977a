#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.h"

namespace maplace::web {

// The files of web/static, compiled into the binary and served from memory under /static/
// with validators (ETag) and a day of browser caching.
class StaticFiles {
 public:
  StaticFiles();
  // The response for /static/<path>, or nullopt when there is no such file.
  std::optional<Response> Serve(std::string_view path, std::string_view if_none_match) const;

 private:
  struct File {
    std::string_view bytes;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace maplace::web
