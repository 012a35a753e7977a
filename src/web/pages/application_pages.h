#pragma once

#include <ctemplate/template.h>

#include <cstdint>

#include "core/error.h"
#include "web/http.h"
#include "web/routes.h"

namespace maplace::web {

// The « Postuler » section of an offer's page (partials/apply_form.tpl) under the include
// name APPLY: the form for a signed-in young person (with `error`'s messages), where they
// stand when they already applied, a link to log in for visitors.
void AddApplySection(ctemplate::TemplateDictionary& content, const Request& request,
                     const WebServices& services, std::int64_t offer_id,
                     const Error* error = nullptr);

}  // namespace maplace::web
