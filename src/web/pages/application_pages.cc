// Issue 4 §3 and issue 5 §3: applying to an offer (/offres/:id/postuler), the young person's
// « Mes candidatures » and CV (/mes-candidatures, /mon-cv), the employer's inbox
// (/employeur/candidatures) with its templated replies and XLSX export, and the CV download
// (/cv/:id) for its owner and the recruiters it was sent to.
#include "web/pages/application_pages.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/text.h"
#include "domain/applications/application_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"

namespace maplace::web {
namespace {

using applications::ApplicationInput;
using applications::ApplicationStatus;
using applications::ApplicationView;
using people::Role;
using Dict = ctemplate::TemplateDictionary;

constexpr char kInbox[] = "/employeur/candidatures";

std::string Size(std::int64_t bytes) {
  if (bytes < 1024 * 1024) return fmt::format("{} Ko", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} Mo", static_cast<double>(bytes) / (1024 * 1024));
}

const UploadedFile* FileField(const Request& request, const char* field) {
  for (const auto& f : request.files)
    if (f.field == field && !f.filename.empty()) return &f;
  return nullptr;
}

void FillApplyForm(Dict& d, const Request& request, const WebServices& services,
                   std::int64_t offer_id, const Error* error) {
  Dict* form = d.AddSectionDictionary("FORM");
  form->SetValue("OFFER_ID", std::to_string(offer_id));
  form->SetValue("CSRF", request.CsrfToken());
  form->SetValue("MESSAGE", request.Form("message"));
  AddApplicationFacts(*form, request, services);
  if (!error || error->fields.empty()) return;
  Dict* box = form->AddSectionDictionary("ERRORS");
  box->SetValue("COUNT", error->fields.size() == 1
                             ? std::string("Il y a 1 erreur")
                             : fmt::format("Il y a {} erreurs", error->fields.size()));
  const std::map<std::string, std::string> sections = {{"message", "MESSAGE_ERR"},
                                                       {"start_date", "START_ERR"},
                                                       {"rhythm", "RHYTHM_ERR"},
                                                       {"cfa_place", "CFA_ERR"},
                                                       {"cv", "CV_ERR"}};
  for (const auto& [field, message] : error->fields) {
    Dict* item = box->AddSectionDictionary("ERROR");
    auto it = sections.find(field);
    item->SetValue("FIELD", it != sections.end() ? field : "message");
    item->SetValue("MESSAGE", message);
    if (it != sections.end()) form->AddSectionDictionary(it->second)->SetValue("TEXT", message);
  }
}

// The dedicated page of the form: shown again with its errors after a failed post.
Response ApplyPage(const Request& request, const WebServices& services, std::int64_t offer_id,
                   const Error* error, int status) {
  auto offer = services.offers.GetPublished(offer_id);
  if (!offer) return ErrorResponse(request, services.templates, offer.error());
  Page page(request, "Postuler : " + offer->offer.input.title, "pages/apply.tpl");
  page.Form();
  page.Set("OFFER_TITLE", offer->offer.input.title);
  page.Set("ORGANISATION", offer->organisation_name);
  page.Set("OFFER_ID", std::to_string(offer_id));
  // Not a field of the form: already applied, or not a young person's account.
  if (error)
    if (auto it = error->fields.find("offer"); it != error->fields.end())
      page.Notice("error", it->second);
  AddApplySection(page.dict(), request, services, offer_id, error);
  return page.Render(services.templates, status);
}

Response Apply(const Request& request, const WebServices& services, std::int64_t offer_id) {
  ApplicationInput input;
  input.message = request.Form("message");
  input.start_date = request.Form("start_date");
  input.rhythm = request.Form("rhythm");
  input.cfa_place = request.Form("cfa_place");
  input.with_cv = !request.Form("with_cv").empty();
  // Checked first, so that a form with mistakes does not store its CV yet.
  auto checked = applications::ApplicationService::Check(input, TodayIn(std::time(nullptr)));
  if (!checked) return ApplyPage(request, services, offer_id, &checked.error(), 422);
  if (const UploadedFile* file = FileField(request, "cv")) {
    auto saved = services.applications->SaveCv(*request.actor, file->bytes, file->filename);
    if (!saved) return ApplyPage(request, services, offer_id, &saved.error(), 422);
    input.with_cv = true;
  }
  auto applied =
      services.applications->Apply(*request.actor, offer_id, input, request.client_address);
  if (applied) return Redirect("/mes-candidatures?info=candidature-envoyee");
  const auto code = applied.error().code;
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists)
    return ApplyPage(request, services, offer_id, &applied.error(), HttpStatusFor(code));
  return ErrorResponse(request, services.templates, applied.error());
}

Response MinePage(const Request& request, const WebServices& services) {
  auto mine = services.applications->Mine(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mes candidatures", "pages/my_applications.tpl");
  if (request.Query("info") == "candidature-envoyee")
    page.Notice("success",
                "Votre candidature est envoyée : le recruteur est prévenu par e-mail. Sa "
                "réponse s'affichera ici.");
  if (mine->empty()) page.Show("NONE");
  for (const auto& v : *mine) {
    const auto& a = v.application;
    Dict* row = page.dict().AddSectionDictionary("APPLICATION");
    row->SetValue("ID", std::to_string(a.id));
    row->SetValue("OFFER_ID", std::to_string(a.offer_id));
    row->SetValue("OFFER_TITLE", v.offer_title);
    row->SetValue("ORGANISATION", v.organisation_name);
    row->SetValue("DATE", FrenchDay(a.created_at));
    row->SetValue("STATUS", std::string(applications::StatusLabel(a.status)));
    row->SetValue("STATUS_CODE", std::string(applications::StatusCode(a.status)));
    for (const auto& reply : v.replies) {
      Dict* r = row->AddSectionDictionary("REPLY");
      r->SetValue("DATE", FrenchDay(reply.created_at));
      AddLines(*r, "LINE", reply.body);
    }
    if (v.replies.empty()) row->ShowSection("WAITING");
  }
  return page.Render(services.templates);
}

Response CvPage(const Request& request, const WebServices& services, const Error* error,
                int status) {
  auto cv = services.applications->MyCv(*request.actor);
  if (!cv) return ErrorResponse(request, services.templates, cv.error());
  Page page(request, "Mon CV", "pages/my_cv.tpl");
  page.Form();
  if (request.Query("info") == "cv-enregistre")
    page.Notice("success",
                "Votre CV est enregistré : il partira avec vos prochaines candidatures.");
  if (*cv) {
    Dict* current = page.dict().AddSectionDictionary("CURRENT");
    current->SetValue("NAME", (*cv)->original_name);
    current->SetValue("SIZE", Size((*cv)->size_bytes));
    current->SetValue("DATE", FrenchDay((*cv)->created_at));
  } else {
    page.Show("NONE");
  }
  if (error) {
    page.Errors(*error);
    if (auto it = error->fields.find("cv"); it != error->fields.end())
      page.dict().AddSectionDictionary("CV_ERR")->SetValue("TEXT", it->second);
  }
  return page.Render(services.templates, status);
}

Response CvDownload(const Request& request, const WebServices& services, std::int64_t cv_id) {
  auto read = services.applications->ReadCv(*request.actor, cv_id);
  if (!read) return ErrorResponse(request, services.templates, read.error());
  return Download(std::move(read->second), read->first.content_type, read->first.original_name,
                  "cv");
}

std::optional<std::int64_t> OfferFilter(const Request& request) {
  return ParseId(request.Query("offre"));
}

Response InboxPage(const Request& request, const WebServices& services) {
  const auto offer_id = OfferFilter(request);
  const auto status = applications::ParseStatus(request.Query("statut"));
  auto inbox = services.applications->InboxOf(*request.actor, offer_id, status);
  if (!inbox) return ErrorResponse(request, services.templates, inbox.error());
  Page page(request, "Candidatures reçues", "pages/inbox.tpl");
  Dict& d = page.dict();
  Dict* all = d.AddSectionDictionary("OFFER_OPTION");
  all->SetValue("VALUE", "");
  all->SetValue("LABEL", "Toutes les offres");
  for (const auto& o : inbox->offers) {
    Dict* option = d.AddSectionDictionary("OFFER_OPTION");
    option->SetValue("VALUE", std::to_string(o.id));
    option->SetValue("LABEL", o.input.title);
    if (offer_id == o.id) option->ShowSection("SELECTED");
  }
  Dict* any = d.AddSectionDictionary("STATUS_OPTION");
  any->SetValue("VALUE", "");
  any->SetValue("LABEL", "Tous les états");
  for (auto s : applications::AllStatuses()) {
    const std::string label =
        fmt::format("{} ({})", applications::StatusLabel(s), inbox->counts[s]);
    Dict* option = d.AddSectionDictionary("STATUS_OPTION");
    option->SetValue("VALUE", std::string(applications::StatusCode(s)));
    option->SetValue("LABEL", label);
    if (status == s) option->ShowSection("SELECTED");
    Dict* count = d.AddSectionDictionary("COUNT");
    count->SetValue("LABEL", std::string(applications::StatusLabel(s)));
    count->SetValue("N", std::to_string(inbox->counts[s]));
  }
  d.SetValue("TOTAL", std::to_string(inbox->total));
  d.SetValue("EXPORT_QUERY", offer_id ? fmt::format("?offre={}", *offer_id) : "");
  if (inbox->entries.empty()) d.ShowSection("NONE");
  for (const auto& v : inbox->entries) {
    const auto& a = v.application;
    Dict* row = d.AddSectionDictionary("ENTRY");
    row->SetValue("ID", std::to_string(a.id));
    row->SetValue("NAME", v.applicant_name);
    row->SetValue("OFFER_TITLE", v.offer_title);
    row->SetValue("DATE", FrenchDay(a.created_at));
    row->SetValue("STATUS", std::string(applications::StatusLabel(a.status)));
    row->SetValue("STATUS_CODE", std::string(applications::StatusCode(a.status)));
    if (v.cv) row->ShowSection("CV");
  }
  return page.Render(services.templates);
}

Response ApplicationPage(const Request& request, const WebServices& services, std::int64_t id,
                         const Error* error, int status) {
  // The recruiter opens it: new → seen (a 404 for anyone else, as View).
  if (auto seen = services.applications->MarkSeen(*request.actor, id); !seen)
    return ErrorResponse(request, services.templates, seen.error());
  auto view = services.applications->View(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  const auto& a = view->application;
  Page page(request, "Candidature de " + view->applicant_name, "pages/application.tpl");
  page.Form();
  const std::map<std::string, std::string> infos = {
      {"entretien", "L'invitation à l'entretien est envoyée ; le jeune la voit dans son espace."},
      {"refus", "Votre réponse est envoyée ; le jeune la voit dans son espace."},
      {"embauche", "Bonne nouvelle envoyée ; le jeune la voit dans son espace."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("ID", std::to_string(a.id));
  d.SetValue("NAME", view->applicant_name);
  d.SetValue("EMAIL", view->applicant_email);
  // The young person's profile, only when they chose to show it to employers (young_people).
  if (services.young_people != nullptr &&
      services.young_people->ForEmployer(*request.actor, a.applicant_id))
    d.SetValueAndShowSection("APPLICANT_ID", std::to_string(a.applicant_id), "PROFILE");
  d.SetValue("OFFER_ID", std::to_string(a.offer_id));
  d.SetValue("OFFER_TITLE", view->offer_title);
  d.SetValue("STATUS", std::string(applications::StatusLabel(a.status)));
  d.SetValue("STATUS_CODE", std::string(applications::StatusCode(a.status)));
  d.SetValue("DATE", FrenchDay(a.created_at));
  d.SetValue("START", StartText(a.start_date));
  d.SetValue("RHYTHM", a.rhythm.empty() ? "Non précisé" : a.rhythm);
  d.SetValue("CFA", std::string(applications::CfaPlaceLabel(a.cfa_place)));
  if (view->cv) {
    d.SetValueAndShowSection("CV_ID", std::to_string(view->cv->id), "CV");
    d.SetValue("CV_NAME", view->cv->original_name);
  } else {
    d.ShowSection("NO_CV");
  }
  AddLines(d, "MESSAGE_LINE", a.message);
  if (!view->replies.empty()) d.ShowSection("HAS_REPLIES");
  for (const auto& reply : view->replies) {
    Dict* r = d.AddSectionDictionary("REPLY");
    r->SetValue("DATE", FrenchDay(reply.created_at));
    AddLines(*r, "LINE", reply.body);
  }
  if (!applications::IsFinal(a.status)) {
    Dict* answer = d.AddSectionDictionary("ANSWER");
    answer->SetValue("SLOTS", request.Form("slots"));
    answer->SetValue("DETAILS", request.Form("details"));
    Dict* none = answer->AddSectionDictionary("REASON");
    none->SetValue("VALUE", "");
    none->SetValue("LABEL", "Choisissez une raison");
    for (const auto& [code, label] : applications::RefusalReasons()) {
      Dict* option = answer->AddSectionDictionary("REASON");
      option->SetValue("VALUE", std::string(code));
      option->SetValue("LABEL", std::string(label));
    }
  }
  return page.Render(services.templates, status);
}

Response AfterAnswer(const Request& request, const WebServices& services, std::int64_t id,
                     const Status& done, const char* info) {
  if (done) return Redirect(fmt::format("{}/{}?info={}", kInbox, id, info));
  const auto code = done.error().code;
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition)
    return ApplicationPage(request, services, id, &done.error(), HttpStatusFor(code));
  return ErrorResponse(request, services.templates, done.error());
}

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

}  // namespace

std::string StartText(const std::string& iso_date) {
  if (iso_date.empty()) return "Dès que possible";
  auto date = ParseIsoDate(iso_date);
  return date ? FormatFrenchLongDate(*date) : iso_date;
}

void AddLines(Dict& dict, const char* section, const std::string& text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = text::Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) dict.AddSectionDictionary(section)->SetValue("TEXT", std::string(line));
    start = end + 1;
  }
}

void AddApplicationFacts(Dict& section, const Request& request, const WebServices& services) {
  section.SetValue("START", request.Form("start_date"));
  section.SetValue("RHYTHM", request.Form("rhythm"));
  const std::string cfa = request.Form("cfa_place");
  for (const auto& [code, label] : applications::CfaPlaces()) {
    Dict* option = section.AddSectionDictionary("CFA");
    option->SetValue("VALUE", std::string(code));
    option->SetValue("LABEL", std::string(label));
    if (cfa == code) option->ShowSection("CHECKED");
  }
  auto cv = services.applications->MyCv(*request.actor);
  if (cv && *cv) {
    Dict* saved = section.AddSectionDictionary("SAVED_CV");
    saved->SetValue("NAME", (*cv)->original_name);
    if (request.method == "GET" || !request.Form("with_cv").empty()) saved->ShowSection("WITH");
  } else {
    section.ShowSection("NO_CV");
  }
}

void AddApplySection(Dict& content, const Request& request, const WebServices& services,
                     std::int64_t offer_id, const Error* error) {
  Dict* d = content.AddIncludeDictionary("APPLY");
  d->SetFilename("partials/apply_form.tpl");
  if (!request.actor) {
    d->SetValueAndShowSection("RETURN", fmt::format("/offres/{}", offer_id), "VISITOR");
    return;
  }
  if (request.actor->role != Role::kYoungPerson) {
    d->ShowSection("OTHER_ROLE");
    return;
  }
  if (auto mine = services.applications->Mine(*request.actor)) {
    for (const auto& v : *mine) {
      if (v.application.offer_id != offer_id) continue;
      Dict* already = d->AddSectionDictionary("ALREADY");
      already->SetValue("DATE", FrenchDay(v.application.created_at));
      already->SetValue("STATUS", std::string(applications::StatusLabel(v.application.status)));
      return;
    }
  }
  FillApplyForm(*d, request, services, offer_id, error);
}

void AddApplicationPages(Router& router, const WebServices& services) {
  const auto young = Access::Roles({Role::kYoungPerson});
  const auto employers = Access::Roles({Role::kEmployer});
  const auto cv_readers = Access::Roles({Role::kYoungPerson, Role::kEmployer});

  router.Get("/offres/:id/postuler", young,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return ApplyPage(request, services, id, nullptr, 200);
             }));
  router.Post(
      "/offres/:id/postuler", young,
      WithId(services, [&services](Request& request,
                                   std::int64_t id) { return Apply(request, services, id); }),
      BodyKind::kMultipart);
  router.Get("/mes-candidatures", young,
             [&services](Request& request) { return MinePage(request, services); });

  router.Get("/mon-cv", young,
             [&services](Request& request) { return CvPage(request, services, nullptr, 200); });
  router.Post(
      "/mon-cv", young,
      [&services](Request& request) {
        const UploadedFile* file = FileField(request, "cv");
        Result<applications::CvDocument> saved =
            file == nullptr
                ? Result<applications::CvDocument>(
                      FailFields("no file", {{"cv", "Choisissez votre CV (PDF ou DOCX)."}}))
                : services.applications->SaveCv(*request.actor, file->bytes, file->filename);
        if (saved) return Redirect("/mon-cv?info=cv-enregistre");
        if (saved.error().code == ErrorCode::kInvalidArgument)
          return CvPage(request, services, &saved.error(), 422);
        return ErrorResponse(request, services.templates, saved.error());
      },
      BodyKind::kMultipart);
  router.Get("/mon-cv/telecharger", young, [&services](Request& request) {
    auto cv = services.applications->MyCv(*request.actor);
    if (!cv) return ErrorResponse(request, services.templates, cv.error());
    if (!*cv) return ErrorResponse(request, services.templates, 404);
    return CvDownload(request, services, (*cv)->id);
  });
  router.Get("/cv/:id", cv_readers,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return CvDownload(request, services, id);
             }));

  router.Get(kInbox, employers,
             [&services](Request& request) { return InboxPage(request, services); });
  router.Get(std::string(kInbox) + "/export", employers, [&services](Request& request) {
    auto bytes = services.applications->Export(*request.actor, OfferFilter(request));
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "candidatures.xlsx", "candidatures");
  });
  router.Get(std::string(kInbox) + "/:id", employers,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return ApplicationPage(request, services, id, nullptr, 200);
             }));
  router.Post(std::string(kInbox) + "/:id/entretien", employers,
              WithId(services, [&services](Request& request, std::int64_t id) {
                return AfterAnswer(
                    request, services, id,
                    services.applications->Invite(*request.actor, id, request.Form("slots"),
                                                  request.client_address),
                    "entretien");
              }));
  router.Post(std::string(kInbox) + "/:id/refus", employers,
              WithId(services, [&services](Request& request, std::int64_t id) {
                return AfterAnswer(
                    request, services, id,
                    services.applications->Refuse(*request.actor, id, request.Form("reason"),
                                                  request.Form("details"), request.client_address),
                    "refus");
              }));
  router.Post(std::string(kInbox) + "/:id/embauche", employers,
              WithId(services, [&services](Request& request, std::int64_t id) {
                return AfterAnswer(
                    request, services, id,
                    services.applications->Hire(*request.actor, id, request.client_address),
                    "embauche");
              }));
}

}  // namespace maplace::web
