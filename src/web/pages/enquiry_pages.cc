// Issue 4 §3 and issue 5 §5: young people's enquiries to organisations outside offers. The
// public page of a validated employer (/entreprises/:id) with « Candidature spontanée »; the
// request for information to a CFA (/cfas/:id/demande, about a training with ?formation=);
// « Mes messages » (/mes-messages); the employers' (/employeur/candidatures-spontanees) and the
// CFAs' (/cfa/demandes) lists, where they answer. And the one-click unsubscribe page of the
// non-transactional mails (/desabonnement, issue 5 §7).
#include <fmt/format.h>

#include "core/date.h"
#include "core/text.h"
#include "domain/enquiries/enquiry_service.h"
#include "domain/outbox/unsubscribe.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/application_pages.h"
#include "web/pages/staff_support.h"

namespace maplace::web {
namespace {

using enquiries::EnquiryKind;
using enquiries::EnquiryStatus;
using enquiries::EnquiryView;
using people::Role;
using Dict = ctemplate::TemplateDictionary;

constexpr char kEmployerBase[] = "/employeur/candidatures-spontanees";
constexpr char kCfaBase[] = "/cfa/demandes";

enquiries::EnquiryService& Service(const WebServices& services) { return *services.enquiries; }

// ---------- The young person's side ----------

// The form of an enquiry, shown again with its errors. `kind` decides the fields.
Response FormPage(const Request& request, const WebServices& services, EnquiryKind kind,
                  std::int64_t organisation_id, const Error* error, int status) {
  const bool spontaneous = kind == EnquiryKind::kSpontaneous;
  std::string name, about;
  std::int64_t training_id = 0;  // 0: about the CFA in general
  if (spontaneous) {
    auto employer = Service(services).Employer(organisation_id);
    if (!employer) return ErrorResponse(request, services.templates, employer.error());
    name = employer->organisation.name;
  } else {
    auto cfa = services.trainings.GetCfa(organisation_id);
    if (!cfa) return ErrorResponse(request, services.templates, cfa.error());
    name = cfa->first.name;
    training_id =
        ParseId(request.method == "GET" ? request.Query("formation") : request.Form("formation"))
            .value_or(0);
    for (const auto& t : cfa->second)
      if (training_id != 0 && t.id == training_id) about = t.input.title;
    if (about.empty()) training_id = 0;
  }
  Page page(request,
            fmt::format("{} : {}",
                        spontaneous ? "Candidature spontanée" : "Demander des informations", name),
            "pages/enquiry_form.tpl");
  page.Form();
  Dict& d = page.dict();
  Dict* section = nullptr;
  if (spontaneous) {
    page.Set("HEADING", "Candidature spontanée à " + name)
        .Set("LEAD",
             "L'entreprise reçoit votre message, vos disponibilités et votre CV ; sa réponse "
             "s'affichera dans « Mes messages ».")
        .Set("ACTION", fmt::format("/entreprises/{}/candidature", organisation_id))
        .Set("MESSAGE_LABEL", "Votre message à l'entreprise")
        .Set("MESSAGE_HINT",
             "Qui vous êtes, le métier que vous voulez apprendre, pourquoi chez elle.")
        .Set("BUTTON", "Envoyer ma candidature");
    section = d.AddSectionDictionary("SPONTANEOUS");
    AddApplicationFacts(*section, request, services);
  } else {
    page.Set("HEADING", "Demander des informations à " + name)
        .Set("LEAD", about.empty()
                         ? std::string("Votre question va aux membres du CFA ; leur réponse "
                                       "s'affichera dans « Mes messages ».")
                         : fmt::format("Sur la formation « {} ». Votre question va aux membres "
                                       "du CFA ; leur réponse s'affichera dans « Mes messages ».",
                                       about))
        .Set("ACTION", fmt::format("/cfas/{}/demande", organisation_id))
        .Set("MESSAGE_LABEL", "Votre question")
        .Set("MESSAGE_HINT", "Ce que vous voulez savoir, et votre situation si elle compte.")
        .Set("BUTTON", "Envoyer ma demande");
    section = d.AddSectionDictionary("INFORMATION");
    section->SetValue("TRAINING_ID", training_id != 0 ? std::to_string(training_id) : "");
    const std::string subject = request.Form("subject");
    Dict* none = section->AddSectionDictionary("SUBJECT");
    none->SetValue("VALUE", "");
    none->SetValue("LABEL", "Choisissez l'objet");
    for (const auto& [code, label] : enquiries::Subjects()) {
      Dict* option = section->AddSectionDictionary("SUBJECT");
      option->SetValue("VALUE", std::string(code));
      option->SetValue("LABEL", std::string(label));
      if (subject == code) option->ShowSection("SELECTED");
    }
  }
  d.SetValue("MESSAGE", request.Form("message"));
  if (error && !error->fields.empty()) {
    auto fields = error->fields;
    fields.erase("retry_after");
    Dict* box = d.AddSectionDictionary("ERRORS");
    box->SetValue("COUNT", fields.size() == 1 ? std::string("Il y a 1 erreur")
                                              : fmt::format("Il y a {} erreurs", fields.size()));
    const std::map<std::string, std::string> sections = {{"start_date", "START_ERR"},
                                                         {"rhythm", "RHYTHM_ERR"},
                                                         {"cfa_place", "CFA_ERR"},
                                                         {"subject", "SUBJECT_ERR"}};
    for (const auto& [field, message] : fields) {
      Dict* item = box->AddSectionDictionary("ERROR");
      auto it = sections.find(field);
      item->SetValue("FIELD", it != sections.end() ? field : "message");
      item->SetValue("MESSAGE", message);
      if (it != sections.end())
        section->AddSectionDictionary(it->second)->SetValue("TEXT", message);
      else
        d.AddSectionDictionary("MESSAGE_ERR")->SetValue("TEXT", message);
    }
  }
  return page.Render(services.templates, status);
}

Response AfterSend(const Request& request, const WebServices& services, EnquiryKind kind,
                   std::int64_t organisation_id, const Result<std::int64_t>& sent) {
  if (sent) return Redirect("/mes-messages?info=envoye");
  const auto code = sent.error().code;
  if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kResourceExhausted ||
      code == ErrorCode::kPermissionDenied)
    return FormPage(request, services, kind, organisation_id, &sent.error(), HttpStatusFor(code));
  return ErrorResponse(request, services.templates, sent.error());
}

Response MinePage(const Request& request, const WebServices& services) {
  auto mine = Service(services).Mine(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mes messages", "pages/enquiry_mine.tpl");
  page.Form();
  if (request.Query("info") == "envoye")
    page.Notice("success",
                "Votre message est envoyé : l'organisation est prévenue par e-mail. Sa réponse "
                "s'affichera ici.");
  if (mine->empty()) page.Show("NONE");
  for (const auto& v : *mine) {
    const auto& e = v.enquiry;
    Dict* row = page.dict().AddSectionDictionary("ENQUIRY");
    row->SetValue("ID", std::to_string(e.id));
    row->SetValue("CSRF", request.CsrfToken());
    row->SetValue("KIND", std::string(enquiries::KindLabel(e.kind)));
    row->SetValue("ORGANISATION", v.organisation_name);
    if (!v.training_title.empty())
      row->SetValueAndShowSection("TRAINING_TITLE", v.training_title, "TRAINING");
    if (!e.subject.empty())
      row->SetValueAndShowSection("SUBJECT_LABEL", std::string(enquiries::SubjectLabel(e.subject)),
                                  "SUBJECT");
    row->SetValue("DATE", FrenchDay(e.created_at));
    row->SetValue("STATUS", std::string(enquiries::StatusLabel(e.status)));
    row->SetValue("STATUS_CODE", std::string(enquiries::StatusCode(e.status)));
    AddLines(*row, "MESSAGE_LINE", e.message);
    for (const auto& reply : v.replies) {
      Dict* r = row->AddSectionDictionary("REPLY");
      r->SetValue("DATE", FrenchDay(reply.created_at));
      AddLines(*r, "LINE", reply.body);
    }
    if (v.replies.empty() && e.status != EnquiryStatus::kClosed) row->ShowSection("WAITING");
    if (e.status != EnquiryStatus::kClosed) row->ShowSection("OPEN");
  }
  return page.Render(services.templates);
}

Response EmployerPage(const Request& request, const WebServices& services, std::int64_t id) {
  auto employer = Service(services).Employer(id);
  if (!employer) return ErrorResponse(request, services.templates, employer.error());
  Page page(request, employer->organisation.name, "pages/enquiry_employer.tpl");
  page.Set("NAME", employer->organisation.name).Set("ID", std::to_string(id));
  if (!employer->commune_name.empty())
    page.dict().SetValueAndShowSection("COMMUNE", employer->commune_name, "HAS_COMMUNE");
  if (employer->offers.empty()) page.Show("NO_OFFER");
  for (const auto& o : employer->offers) {
    Dict* row = page.dict().AddSectionDictionary("OFFER");
    row->SetValue("ID", std::to_string(o.id));
    row->SetValue("TITLE", o.input.title);
  }
  return page.Render(services.templates);
}

// ---------- The organisations' side ----------

std::string BaseOf(const people::Actor& actor) {
  return actor.role == Role::kCfa ? kCfaBase : kEmployerBase;
}

Response InboxPage(const Request& request, const WebServices& services) {
  const auto status = enquiries::ParseStatus(request.Query("statut"));
  auto inbox = Service(services).InboxOf(*request.actor, status);
  if (!inbox) return ErrorResponse(request, services.templates, inbox.error());
  const bool cfa = request.actor->role == Role::kCfa;
  const std::string base = BaseOf(*request.actor);
  Page page(request, cfa ? "Demandes d'informations" : "Candidatures spontanées",
            "pages/enquiry_inbox.tpl");
  Dict& d = page.dict();
  d.SetValue("BASE", base);
  d.SetValue("HEADING", cfa ? "Demandes d'informations" : "Candidatures spontanées");
  d.SetValue("LEAD", cfa ? "Les questions des jeunes sur votre CFA et vos formations. Une "
                           "réponse rapide les aide à choisir."
                         : "Les jeunes qui vous écrivent sans répondre à une offre. Même « pas de "
                           "poste pour le moment » compte pour eux.");
  Dict* any = d.AddSectionDictionary("STATUS_OPTION");
  any->SetValue("VALUE", "");
  any->SetValue("LABEL", "Tous les états");
  for (auto s : enquiries::AllStatuses()) {
    Dict* option = d.AddSectionDictionary("STATUS_OPTION");
    option->SetValue("VALUE", std::string(enquiries::StatusCode(s)));
    option->SetValue("LABEL", fmt::format("{} ({})", enquiries::StatusLabel(s), inbox->counts[s]));
    if (status == s) option->ShowSection("SELECTED");
    Dict* count = d.AddSectionDictionary("COUNT");
    count->SetValue("LABEL", std::string(enquiries::StatusLabel(s)));
    count->SetValue("N", std::to_string(inbox->counts[s]));
  }
  d.SetValue("TOTAL", std::to_string(inbox->total));
  if (inbox->entries.empty()) d.ShowSection("NONE");
  for (const auto& v : inbox->entries) {
    const auto& e = v.enquiry;
    Dict* row = d.AddSectionDictionary("ENTRY");
    row->SetValue("ID", std::to_string(e.id));
    row->SetValue("BASE", base);
    row->SetValue("NAME", v.author_name);
    if (e.kind == EnquiryKind::kInformation)
      row->SetValueAndShowSection(
          "TOPIC_TEXT",
          v.training_title.empty()
              ? std::string(enquiries::SubjectLabel(e.subject))
              : fmt::format("{} ({})", enquiries::SubjectLabel(e.subject), v.training_title),
          "TOPIC");
    row->SetValue("DATE", FrenchDay(e.created_at));
    row->SetValue("STATUS", std::string(enquiries::StatusLabel(e.status)));
    row->SetValue("STATUS_CODE", std::string(enquiries::StatusCode(e.status)));
    if (v.cv) row->ShowSection("CV");
  }
  return page.Render(services.templates);
}

Response ViewPage(const Request& request, const WebServices& services, std::int64_t id,
                  const Error* error, int status) {
  // A member opens it: new → seen (a 404 for anyone else, as View).
  if (auto seen = Service(services).MarkSeen(*request.actor, id); !seen)
    return ErrorResponse(request, services.templates, seen.error());
  auto view = Service(services).View(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  const auto& e = view->enquiry;
  const bool spontaneous = e.kind == EnquiryKind::kSpontaneous;
  const std::string base = BaseOf(*request.actor);
  Page page(request, fmt::format("{} de {}", enquiries::KindLabel(e.kind), view->author_name),
            "pages/enquiry_view.tpl");
  page.Form();
  if (request.Query("info") == "repondu")
    page.Notice("success",
                "Votre réponse est envoyée ; le jeune la reçoit par e-mail et la voit "
                "dans son espace.");
  if (request.Query("info") == "clos") page.Notice("success", "L'échange est clos.");
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  d.SetValue("BASE", base);
  d.SetValue("BACK", spontaneous ? "Toutes les candidatures spontanées" : "Toutes les demandes");
  d.SetValue("ID", std::to_string(e.id));
  d.SetValue("KIND", std::string(enquiries::KindLabel(e.kind)));
  d.SetValue("NAME", view->author_name);
  d.SetValue("EMAIL", view->author_email);
  d.SetValue("STATUS", std::string(enquiries::StatusLabel(e.status)));
  d.SetValue("STATUS_CODE", std::string(enquiries::StatusCode(e.status)));
  d.SetValue("DATE", FrenchDay(e.created_at));
  if (spontaneous) {
    Dict* s = d.AddSectionDictionary("SPONTANEOUS");
    s->SetValue("BASE", base);
    s->SetValue("ID", std::to_string(e.id));
    s->SetValue("START", StartText(e.start_date));
    s->SetValue("RHYTHM", e.rhythm.empty() ? "Non précisé" : e.rhythm);
    s->SetValue("CFA", std::string(applications::CfaPlaceLabel(e.cfa_place)));
    if (view->cv)
      s->SetValueAndShowSection("CV_NAME", view->cv->original_name, "CV");
    else
      s->ShowSection("NO_CV");
  } else {
    Dict* s = d.AddSectionDictionary("INFORMATION");
    s->SetValue("SUBJECT", std::string(enquiries::SubjectLabel(e.subject)));
    s->SetValue("TRAINING",
                view->training_title.empty() ? "Le CFA en général" : view->training_title);
  }
  AddLines(d, "MESSAGE_LINE", e.message);
  if (!view->replies.empty()) d.ShowSection("HAS_REPLIES");
  for (const auto& reply : view->replies) {
    Dict* r = d.AddSectionDictionary("REPLY");
    r->SetValue("DATE", FrenchDay(reply.created_at));
    AddLines(*r, "LINE", reply.body);
  }
  if (e.status != EnquiryStatus::kClosed) {
    Dict* answer = d.AddSectionDictionary("ANSWER");
    answer->SetValue("BASE", base);
    answer->SetValue("ID", std::to_string(e.id));
    answer->SetValue("CSRF", request.CsrfToken());
    answer->SetValue("TEXT_VALUE", request.Form("text"));
    if (spontaneous) {
      Dict* kinds = answer->AddSectionDictionary("KINDS");
      const std::string chosen = request.Form("kind").empty() ? "answer" : request.Form("kind");
      for (const char* code : {"answer", "interview", "no_position"}) {
        Dict* option = kinds->AddSectionDictionary("KIND_OPTION");
        option->SetValue("VALUE", code);
        option->SetValue("LABEL", std::string(enquiries::ReplyKindLabel(code)));
        if (chosen == code) option->ShowSection("CHECKED");
      }
      answer->SetValue("TEXT_LABEL", "Votre texte");
      answer->SetValue("TEXT_HINT",
                       "Réponse : votre message. Entretien : les créneaux proposés (jour, heure, "
                       "lieu). Pas de poste : un mot facultatif.");
    } else {
      answer->ShowSection("FREE");
      answer->SetValue("TEXT_LABEL", "Votre réponse");
      answer->SetValue("TEXT_HINT",
                       "Le jeune la reçoit par e-mail, avec votre adresse pour "
                       "continuer l'échange.");
    }
  }
  return page.Render(services.templates, status);
}

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

void AddOrganisationRoutes(Router& router, const WebServices& services, const std::string& base,
                           Role role) {
  const auto access = Access::Roles({role});
  router.Get(base, access, [&services](Request& request) { return InboxPage(request, services); });
  router.Get(base + "/:id", access,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return ViewPage(request, services, id, nullptr, 200);
             }));
  router.Post(base + "/:id/repondre", access,
              WithId(services, [&services, base](Request& request, std::int64_t id) {
                auto done = Service(services).Answer(*request.actor, id, request.Form("kind"),
                                                     request.Form("text"), request.client_address);
                if (done) return Redirect(fmt::format("{}/{}?info=repondu", base, id));
                const auto code = done.error().code;
                if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kFailedPrecondition)
                  return ViewPage(request, services, id, &done.error(), HttpStatusFor(code));
                return ErrorResponse(request, services.templates, done.error());
              }));
  router.Post(base + "/:id/clore", access,
              WithId(services, [&services, base](Request& request, std::int64_t id) {
                auto done = Service(services).Close(*request.actor, id, request.client_address);
                if (!done) return ErrorResponse(request, services.templates, done.error());
                return Redirect(fmt::format("{}/{}?info=clos", base, id));
              }));
}

