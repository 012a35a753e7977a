#include "web/templates.h"

#include <fmt/format.h>

#include <mutex>

#include "core/embedded_files.h"

namespace maplace::web {

Result<std::unique_ptr<Templates>> Templates::Load() {
  // ctemplate keeps its cache process-wide: load it once, even if several servers start.
  static std::once_flag once;
  static Status loaded;
  std::call_once(once, [] {
    for (const auto& file : embedded::WebAssets()) {
      if (file.path.rfind("templates/", 0) != 0) continue;
      const std::string key = file.path.substr(10);
      if (!ctemplate::StringToTemplateCache(key, std::string(file.bytes),
                                            ctemplate::DO_NOT_STRIP) ||
          !ctemplate::Template::GetTemplate(key, ctemplate::DO_NOT_STRIP)) {
        loaded = Fail(ErrorCode::kInternal, fmt::format("template {} does not parse", key));
        return;
      }
    }
  });
  if (!loaded) return Fail(loaded.error());
  return std::make_unique<Templates>();
}

std::string Templates::Expand(std::string_view name,
                              const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!ctemplate::ExpandTemplate(std::string(name), ctemplate::DO_NOT_STRIP, &dict, &out))
    throw std::runtime_error(fmt::format("template {} failed to expand", name));
  return out;
}

}  // namespace maplace::web
