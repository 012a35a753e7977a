// Budgets (issue 7 §3, §6): the aid envelopes with their consumption per month, and transfers
// between envelopes, proposed by one person and approved by another (a manager).
#include <fmt/format.h>

#include <ctime>
#include <map>

#include "domain/aid_requests/request.h"
#include "domain/budgets/budgets.h"
#include "domain/budgets/consumption.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {

namespace {

using Dict = ctemplate::TemplateDictionary;
using people::Role;

// The form a submission came from, so that its errors and typed values go back there.
enum class Form { kNone, kEnvelope, kTransfer, kDecision };

// The errors of one form, listed at its top (each links to its field).
std::map<std::string, std::string> ShowErrors(Dict& form, const Error& error,
                                              const std::string& fallback_field) {
  std::map<std::string, std::string> errors = error.fields;
  if (errors.empty()) errors[fallback_field] = error.message;
  Dict* box = form.AddIncludeDictionary("FORM_ERRORS");
  box->SetFilename("partials/form_errors.tpl");
  Dict* section = box->AddSectionDictionary("FORM_ERRORS");
  section->SetValue("COUNT_TEXT", errors.size() == 1
                                      ? std::string("Il y a 1 erreur")
                                      : fmt::format("Il y a {} erreurs", errors.size()));
  for (const auto& [field, message] : errors) {
    Dict* item = section->AddSectionDictionary("ERROR");
    item->SetValue("FIELD", field);
    item->SetValue("MESSAGE", message);
  }
  return errors;
}

void Field(Dict& parent, const std::string& include, const std::string& id,
           const std::string& label, const std::string& type, const std::string& value,
           const std::map<std::string, std::string>& errors, const std::string& hint = "") {
  Dict* field = parent.AddIncludeDictionary(include);
  field->SetFilename("partials/text_field.tpl");
  field->SetValue("ID", id);
  field->SetValue("LABEL", label);
  field->SetValue("TYPE", type);
  field->SetValue("VALUE", value);
  field->SetValue("AUTOCOMPLETE", "off");
  if (!hint.empty()) field->SetValueAndShowSection("TEXT", hint, "HINT");
  auto error = errors.find(id);
  if (error != errors.end()) field->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  if (!hint.empty() || error != errors.end()) field->ShowSection("DESCRIBED");
}

void Select(Dict& parent, const std::string& include, const std::string& id,
            const std::string& label,
            const std::vector<std::pair<std::string, std::string>>& options,
            const std::string& value, const std::map<std::string, std::string>& errors) {
  Dict* field = parent.AddIncludeDictionary(include);
  field->SetFilename("partials/select_field.tpl");
  field->SetValue("ID", id);
  field->SetValue("LABEL", label);
  for (const auto& [code, text] : options) {
    Dict* option = field->AddSectionDictionary("OPTION");
    option->SetValue("VALUE", code);
    option->SetValue("LABEL", text);
    if (code == value) option->ShowSection("SELECTED");
  }
  auto error = errors.find(id);
  if (error != errors.end()) field->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
}

budgets::Actor BudgetActor(const Request& request) {
  return {request.actor->user_id, static_cast<UnixSeconds>(std::time(nullptr)),
          request.client_address};
}

std::string EnvelopeName(const budgets::Envelope& e) {
  return fmt::format("{} ({}, n° {})", e.label, e.year, e.id);
}

void AddEnvelopeForm(Dict& page, const Request& request, const WebServices& services,
                     const Error* error) {
  Dict* create = page.AddSectionDictionary("CREATE");
  std::map<std::string, std::string> errors;
  if (error != nullptr) errors = ShowErrors(*create, *error, "aid_id");
  auto typed = [&](const char* name, std::string fallback) {
    return error != nullptr ? request.Form(name) : fallback;
  };
  std::vector<std::pair<std::string, std::string>> aids;
  for (const auto& aid : services.aids.rules()->aids) {
    if (aid_requests::IsRequestable(aid)) aids.emplace_back(aid.id, aid.name);
  }
  Select(*create, "AID_FIELD", "aid_id", "Aide", aids, typed("aid_id", ""), errors);
  Field(*create, "YEAR_FIELD", "year", "Année", "text",
        typed("year", std::to_string(YearOf(std::time(nullptr)))), errors);
  std::vector<std::pair<std::string, std::string>> sources;
  for (auto source : {budgets::FundingSource::kOpco, budgets::FundingSource::kDelegation,
                      budgets::FundingSource::kConvention, budgets::FundingSource::kState})
    sources.emplace_back(std::string(budgets::FundingSourceCode(source)),
                         std::string(budgets::FundingSourceLabel(source)));
  Select(*create, "SOURCE_FIELD", "funding_source", "Source de financement", sources,
         typed("funding_source", "opco"), errors);
  Field(*create, "PARTNER_FIELD", "partner", "Partenaire", "text", typed("partner", ""), errors,
        "Pour une délégation ou une convention : l'OPCO ou le partenaire (LADOM, …).");
  Field(*create, "LABEL_FIELD", "label", "Libellé", "text", typed("label", ""), errors);
  Field(*create, "ALLOCATED_FIELD", "allocated_cents", "Montant alloué, en euros", "text",
        typed("allocated_cents", ""), errors, "Par exemple 50 000 ou 12 500,50.");
}

void AddTransferForm(Dict& page, const Request& request,
                     const std::vector<budgets::Envelope>& envelopes, const Error* error) {
  Dict* propose = page.AddSectionDictionary("PROPOSE");
  std::map<std::string, std::string> errors;
  if (error != nullptr) errors = ShowErrors(*propose, *error, "from_id");
  std::vector<std::pair<std::string, std::string>> options{{"", "Choisir une enveloppe"}};
  for (const auto& e : envelopes) {
    options.emplace_back(std::to_string(e.id),
                         fmt::format("{} — reste {}", EnvelopeName(e), Euros(e.available_cents())));
  }
  const bool typed = error != nullptr;
  Select(*propose, "FROM_FIELD", "from_id", "Depuis l'enveloppe", options,
         typed ? request.Form("from_id") : "", errors);
  Select(*propose, "TO_FIELD", "to_id", "Vers l'enveloppe", options,
         typed ? request.Form("to_id") : "", errors);
  Field(*propose, "AMOUNT_FIELD", "amount_cents", "Montant, en euros", "text",
        typed ? request.Form("amount_cents") : "", errors,
        "Au plus ce qui reste à engager sur l'enveloppe d'origine.");
  Field(*propose, "REASON_FIELD", "reason", "Motif", "text", typed ? request.Form("reason") : "",
        errors, "Par exemple : report des crédits non consommés de la convention LADOM.");
}

Response BudgetsPage(Request& request, const WebServices& services, Form form, const Error* error) {
  std::vector<budgets::Envelope> envelopes;
  std::vector<budgets::TransferProposal> transfers;
  std::map<int, std::vector<budgets::MonthlyConsumption>> months;
  auto read = services.store.Read([&](Repositories& repos) -> Status {
    auto list = repos.budgets().List(std::nullopt);
    if (!list) return Fail(list.error());
    envelopes = std::move(*list);
    // One pass over the journal for every year; each year's table lists its own envelopes.
    auto consumption = budgets::ConsumptionByMonth(repos, std::nullopt);
    if (!consumption) return Fail(consumption.error());
    std::map<std::int64_t, int> year_of;
    for (const auto& e : envelopes) {
      year_of[e.id] = e.year;
      months[e.year];  // a year without movement still says so
    }
    for (auto& m : *consumption) months[year_of[m.envelope_id]].push_back(std::move(m));
    auto proposals = repos.budgets().ListTransfers();
    if (!proposals) return Fail(proposals.error());
    transfers = std::move(*proposals);
    return Ok();
  });
  if (!read) return ErrorResponse(request, services.templates, read.error());

  Page page(request, "Budgets des aides", "pages/budgets.tpl");
  page.Form();
  std::map<std::int64_t, const budgets::Envelope*> by_id;
  std::map<int, Dict*> years;
  for (const auto& e : envelopes) {
    by_id[e.id] = &e;
    Dict*& year = years[e.year];
    if (year == nullptr) {
      year = page.dict().AddSectionDictionary("YEAR");
      year->SetValue("YEAR", std::to_string(e.year));
    }
    Dict* row = year->AddSectionDictionary("ENVELOPE");
    row->SetValue("LABEL", e.label);
    row->SetValue("AID", AidName(services, e.aid_id));
    row->SetValue("SOURCE", std::string(budgets::FundingSourceLabel(e.funding_source)));
    row->SetValue("PARTNER", e.partner.empty() ? "—" : e.partner);
    row->SetValue("ALLOCATED", Euros(e.allocated_cents));
    row->SetValue("COMMITTED", Euros(e.committed_cents));
    row->SetValue("PAID", Euros(e.paid_cents));
    row->SetValue("REMAINING", Euros(e.available_cents()));
  }
  for (const auto& [year, list] : months) {
    Dict* section = years[year];
    if (list.empty()) {
      section->ShowSection("NO_MONTHS");
      continue;
    }
    Dict* table = section->AddSectionDictionary("MONTHS");
    for (const auto& m : list) {
      Dict* row = table->AddSectionDictionary("MONTH");
      auto date = ParseIsoDate(m.month + "-01");
      std::string label = date ? FormatFrenchLongDate(*date) : m.month;
      if (label.starts_with("1er ")) label = label.substr(4);  // « mars 2026 »
      row->SetValue("MONTH", label);
      row->SetValue("ENVELOPE", by_id.contains(m.envelope_id) ? by_id[m.envelope_id]->label : "");
      row->SetValue("COMMITTED", Euros(m.committed_cents));
      row->SetValue("PAID", Euros(m.paid_cents));
      row->SetValue("TRANSFERRED", m.transferred_cents == 0  ? "—"
                                   : m.transferred_cents > 0 ? "+" + Euros(m.transferred_cents)
                                                             : "−" + Euros(-m.transferred_cents));
    }
  }
  if (envelopes.empty()) page.Show("NO_ENVELOPES");
  const std::string info = request.Query("info");
  if (info == "cree") page.Notice("success", "L'enveloppe est créée.");
  if (info == "propose")
    page.Notice("success", "Le virement est proposé ; un ou une responsable doit l'approuver.");
  if (info == "approuve")
    page.Notice("success", "Le virement est approuvé : les crédits ont changé d'enveloppe.");
  if (info == "refuse") page.Notice("success", "Le virement est refusé.");

  if (form == Form::kDecision && error != nullptr)
    page.Notice("error", error->fields.empty() ? error->message : error->fields.begin()->second);

  const Role role = request.actor->role;
  Names names(services);
  Dict* transfers_section = page.dict().AddSectionDictionary("TRANSFERS");
  if (transfers.empty()) transfers_section->ShowSection("NO_TRANSFERS");
  if (!transfers.empty()) transfers_section->ShowSection("HAS_TRANSFERS");
  for (const auto& t : transfers) {
    Dict* row = transfers_section->AddSectionDictionary("TRANSFER");
    row->SetValue("ID", std::to_string(t.id));
    row->SetValue("DATE", FormatFrenchDate(MartiniqueDate(t.proposed_at)));
    row->SetValue("FROM", by_id.contains(t.from_envelope_id)
                              ? EnvelopeName(*by_id[t.from_envelope_id])
                              : std::to_string(t.from_envelope_id));
    row->SetValue("TO", by_id.contains(t.to_envelope_id) ? EnvelopeName(*by_id[t.to_envelope_id])
                                                         : std::to_string(t.to_envelope_id));
    row->SetValue("AMOUNT", Euros(t.amount_cents));
    row->SetValue("REASON", t.reason);
    row->SetValue("PROPOSED_BY", names.Of(t.proposed_by));
    row->SetValue("STATE", std::string(budgets::TransferStateLabel(t.state)));
    if (t.state != budgets::TransferState::kProposed) {
      std::string decision = fmt::format("{}, le {}", names.Of(t.decided_by),
                                         FormatFrenchDate(MartiniqueDate(t.decided_at)));
      if (!t.decision_note.empty()) decision += " : " + t.decision_note;
      row->SetValue("DECISION", decision);
    } else if (role == Role::kManager && t.proposed_by != request.actor->user_id) {
      Dict* decide = row->AddSectionDictionary("DECIDE");
      const bool failed = form == Form::kDecision && error != nullptr &&
                          error->fields.contains("note") &&
                          request.Param("id") == std::to_string(t.id);
      if (failed) decide->SetValueAndShowSection("MESSAGE", error->fields.at("note"), "INVALID");
    } else {
      row->SetValue("DECISION", t.proposed_by == request.actor->user_id
                                    ? "À approuver par une autre personne"
                                    : "En attente d'un ou d'une responsable");
    }
  }
  if ((role == Role::kManager || role == Role::kFinance) && envelopes.size() >= 2)
    AddTransferForm(*transfers_section, request, envelopes,
                    form == Form::kTransfer ? error : nullptr);
  if (role == Role::kManager)
    AddEnvelopeForm(page.dict(), request, services, form == Form::kEnvelope ? error : nullptr);
  return page.Render(services.templates, error != nullptr ? HttpStatusFor(error->code) : 200);
}

Response CreateEnvelope(Request& request, const WebServices& services) {
  budgets::Envelope envelope;
  std::map<std::string, std::string> errors;
  envelope.aid_id = request.Form("aid_id");
  bool known = false;
  for (const auto& aid : services.aids.rules()->aids) {
    known |= aid.id == envelope.aid_id && aid_requests::IsRequestable(aid);
  }
  if (!known) errors["aid_id"] = "Choisissez une aide de la délégation.";
  auto year = ParseId(request.Form("year"));
  if (!year || *year < 2000 || *year > 2100) {
    errors["year"] = "Saisissez une année, par exemple 2026.";
  } else {
    envelope.year = static_cast<int>(*year);
  }
  auto source = budgets::ParseFundingSource(request.Form("funding_source"));
  if (!source) {
    errors["funding_source"] = "Choisissez une source de financement.";
  } else {
    envelope.funding_source = *source;
  }
  envelope.partner = request.Form("partner");
  envelope.label = request.Form("label");
  auto allocated = ParseEurosToCents(request.Form("allocated_cents"));
  if (!allocated) {
    errors["allocated_cents"] = "Saisissez un montant en euros, par exemple 50 000.";
  } else {
    envelope.allocated_cents = *allocated;
  }
  if (!errors.empty()) {
    Error error{ErrorCode::kInvalidArgument, "envelope form", errors};
    return BudgetsPage(request, services, Form::kEnvelope, &error);
  }
  auto done = services.store.Write([&](Repositories& repos) -> Status {
    auto created = budgets::CreateEnvelope(repos, envelope, BudgetActor(request));
    if (!created) return Fail(created.error());
    return Ok();
  });
  if (!done) return BudgetsPage(request, services, Form::kEnvelope, &done.error());
  return Redirect("/budgets?info=cree");
}

Response ProposeTransfer(Request& request, const WebServices& services) {
  // Unparsable choices become 0, which ProposeTransfer reports as an envelope to choose.
  const std::int64_t from = ParseId(request.Form("from_id")).value_or(0);
  const std::int64_t to = ParseId(request.Form("to_id")).value_or(0);
  auto amount = ParseEurosToCents(request.Form("amount_cents"));
  if (!amount) {
    Error error{ErrorCode::kInvalidArgument,
                "transfer amount",
                {{"amount_cents", "Saisissez un montant en euros, par exemple 5 000."}}};
    return BudgetsPage(request, services, Form::kTransfer, &error);
  }
  auto done = services.store.Write([&](Repositories& repos) -> Status {
    auto proposed = budgets::ProposeTransfer(repos, from, to, *amount, request.Form("reason"),
                                             BudgetActor(request));
    if (!proposed) return Fail(proposed.error());
    return Ok();
  });
  if (!done) return BudgetsPage(request, services, Form::kTransfer, &done.error());
  return Redirect("/budgets?info=propose#virements");
}

Response DecideTransfer(Request& request, const WebServices& services) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  const std::string decision = request.Form("decision");
  if (decision != "approve" && decision != "refuse")
    return HtmlError(request, services.templates, 400, "Choisissez d'approuver ou de refuser.");
  auto done = services.store.Write([&](Repositories& repos) -> Status {
    return budgets::DecideTransfer(repos, *id, decision == "approve", request.Form("note"),
                                   BudgetActor(request));
  });
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound)
      return ErrorResponse(request, services.templates, done.error());
    return BudgetsPage(request, services, Form::kDecision, &done.error());
  }
  return Redirect(
      fmt::format("/budgets?info={}#virements", decision == "approve" ? "approuve" : "refuse"));
}

}  // namespace

void AddBudgetPages(Router& router, const WebServices& services) {
  router.Get("/budgets", Access::Roles({Role::kAdvisor, Role::kManager, Role::kFinance}),
             [&services](Request& request) {
               return BudgetsPage(request, services, Form::kNone, nullptr);
             });
  router.Post("/budgets", Access::Roles({Role::kManager}),
              [&services](Request& request) { return CreateEnvelope(request, services); });
  router.Post("/budgets/virements", Access::Roles({Role::kManager, Role::kFinance}),
              [&services](Request& request) { return ProposeTransfer(request, services); });
  router.Post("/budgets/virements/:id", Access::Roles({Role::kManager}),
              [&services](Request& request) { return DecideTransfer(request, services); });
}

}  // namespace maplace::web
