#pragma once

#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "web/http.h"
#include "web/templates.h"

namespace maplace::web {

// An HTML page: a template from pages/ inside the layout, with the header that suits the
// request's actor. Handlers fill dict() and call Render().
class Page {
 public:
  Page(const Request& request, std::string title, std::string content_template);

  ctemplate::TemplateDictionary& dict() { return *content_; }
  // The page has a form: sets {{CSRF}} (for visitors, this creates their CSRF cookie).
  Page& Form();
  Page& Set(std::string_view name, std::string_view value);
  Page& Show(std::string_view section);
  // A notice above the content: kind is "info", "success", "warning" or "error".
  Page& Notice(std::string_view kind, std::string_view text);

  // Form fields rendered by the partials; `error` marks the fields it names as invalid.
  Page& TextField(std::string_view include, std::string_view id, std::string_view label,
                  std::string_view type, std::string_view value, std::string_view autocomplete,
                  std::string_view hint = "");
  Page& PasswordField(std::string_view id, std::string_view label, std::string_view autocomplete,
                      bool new_password);
  // Shows the errors of `error` at the top of the form and beside their fields.
  Page& Errors(const Error& error);

  // Call once.
  Response Render(const Templates& templates, int status = 200);

 private:
  const Request& request_;
  std::string title_;
  std::string content_template_;
  // Behind pointers so that a Page can be returned by value (dictionaries cannot be copied).
  std::unique_ptr<ctemplate::TemplateDictionary> content_;
  std::unique_ptr<ctemplate::TemplateDictionary> layout_;
  std::map<std::string, std::string> field_errors_;
};

}  // namespace maplace::web
