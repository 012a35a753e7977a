// The requester's side of aid requests (issue 7): « Mes demandes d'aide » for young people,
// employers and CFAs, one request's page (state, what is missing, the thread, documents, bank
// details) and its forms. Every decision is aid_requests::AidRequestService's: this file reads
// forms, calls it and says its answers in French; a request the actor may not see is a 404.
#include <fmt/format.h>

#include <charconv>
#include <set>

#include "core/time_format.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;
using aid_requests::RequestState;
using people::Role;

constexpr char kBase[] = "/mes-demandes";
// kBase + suffix (by fmt: GCC 12 at -O2 takes `std::string + literal` here for an overflow).
std::string Under(std::string_view suffix) { return fmt::format("{}{}", kBase, suffix); }

// What each state means for the person who asked.
std::string_view StateMeaning(RequestState state) {
  switch (state) {
    case RequestState::kDraft:
      return "Votre demande n'est pas encore envoyée : ajoutez vos pièces justificatives et vos "
             "coordonnées bancaires, puis envoyez-la.";
    case RequestState::kSubmitted:
      return "Votre demande est envoyée. Un conseiller de la délégation va l'étudier.";
    case RequestState::kUnderInstruction:
      return "Un conseiller étudie votre demande. Il peut vous écrire ici s'il lui manque "
             "quelque chose.";
    case RequestState::kComplementRequested:
      return "Le conseiller a besoin d'un complément : lisez ce qui manque, ajoutez-le puis "
             "répondez.";
    case RequestState::kApproved:
      return "Votre demande est acceptée. Le montant va être réservé puis versé.";
    case RequestState::kRejected:
      return "Votre demande est refusée. Le motif est indiqué dans l'historique.";
    case RequestState::kCommitted:
      return "Le montant est réservé pour vous : le virement sera fait prochainement.";
    case RequestState::kPaid:
      return "L'aide est payée : le virement est parti vers le compte indiqué.";
    case RequestState::kClosed:
      return "Le dossier est clos.";
  }
  return "";
}

// A line of the thread: what happened, in French.
std::string KindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"message", "Message"},
      {"submit", "Demande envoyée"},
      {"take_up", "Instruction commencée"},
      {"request_complement", "Complément demandé"},
      {"answer_complement", "Complément envoyé"},
      {"approve", "Demande acceptée"},
      {"reject", "Demande refusée"},
      {"commit", "Montant réservé"},
      {"pay_instalment", "Versement effectué"},
      {"close", "Dossier clos"}};
  auto it = labels.find(kind);
  return it == labels.end() ? "Étape" : it->second;
}

bool OpenForRequester(RequestState state) {
  return state == RequestState::kDraft || state == RequestState::kSubmitted ||
         state == RequestState::kUnderInstruction || state == RequestState::kComplementRequested;
}

// Who wrote a line, as the requester reads it.
std::string AuthorLabel(const WebServices& services, const people::Actor& actor,
                        const aid_requests::RequestRecord& record, std::int64_t author_id) {
  if (author_id == actor.user_id) return "Vous";
  if (author_id == record.request.hands.requester) return "Le demandeur";
  std::string label = "La délégation";
  auto read = services.store.Read([&](Repositories& repos) -> Status {
    auto user = repos.users().FindById(author_id);
    if (user) {
      label = people::IsStaff(user->role)
                  ? fmt::format("{} de la délégation", people::RoleLabel(user->role))
                  : std::string(people::RoleLabel(user->role));
    }
    return {};
  });
  (void)read;
  return label;
}

void FieldError(Dict& dict, const std::map<std::string, std::string>& errors,
                const std::string& field, const std::string& section) {
  auto it = errors.find(field);
  if (it != errors.end()) dict.SetValueAndShowSection(section + "_ERROR", it->second, section);
}

