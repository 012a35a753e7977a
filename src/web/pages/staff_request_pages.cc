// The staff side of aid requests (issue 7 §2): the queues, and one request with its documents,
// the engine's re-evaluation, the thread and the actions the workflow allows this person.
// The service enforces the four-eyes rules; the page only hides what would be refused.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/time_format.h"
#include "domain/aid_requests/exports.h"
#include "domain/aids/json.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {

namespace {

using aid_requests::Queue;
using aid_requests::RequestAction;
using aid_requests::RequestState;
using Dict = ctemplate::TemplateDictionary;

struct QueueInfo {
  Queue queue;
  const char* key;
  const char* title;
  const char* who;
};

constexpr QueueInfo kQueues[] = {
    {Queue::kToInstruct, "a-instruire", "À instruire",
     "Demandes envoyées ou en instruction : un conseiller les prend en charge et les instruit."},
    {Queue::kWaitingForComplement, "complement", "En attente de complément",
     "Le demandeur doit compléter sa demande."},
    {Queue::kToApprove, "a-accorder", "À accorder",
     "Demandes au-delà du seuil : un responsable de la direction, autre que l'instructeur, "
     "les accorde ou les refuse."},
    {Queue::kToCommit, "a-engager", "À engager",
     "Demandes accordées : un responsable de la direction engage la dépense sur une enveloppe."},
    {Queue::kToPay, "a-payer", "À payer",
     "Demandes engagées : le service financier les paie par lots de virements."},
};

std::string KindLabel(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"message", "message"},
      {"submit", "demande envoyée"},
      {"take_up", "prise en charge"},
      {"request_complement", "complément demandé"},
      {"answer_complement", "complément apporté"},
      {"approve", "demande accordée"},
      {"reject", "demande refusée"},
      {"commit", "dépense engagée"},
      {"pay_instalment", "versement"},
      {"close", "demande close"},
  };
  auto found = labels.find(kind);
  return found != labels.end() ? found->second : kind;
}

bool Allowed(const aid_requests::RequestRecord& record, RequestAction action,
             const people::Actor& actor, const aid_requests::Policy& policy) {
  const std::int64_t remaining = record.request.amount_cents - record.request.paid_cents;
  return aid_requests::Check(record.request, action, actor, policy, remaining).has_value();
}

// What went wrong with one of the page's forms, shown beside it.
struct FormError {
  std::string form;  // "complement", "decision", "commit", "note", or "" (above the actions)
  Error error;
  std::map<std::string, std::string> values;  // what was typed, shown again
};

