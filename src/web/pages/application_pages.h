#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <string>

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

// What the apply form and the spontaneous application share: the desired start and rhythm as
// typed, the CFA place choices (CFA, CHECKED), and the saved CV to join (SAVED_CV with WITH, or
// NO_CV), in `section`.
void AddApplicationFacts(ctemplate::TemplateDictionary& section, const Request& request,
                         const WebServices& services);

// The desired start as pages say it: « 24 février 2027 », or « Dès que possible ».
std::string StartText(const std::string& iso_date);

// One `section` with TEXT per non-empty line of `text`: a message shown as paragraphs.
void AddLines(ctemplate::TemplateDictionary& dict, const char* section, const std::string& text);

}  // namespace maplace::web
