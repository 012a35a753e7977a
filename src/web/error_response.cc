#include "web/error_response.h"

#include <nlohmann/json.hpp>

#include "web/page.h"

namespace maplace::web {
namespace {

std::string_view FrenchMessage(int status) {
  switch (status) {
    case 400:
      return "La demande est incorrecte.";
    case 401:
      return "Connectez-vous pour accéder à cette page.";
    case 403:
      return "Vous n'avez pas accès à cette page.";
    case 404:
      return "Cette page n'existe pas, ou plus.";
    case 405:
      return "Cette action n'est pas possible sur cette page.";
    case 409:
      return "Cette action entre en conflit avec une autre : rechargez la page.";
    case 413:
      return "L'envoi est trop volumineux.";
    case 415:
      return "Ce type de contenu n'est pas accepté.";
    case 422:
      return "Certaines informations sont incorrectes.";
    case 429:
      return "Trop de tentatives : patientez quelques minutes avant de réessayer.";
    case 503:
      return "Le service est momentanément indisponible : réessayez dans un instant.";
    default:
      return "Une erreur inattendue s'est produite. Nous en avons été avertis.";
  }
}

std::string_view CodeFor(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "permission_denied";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "invalid_argument";
    case 429:
      return "resource_exhausted";
    case 503:
      return "unavailable";
    default:
      return "internal";
  }
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

Response JsonError(int status, std::string_view code, std::string_view french_message,
                   const std::map<std::string, std::string>& fields, std::string_view request_id) {
  nlohmann::json body = {{"error",
                          {{"code", code},
                           {"message", french_message},
                           {"fields", fields},
                           {"request_id", request_id}}}};
  return Json(status, body.dump());
}

Response HtmlError(const Request& request, const Templates& templates, int status,
                   std::string_view french_message) {
  const std::string heading = status == 404 ? "Page introuvable" : "Impossible de continuer";
  Page page(request, heading, "pages/message.tpl");
  page.Set("HEADING", heading);
  page.Set("TEXT", french_message);
  auto* link = page.dict().AddSectionDictionary("LINK");
  link->SetValue("HREF", "/");
  link->SetValue("LABEL", "Revenir à l'accueil");
  if (status >= 500) {
    page.dict().AddSectionDictionary("REQUEST_ID")->SetValue("ID", request.request_id);
  }
  return page.Render(templates, status);
}

Response ErrorResponse(const Request& request, const Templates& templates, const Error& error) {
  const int status = HttpStatusFor(error.code);
  std::string message(FrenchMessage(status));
  if (request.IsApi()) {
    auto fields = error.fields;
    return JsonError(status, ErrorCodeName(error.code), message, fields, request.request_id);
  }
  // A page shows the first field message when there is one: it is the most precise.
  for (const auto& [field, text] : error.fields) {
    if (field != "retry_after") {
      message = text;
      break;
    }
  }
  return HtmlError(request, templates, status, message);
}

Response ErrorResponse(const Request& request, const Templates& templates, int status) {
  if (request.IsApi())
    return JsonError(status, CodeFor(status), FrenchMessage(status), {}, request.request_id);
  return HtmlError(request, templates, status, FrenchMessage(status));
}

}  // namespace maplace::web