// The engine's evaluation of the stored situation on the rules in force, in
// partials/sim_aids.tpl (the request's aid only) and partials/sim_checks.tpl.
void FillReevaluation(Page& page, const WebServices& services,
                      const aid_requests::RequestRecord& record) {
  auto problem = [&](const std::string& text) {
    page.dict().AddSectionDictionary("REEVALUATION_ERROR")->SetValue("TEXT", text);
  };
  auto json = nlohmann::json::parse(record.situation_json, nullptr, false);
  if (json.is_discarded()) return problem("La situation enregistrée ne peut pas être relue.");
  auto situation = aids::SituationFromJson(json);
  if (!situation) return problem("La situation enregistrée ne peut pas être relue.");
  auto evaluation = services.aids.Simulate(*situation);
  if (!evaluation) return problem("Le moteur n'a pas pu évaluer la situation enregistrée.");
  const aids::Aid* aid = nullptr;
  for (const auto& candidate : evaluation->aids) {
    if (candidate.id == record.request.aid_id) aid = &candidate;
  }
  if (aid == nullptr) return problem("Cette aide n'existe plus dans les règles en vigueur.");

  Dict* list = page.dict().AddIncludeDictionary("AIDS");
  list->SetFilename("partials/sim_aids.tpl");
  Dict* group = list->AddSectionDictionary("GROUP");
  group->SetValue("GROUP_ID", "reevaluation-resultat");
  group->SetValue("HEADING", aid->eligible
                                 ? "La situation enregistrée ouvre toujours droit à cette aide"
                                 : "La situation enregistrée n'ouvre plus droit à cette aide");
  Dict* d = group->AddSectionDictionary("AID");
  d->SetValue("AID_ID", aid->id);
  d->SetValue("NAME", aid->name);
  d->SetValue("AMOUNT", (aid->amount_is_maximum ? "Jusqu'à " : "") + Euros(aid->amount_cents) +
                            " selon les règles en vigueur");
  d->SetValue("PAYER", aid->payer);
  d->SetValue("HOW", aid->how_to_ask);
  if (!aid->conditions.empty()) d->ShowSection("HAS_CONDITIONS");
  for (const auto& c : aid->conditions) {
    Dict* cd = d->AddSectionDictionary("CONDITION");
    cd->SetValue("TEXT", c.sentence);
    cd->SetValue("STATE", c.met ? "met" : "missed");
    cd->SetValue("MARK", c.met ? "\u2713" : "\u2717");
    cd->SetValue("STATE_TEXT", c.met ? "Condition remplie" : "Condition non remplie");
    if (!c.legal_refs.empty())
      cd->SetValueAndShowSection("CREFS", JoinText(c.legal_refs, " ; "), "CONDITION_REFS");
  }
  for (const auto& line : aid->explanation) d->AddSectionDictionary("LINE")->SetValue("TEXT", line);
  if (!aid->legal_refs.empty())
    d->SetValueAndShowSection("REFS_TEXT", JoinText(aid->legal_refs, " ; "), "REFS");

  Dict* checks = page.dict().AddIncludeDictionary("CHECKS");
  checks->SetFilename("partials/sim_checks.tpl");
  bool any = false;
  for (const auto& check : evaluation->checks) {
    if (check.ok) continue;
    Dict* c = checks->AddSectionDictionary("CHECK");
    c->SetValue("TEXT", check.sentence);
    if (!check.legal_refs.empty())
      c->SetValueAndShowSection("REFS_TEXT", JoinText(check.legal_refs, " ; "), "REFS");
    any = true;
  }
  if (any) checks->ShowSection("CHECKS");
}

// A form's error box: the field's message when the error names one, its message otherwise.
void FillFormSection(Dict& section, const FormError* error, const std::string& form,
                     const std::string& field) {
  if (error == nullptr || error->form != form) return;
  auto found = error->error.fields.find(field);
  const std::string message =
      found != error->error.fields.end() ? found->second : error->error.message;
  section.SetValueAndShowSection("MESSAGE", message, "INVALID");
  auto value = error->values.find(field);
  if (value != error->values.end()) section.SetValue("VALUE", value->second);
}