// One request's page; `error` (a refused form) is shown at the top and by its field.
Response RequestPage(Request& request, const WebServices& services, std::int64_t id,
                     const Error* error, int status) {
  auto view = services.aid_requests.View(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  const auto& record = view->record;
  const auto& r = record.request;
  const std::string name = AidName(services, r.aid_id);
  Page page(request, fmt::format("Demande n° {} — {}", r.id, name), "pages/aid_request.tpl");
  page.Form();
  Error shown;
  if (error != nullptr) {
    shown = *error;
    // Fields that are not this page's (the aid, the amount at submission) become a notice.
    static const std::set<std::string> own = {"complement", "document", "holder",
                                              "iban",       "bic",      "message"};
    std::string others;
    for (auto it = shown.fields.begin(); it != shown.fields.end();) {
      if (own.count(it->first)) {
        ++it;
        continue;
      }
      others += (others.empty() ? "" : " ") + it->second;
      it = shown.fields.erase(it);
    }
    if (shown.fields.empty()) page.Notice("error", others.empty() ? shown.message : others);
    if (!shown.fields.empty()) page.Errors(shown);
  }
  const std::string info = request.Query("info");
  static const std::map<std::string, std::string> notices = {
      {"creee",
       "Votre demande est créée. Ajoutez vos pièces et vos coordonnées bancaires, "
       "puis envoyez-la."},
      {"envoyee", "Votre demande est envoyée à la délégation."},
      {"complement", "Votre complément est envoyé au conseiller."},
      {"message", "Votre message est envoyé."},
      {"piece", "La pièce est ajoutée à votre demande."},
      {"banque", "Vos coordonnées bancaires sont enregistrées."}};
  if (auto it = notices.find(info); it != notices.end() && error == nullptr)
    page.Notice("success", it->second);

  Dict& d = page.dict();
  const std::string base = fmt::format("{}/{}", kBase, r.id);
  d.SetValue("ID", std::to_string(r.id));
  d.SetValue("BASE", base);
  d.SetValue("AID_NAME", name);
  d.SetValue("STATE", std::string(aid_requests::StateLabel(r.state)));
  d.SetValue("STATE_CODE", std::string(aid_requests::StateCode(r.state)));
  d.SetValue("MEANING", std::string(StateMeaning(r.state)));
  d.SetValue("AMOUNT", Euros(r.amount_cents));
  if (r.paid_cents > 0) d.SetValueAndShowSection("PAID", Euros(r.paid_cents), "HAS_PAID");
  d.SetValue("BENEFICIARY", record.beneficiary_name);
  d.SetValue("CREATED", FormatFrenchDateTime(r.created_at));
  d.SetValue("UPDATED", FormatFrenchDateTime(r.updated_at));
  if (!record.decision_reason.empty())
    d.SetValueAndShowSection("REASON", record.decision_reason, "DECISION");

  // « Ce qui manque »: the advisor's last complement request.
  if (r.state == RequestState::kComplementRequested) {
    std::string missing;
    for (const auto& m : view->messages)
      if (m.kind == "request_complement") missing = m.body;
    Dict* section = d.AddSectionDictionary("MISSING");
    section->SetValue("MISSING_TEXT", missing.empty() ? "Le conseiller n'a pas précisé." : missing);
    section->SetValue("CSRF", request.CsrfToken());
    FieldError(*section, shown.fields, "complement", "COMPLEMENT_INVALID");
    if (error != nullptr && shown.fields.count("complement"))
      section->SetValue("COMPLEMENT_VALUE", request.Form("message"));
  }
  if (r.state == RequestState::kDraft) {
    Dict* submit = d.AddSectionDictionary("SUBMIT");
    submit->SetValue("CSRF", request.CsrfToken());
  }

  for (const auto& m : view->messages) {
    Dict* line = d.AddSectionDictionary("LINE");
    line->SetValue("KIND", KindLabel(m.kind));
    line->SetValue("AUTHOR", AuthorLabel(services, *request.actor, record, m.author_id));
    line->SetValue("WHEN", FormatFrenchDateTime(m.created_at));
    line->SetValue("WHEN_ISO", FormatUtcIso8601(m.created_at));
    if (!m.body.empty()) line->SetValueAndShowSection("BODY", m.body, "HAS_BODY");
  }
  if (view->messages.empty()) d.ShowSection("NO_LINES");

  for (const auto& doc : view->documents) {
    Dict* row = d.AddSectionDictionary("DOCUMENT");
    row->SetValue("DOC_HREF", fmt::format("{}/pieces/{}", base, doc.id));
    row->SetValue("DOC_NAME", doc.original_name);
    row->SetValue("DOC_SIZE", fmt::format("{:.1f} Ko", static_cast<double>(doc.size_bytes) / 1024));
    row->SetValue("DOC_WHEN", FormatFrenchDateTime(doc.created_at));
  }
  if (view->documents.empty()) d.ShowSection("NO_DOCUMENTS");

  if (!view->iban_masked.empty()) {
    Dict* bank = d.AddSectionDictionary("BANK");
    bank->SetValue("HOLDER", view->bank_holder);
    bank->SetValue("IBAN_MASKED", view->iban_masked);
  } else {
    d.ShowSection("NO_BANK");
  }

  const bool open = OpenForRequester(r.state);
  if (open) {
    Dict* upload = d.AddSectionDictionary("UPLOAD");
    upload->SetValue("CSRF", request.CsrfToken());
    FieldError(*upload, shown.fields, "document", "DOCUMENT_INVALID");
    Dict* bank = d.AddSectionDictionary("BANK_FORM");
    bank->SetValue("CSRF", request.CsrfToken());
    if (!view->iban_masked.empty()) bank->ShowSection("REPLACE");
    for (const char* field : {"holder", "iban", "bic"}) {
      std::string upper = field;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      FieldError(*bank, shown.fields, field, upper + "_INVALID");
      // The IBAN typed is never sent back into the page.
      if (error != nullptr && std::string(field) != "iban")
        bank->SetValue(upper + "_VALUE", request.Form(field));
    }
  }
  Dict* message = d.AddSectionDictionary("MESSAGE_FORM");
  message->SetValue("CSRF", request.CsrfToken());
  FieldError(*message, shown.fields, "message", "MESSAGE_INVALID");
  if (error != nullptr && shown.fields.count("message"))
    message->SetValue("MESSAGE_VALUE", request.Form("message"));
  return page.Render(services.templates, status);
}

// After a form: the request again on success, the page with the service's French error
// otherwise. `rename` moves a field of the error onto the form's own field id.
template <typename T>
Response AfterForm(Request& request, const WebServices& services, std::int64_t id,
                   const Result<T>& done, const std::string& info,
                   const std::pair<std::string, std::string>& rename = {}) {
  if (done) return Redirect(fmt::format("{}/{}?info={}#contenu", kBase, id, info));
  Error error = done.error();
  switch (error.code) {
    case ErrorCode::kNotFound:
    case ErrorCode::kUnavailable:
    case ErrorCode::kInternal:
    case ErrorCode::kUnauthenticated:
      return ErrorResponse(request, services.templates, error);
    default:
      break;
  }
  if (!rename.first.empty()) {
    if (auto it = error.fields.find(rename.first); it != error.fields.end()) {
      auto text = it->second;
      error.fields.erase(it);
      error.fields.emplace(rename.second, std::move(text));
    }
  }
  return RequestPage(request, services, id, &error, HttpStatusFor(error.code));
}

Response MyRequests(Request& request, const WebServices& services) {
  auto mine = services.aid_requests.Mine(*request.actor);
  if (!mine) return ErrorResponse(request, services.templates, mine.error());
  Page page(request, "Mes demandes d'aide", "pages/aid_requests.tpl");
  if (request.actor->role != Role::kYoungPerson) page.Show("ORGANISATION");
  for (const auto& record : *mine) {
    const auto& r = record.request;
    Dict* row = page.dict().AddSectionDictionary("REQUEST");
    row->SetValue("HREF", fmt::format("{}/{}", kBase, r.id));
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("AID_NAME", AidName(services, r.aid_id));
    row->SetValue("STATE", std::string(aid_requests::StateLabel(r.state)));
    row->SetValue("STATE_CODE", std::string(aid_requests::StateCode(r.state)));
    row->SetValue("AMOUNT", Euros(r.amount_cents));
    row->SetValue("BENEFICIARY", record.beneficiary_name);
    row->SetValue("CREATED", FormatFrenchDateTime(r.created_at));
  }
  if (mine->empty()) page.Show("NONE");
  return page.Render(services.templates);
}

Response DownloadDocument(Request& request, const WebServices& services, std::int64_t id,
                          std::int64_t document_id) {
  // View decides who may see the request; its list gives the stored type.
  auto view = services.aid_requests.View(*request.actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  const aid_requests::Document* document = nullptr;
  for (const auto& doc : view->documents)
    if (doc.id == document_id) document = &doc;
  if (document == nullptr) return ErrorResponse(request, services.templates, 404);
  auto bytes = services.aid_requests.ReadDocument(*request.actor, id, document_id);
  if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
  return Download(std::move(*bytes), document->content_type, "",
                  fmt::format("piece-{}", document->id));
}

}  // namespace

void AddRequestPages(Router& router, const WebServices& services) {
  const auto requesters = Access::Roles({Role::kYoungPerson, Role::kEmployer, Role::kCfa});
  // Each handler parses the id first: anything else is a 404, like a request of someone else.
  auto with_id = [&services](auto body) {
    return [&services, body](Request& request) {
      auto id = ParseId(request.Param("id"));
      if (!id) return ErrorResponse(request, services.templates, 404);
      return body(request, *id);
    };
  };
  router.Get(kBase, requesters,
             [&services](Request& request) { return MyRequests(request, services); });
  router.Get(Under("/:id"), requesters, with_id([&services](Request& request, std::int64_t id) {
               return RequestPage(request, services, id, nullptr, 200);
             }));
  router.Post(Under("/:id/envoyer"), requesters,
              with_id([&services](Request& request, std::int64_t id) {
                return AfterForm(request, services, id,
                                 services.aid_requests.Submit(*request.actor, id), "envoyee");
              }));
  router.Post(
      Under("/:id/complement"), requesters, with_id([&services](Request& request, std::int64_t id) {
        return AfterForm(
            request, services, id,
            services.aid_requests.AnswerComplement(*request.actor, id, request.Form("message")),
            "complement", {"message", "complement"});
      }));
  router.Post(Under("/:id/message"), requesters,
              with_id([&services](Request& request, std::int64_t id) {
                return AfterForm(
                    request, services, id,
                    services.aid_requests.PostMessage(*request.actor, id, request.Form("message")),
                    "message");
              }));
  router.Post(Under("/:id/pieces"), requesters,
              with_id([&services](Request& request, std::int64_t id) {
                const UploadedFile* file = nullptr;
                for (const auto& f : request.files)
                  if (f.field == "document" && !f.filename.empty()) file = &f;
                Result<aid_requests::Document> added =
                    file == nullptr
                        ? Result<aid_requests::Document>(FailFields(
                              "no file", {{"document", "Choisissez un fichier PDF, JPEG ou PNG."}}))
                        : services.aid_requests.AddDocument(*request.actor, id, file->bytes,
                                                            file->filename);
                return AfterForm(request, services, id, added, "piece");
              }),
              BodyKind::kMultipart);
  router.Get(Under("/:id/pieces/:document"), requesters,
             with_id([&services](Request& request, std::int64_t id) {
               auto document_id = ParseId(request.Param("document"));
               if (!document_id) return ErrorResponse(request, services.templates, 404);
               return DownloadDocument(request, services, id, *document_id);
             }));
  router.Post(Under("/:id/banque"), requesters,
              with_id([&services](Request& request, std::int64_t id) {
                return AfterForm(
                    request, services, id,
                    services.aid_requests.SetBankAccount(*request.actor, id, request.Form("holder"),
                                                         request.Form("iban"), request.Form("bic")),
                    "banque");
              }));
}

}  // namespace maplace::web
