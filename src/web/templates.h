#pragma once

#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace maplace::web {

// The HTML templates compiled into the binary (web/templates/*.tpl), parsed once at start-up
// with ctemplate's contextual auto-escaping. Thread-safe after Load().
class Templates {
 public:
  // kInternal naming the first template that does not parse.
  static Result<std::unique_ptr<Templates>> Load();

  // Expands "pages/home.tpl" (a name relative to web/templates) with `dict`.
  std::string Expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const;
};

}  // namespace maplace::web