// ---------- Unsubscribing (issue 5 §7) ----------

Response UnsubscribePage(const Request& request, const WebServices& services, bool post) {
  const std::string email = post ? request.Form("adresse") : request.Query("adresse");
  const std::string list = post ? request.Form("liste") : request.Query("liste");
  const std::string key = post ? request.Form("cle") : request.Query("cle");
  Status done = services.store.Write([&](Repositories& repos) -> Status {
    if (!post) return outbox::CheckUnsubscribeKey(repos, email, list, key);
    return outbox::Unsubscribe(repos, email, list, key, std::time(nullptr));
  });
  Page page(request, "Se désabonner", "pages/enquiry_unsubscribe.tpl");
  if (!done) {
    if (done.error().code != ErrorCode::kNotFound)
      return ErrorResponse(request, services.templates, done.error());
    page.Errors(done.error());
    return page.Render(services.templates, 404);
  }
  Dict* section = page.dict().AddSectionDictionary(post ? "DONE" : "ASK");
  section->SetValue("EMAIL", text::NormalizeEmail(email));
  section->SetValue("LIST", std::string(outbox::ListLabel(list)));
  section->SetValue("LIST_CODE", list);
  section->SetValue("KEY", key);
  return page.Render(services.templates);
}

}  // namespace

void AddEnquiryPages(Router& router, const WebServices& services) {
  const auto young = Access::Roles({Role::kYoungPerson});
  router.Get("/entreprises/:id", Access::Public(),
             WithId(services, [&services](Request& request, std::int64_t id) {
               return EmployerPage(request, services, id);
             }));
  router.Get("/entreprises/:id/candidature", young,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return FormPage(request, services, EnquiryKind::kSpontaneous, id, nullptr, 200);
             }));
  router.Post("/entreprises/:id/candidature", young,
              WithId(services, [&services](Request& request, std::int64_t id) {
                applications::ApplicationInput input;
                input.message = request.Form("message");
                input.start_date = request.Form("start_date");
                input.rhythm = request.Form("rhythm");
                input.cfa_place = request.Form("cfa_place");
                input.with_cv = !request.Form("with_cv").empty();
                return AfterSend(request, services, EnquiryKind::kSpontaneous, id,
                                 Service(services).ApplySpontaneously(*request.actor, id, input,
                                                                      request.client_address));
              }));
  router.Get("/cfas/:id/demande", young,
             WithId(services, [&services](Request& request, std::int64_t id) {
               return FormPage(request, services, EnquiryKind::kInformation, id, nullptr, 200);
             }));
  router.Post(
      "/cfas/:id/demande", young, WithId(services, [&services](Request& request, std::int64_t id) {
        enquiries::InformationInput input;
        input.training_id = ParseId(request.Form("formation")).value_or(0);
        input.subject = request.Form("subject");
        input.message = request.Form("message");
        return AfterSend(
            request, services, EnquiryKind::kInformation, id,
            Service(services).AskInformation(*request.actor, id, input, request.client_address));
      }));
  router.Get("/mes-messages", young,
             [&services](Request& request) { return MinePage(request, services); });
  router.Post("/mes-messages/:id/clore", young,
              WithId(services, [&services](Request& request, std::int64_t id) {
                auto done = Service(services).Close(*request.actor, id, request.client_address);
                if (!done) return ErrorResponse(request, services.templates, done.error());
                return Redirect(fmt::format("/mes-messages#message-{}", id));
              }));

  AddOrganisationRoutes(router, services, kEmployerBase, Role::kEmployer);
  router.Get(std::string(kEmployerBase) + "/:id/cv", Access::Roles({Role::kEmployer}),
             WithId(services, [&services](Request& request, std::int64_t id) {
               auto read = Service(services).ReadCv(*request.actor, id);
               if (!read) return ErrorResponse(request, services.templates, read.error());
               return Download(std::move(read->second), read->first.content_type,
                               read->first.original_name, "cv");
             }));
  AddOrganisationRoutes(router, services, kCfaBase, Role::kCfa);

  // The one-click unsubscribe link of non-transactional mail: opening it changes nothing (mail
  // scanners open links); the button, or a mail client's RFC 8058 one-click POST, does. The
  // POST needs no CSRF token: its signed key is what authorises it.
  router.Get("/desabonnement", Access::Public(),
             [&services](Request& request) { return UnsubscribePage(request, services, false); });
  router.Add(Route{"POST", "/desabonnement", Access::Public(), BodyKind::kForm,
                   [&services](Request& request) {
                     // RFC 8058 clients post the link's own URL: its query holds the key.
                     if (request.Form("cle").empty() && !request.Query("cle").empty()) {
                       request.form.emplace_back("adresse", request.Query("adresse"));
                       request.form.emplace_back("liste", request.Query("liste"));
                       request.form.emplace_back("cle", request.Query("cle"));
                     }
                     return UnsubscribePage(request, services, true);
                   },
                   /*csrf=*/false});
}

}  // namespace maplace::web