Response RequestPage(Request& request, const WebServices& services, std::int64_t id,
                     const FormError* error) {
  const people::Actor& actor = *request.actor;
  auto view = services.aid_requests.View(actor, id);
  if (!view) return ErrorResponse(request, services.templates, view.error());
  const aid_requests::RequestRecord& record = view->record;
  const aid_requests::AidRequest& r = record.request;
  const auto& policy = services.aid_requests.policy();

  Page page(request, fmt::format("Demande n° {}", id), "pages/staff_request.tpl");
  page.Form();
  Names names(services);
  const std::string sid = std::to_string(id);
  page.Set("ID", sid);
  page.Set("AID", AidName(services, r.aid_id));
  page.Set("STATE", aid_requests::StateLabel(r.state));
  page.Set("REQUESTER", names.Of(r.hands.requester));
  if (!record.beneficiary_name.empty())
    page.dict().AddSectionDictionary("BENEFICIARY")->SetValue("NAME", record.beneficiary_name);
  page.Set("AMOUNT", Euros(r.amount_cents));
  page.Set("PAID", Euros(r.paid_cents));
  page.Set("CREATED", FormatFrenchDateTime(r.created_at));
  page.Set("UPDATED", FormatFrenchDateTime(r.updated_at));
  if (r.hands.instructor)
    page.dict().AddSectionDictionary("INSTRUCTOR")->SetValue("NAME", names.Of(*r.hands.instructor));
  if (r.hands.approver)
    page.dict().AddSectionDictionary("APPROVER")->SetValue("NAME", names.Of(*r.hands.approver));
  if (r.hands.committer)
    page.dict().AddSectionDictionary("COMMITTER")->SetValue("NAME", names.Of(*r.hands.committer));
  if (!record.decision_reason.empty())
    page.dict().AddSectionDictionary("REASON")->SetValue("TEXT", record.decision_reason);
  if (view->bank_holder.empty()) {
    page.Show("NO_BANK");
  } else {
    Dict* bank = page.dict().AddSectionDictionary("BANK");
    bank->SetValue("HOLDER", view->bank_holder);
    bank->SetValue("IBAN", view->iban_masked);
  }

  // The envelopes: the committed one, and those of the same aid and year to commit against.
  auto envelopes = ListEnvelopes(services, std::nullopt);
  const int year = YearOf(r.created_at);
  if (record.envelope_id && envelopes) {
    for (const auto& e : *envelopes) {
      if (e.id == *record.envelope_id)
        page.dict().AddSectionDictionary("ENVELOPE")->SetValue("LABEL", e.label);
    }
  }

  if (error != nullptr && error->form.empty())
    page.dict().AddSectionDictionary("ACTION_ERROR")->SetValue("TEXT", error->error.message);

  bool any_action = false;
  if (Allowed(record, RequestAction::kTakeUp, actor, policy)) {
    page.dict().AddSectionDictionary("TAKE_UP")->SetValue("ID", sid);
    any_action = true;
  }
  if (Allowed(record, RequestAction::kRequestComplement, actor, policy)) {
    Dict* form = page.dict().AddSectionDictionary("COMPLEMENT");
    form->SetValue("ID", sid);
    FillFormSection(*form, error, "complement", "message");
    any_action = true;
  }
  const bool approve = Allowed(record, RequestAction::kApprove, actor, policy);
  const bool reject = Allowed(record, RequestAction::kReject, actor, policy);
  if (approve || reject) {
    Dict* form = page.dict().AddSectionDictionary("DECISION");
    form->SetValue("ID", sid);
    if (approve) form->ShowSection("APPROVE");
    if (reject) form->ShowSection("REJECT");
    FillFormSection(*form, error, "decision", "reason");
    any_action = true;
  }
  if (Allowed(record, RequestAction::kCommit, actor, policy)) {
    Dict* form = page.dict().AddSectionDictionary("COMMIT");
    form->SetValue("ID", sid);
    form->SetValue("YEAR", std::to_string(year));
    form->SetValue("AMOUNT", Euros(r.amount_cents));
    const std::string chosen = error != nullptr && error->values.count("envelope_id")
                                   ? error->values.at("envelope_id")
                                   : "";
    bool any = false;
    if (envelopes) {
      for (const auto& e : *envelopes) {
        if (e.aid_id != r.aid_id || e.year != year) continue;
        Dict* option = form->AddSectionDictionary("OPTION");
        option->SetValue("VALUE", std::to_string(e.id));
        option->SetValue("LABEL",
                         fmt::format("{} — reste {}", e.label, Euros(e.available_cents())));
        if (chosen == std::to_string(e.id)) option->ShowSection("SELECTED");
        any = true;
      }
    }
    if (any) {
      form->ShowSection("HAS_ENVELOPES");
    } else {
      form->ShowSection("NO_ENVELOPE");
    }
    FillFormSection(*form, error, "commit", "envelope_id");
    any_action = true;
  }
  if (Allowed(record, RequestAction::kPayInstalment, actor, policy)) {
    page.Show("PAY");
    any_action = true;
  }
  if (Allowed(record, RequestAction::kClose, actor, policy)) {
    page.dict().AddSectionDictionary("CLOSE")->SetValue("ID", sid);
    any_action = true;
  }
  if (!any_action) page.Show("NO_ACTIONS");

  FillReevaluation(page, services, record);

  for (const auto& document : view->documents) {
    Dict* d = page.dict().AddSectionDictionary("DOCUMENT");
    d->SetValue("ID", sid);
    d->SetValue("DOC_ID", std::to_string(document.id));
    d->SetValue("NAME", document.original_name);
    d->SetValue("TYPE", document.content_type == "application/pdf" ? "PDF"
                        : document.content_type == "image/png"     ? "PNG"
                                                                   : "JPEG");
    d->SetValue("SIZE", fmt::format("{} Ko", (document.size_bytes + 1023) / 1024));
    d->SetValue("DATE", FormatFrenchDateTime(document.created_at));
  }
  page.Show(view->documents.empty() ? "NO_DOCUMENTS" : "HAS_DOCUMENTS");

  for (const auto& payment : view->payments) {
    Dict* d = page.dict().AddSectionDictionary("PAYMENT");
    d->SetValue("INSTALMENT", std::to_string(payment.instalment));
    d->SetValue("AMOUNT", Euros(payment.amount_cents));
    d->SetValue("DATE", FormatFrenchDateTime(payment.created_at));
    d->SetValue("BATCH", std::to_string(payment.batch_id));
  }
  if (!view->payments.empty()) page.Show("HAS_PAYMENTS");

  for (const auto& message : view->messages) {
    Dict* d = page.dict().AddSectionDictionary("MESSAGE");
    d->SetValue("WHEN", FormatFrenchDateTime(message.created_at));
    d->SetValue("AUTHOR", names.Of(message.author_id));
    d->SetValue("KIND", KindLabel(message.kind));
    if (!message.body.empty()) d->AddSectionDictionary("BODY")->SetValue("TEXT", message.body);
  }
  page.Show(view->messages.empty() ? "NO_MESSAGES" : "HAS_MESSAGES");
  Dict* note = page.dict().AddSectionDictionary("NOTE");
  FillFormSection(*note, error, "note", "body");

  std::string info = request.Query("info");
  if (info == "fait") page.Notice("success", "C'est enregistré.");
  if (info == "message") page.Notice("success", "Le message est envoyé.");
  return page.Render(services.templates, error != nullptr ? HttpStatusFor(error->error.code) : 200);
}

// Runs one action; on failure the page again with the service's French message beside the form.
Response Act(Request& request, const WebServices& services, const std::string& form,
             const std::map<std::string, std::string>& values,
             const std::function<Status(std::int64_t)>& action, const std::string& info = "fait") {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  Status done = action(*id);
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound)
      return ErrorResponse(request, services.templates, done.error());
    FormError error{form, done.error(), values};
    // Refusals that are not about a field of this form go above the actions.
    if (!form.empty() && done.error().fields.empty() &&
        done.error().code != ErrorCode::kInvalidArgument)
      error.form.clear();
    return RequestPage(request, services, *id, &error);
  }
  return Redirect(fmt::format("/conseil/demandes/{}?info={}", *id, info));
}

Status Drop(const Result<aid_requests::RequestRecord>& result) {
  if (!result) return tl::unexpected(result.error());
  return Ok();
}

}  // namespace

void AddStaffRequestPages(Router& router, const WebServices& services) {
  using people::Role;
  const auto readers = Access::Roles({Role::kAdvisor, Role::kManager, Role::kFinance});
  const auto advisors = Access::Roles({Role::kAdvisor});
  const auto deciders = Access::Roles({Role::kAdvisor, Role::kManager});
  const auto managers = Access::Roles({Role::kManager});

  router.Get("/conseil/demandes", readers, [&services](Request& request) {
    Page page(request, "Demandes d'aide", "pages/staff_requests.tpl");
    page.Set("THRESHOLD", Euros(services.aid_requests.policy().approval_threshold_cents));
    Names names(services);
    for (const auto& info : kQueues) {
      auto list = services.aid_requests.List(*request.actor, info.queue);
      if (!list) return ErrorResponse(request, services.templates, list.error());
      Dict* queue = page.dict().AddSectionDictionary("QUEUE");
      queue->SetValue("KEY", info.key);
      queue->SetValue("TITLE", info.title);
      queue->SetValue("WHO", info.who);
      queue->SetValue("COUNT", std::to_string(list->size()));
      if (list->empty()) {
        queue->ShowSection("EMPTY");
        continue;
      }
      Dict* rows = queue->AddSectionDictionary("ROWS");
      rows->SetValue("KEY", info.key);
      rows->SetValue("TITLE", info.title);
      for (const auto& record : *list) {
        const auto& r = record.request;
        Dict* row = rows->AddSectionDictionary("ROW");
        row->SetValue("ID", std::to_string(r.id));
        std::string requester = names.Of(r.hands.requester);
        if (!record.beneficiary_name.empty()) requester += " pour " + record.beneficiary_name;
        row->SetValue("REQUESTER", requester);
        row->SetValue("AID", AidName(services, r.aid_id));
        row->SetValue("AMOUNT", Euros(r.amount_cents));
        row->SetValue("DATE", FormatFrenchDateTime(r.updated_at));
        row->SetValue("STATE", std::string(aid_requests::StateLabel(r.state)));
      }
    }
    return page.Render(services.templates);
  });

  // The year's workbook: requests, envelopes, payments per envelope and month.
  router.Get("/conseil/export-aides.xlsx", readers, [&services](Request& request) {
    const std::string asked = request.Query("annee");
    const UnixSeconds now = std::time(nullptr);
    // This year in Martinique unless asked.
    const int year =
        asked.empty() ? static_cast<int>(MartiniqueDate(now).year()) : std::atoi(asked.c_str());
    auto bytes = aid_requests::YearWorkbook(services.store, *request.actor, year, now);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, fmt::format("aides-{}", year),
                    fmt::format("aides-{}", year));
  });

  router.Get("/conseil/demandes/:id", readers, [&services](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return RequestPage(request, services, *id, nullptr);
  });

  router.Get("/conseil/demandes/:id/documents/:document", readers, [&services](Request& request) {
    auto id = ParseId(request.Param("id"));
    auto document_id = ParseId(request.Param("document"));
    if (!id || !document_id) return ErrorResponse(request, services.templates, 404);
    auto view = services.aid_requests.View(*request.actor, *id);
    if (!view) return ErrorResponse(request, services.templates, view.error());
    const aid_requests::Document* document = nullptr;
    for (const auto& d : view->documents) {
      if (d.id == *document_id) document = &d;
    }
    if (document == nullptr) return ErrorResponse(request, services.templates, 404);
    auto bytes = services.aid_requests.ReadDocument(*request.actor, *id, *document_id);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), document->content_type, document->original_name,
                    fmt::format("piece-{}", document->id));
  });

  router.Post("/conseil/demandes/:id/prendre-en-charge", advisors, [&services](Request& request) {
    return Act(request, services, "", {}, [&](std::int64_t id) {
      return Drop(services.aid_requests.TakeUp(*request.actor, id));
    });
  });
  router.Post("/conseil/demandes/:id/complement", advisors, [&services](Request& request) {
    const std::string message = request.Form("message");
    return Act(request, services, "complement", {{"message", message}}, [&](std::int64_t id) {
      return Drop(services.aid_requests.RequestComplement(*request.actor, id, message));
    });
  });
  router.Post("/conseil/demandes/:id/decision", deciders, [&services](Request& request) {
    const std::string reason = request.Form("reason");
    const std::string decision = request.Form("decision");
    return Act(request, services, "decision", {{"reason", reason}}, [&](std::int64_t id) {
      if (decision == "accorder")
        return Drop(services.aid_requests.Approve(*request.actor, id, reason));
      if (decision == "refuser")
        return Drop(services.aid_requests.Reject(*request.actor, id, reason));
      return Status(FailFields("no decision",
                               {{"reason", "Choisissez d'accorder ou de refuser la demande."}}));
    });
  });
  router.Post("/conseil/demandes/:id/engager", managers, [&services](Request& request) {
    const std::string envelope = request.Form("envelope_id");
    return Act(request, services, "commit", {{"envelope_id", envelope}}, [&](std::int64_t id) {
      auto envelope_id = ParseId(envelope);
      if (!envelope_id)
        return Status(FailFields("no envelope", {{"envelope_id", "Choisissez une enveloppe."}}));
      return Drop(services.aid_requests.Commit(*request.actor, id, *envelope_id));
    });
  });
  router.Post("/conseil/demandes/:id/cloturer", deciders, [&services](Request& request) {
    return Act(request, services, "", {}, [&](std::int64_t id) {
      return Drop(services.aid_requests.Close(*request.actor, id));
    });
  });
  router.Post("/conseil/demandes/:id/message", readers, [&services](Request& request) {
    const std::string body = request.Form("body");
    return Act(
        request, services, "note", {{"body", body}},
        [&](std::int64_t id) -> Status {
          auto posted = services.aid_requests.PostMessage(*request.actor, id, body);
          if (!posted) return tl::unexpected(posted.error());
          return Ok();
        },
        "message");
  });
}

}  // namespace maplace::web
