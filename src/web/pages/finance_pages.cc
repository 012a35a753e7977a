// Finance and budgets (issue 7 §3, §4): committed requests paid in idempotent batches, the
// batches with their SEPA and accounting files, and the aid envelopes.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/time_format.h"
#include "domain/budgets/budgets.h"
#include "domain/payments/bank_account.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {

namespace {

using aid_requests::BatchState;
using Dict = ctemplate::TemplateDictionary;

std::string BatchStateLabel(BatchState state) {
  switch (state) {
    case BatchState::kOpen:
      return "À envoyer à la banque";
    case BatchState::kSent:
      return "Envoyé à la banque";
    case BatchState::kConfirmed:
      return "Confirmé par la banque";
  }
  return "";
}

// A new batch key: "LOT-" and 12 random letters and digits (the service accepts 1 to 20).
std::string NewBatchKey() {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::random_device random;
  std::uniform_int_distribution<int> pick(0, sizeof(kAlphabet) - 2);
  std::string key = "LOT-";
  for (int i = 0; i < 12; ++i) key += kAlphabet[pick(random)];
  return key;
}

// Euros as typed back in a field: "1234,50".
std::string FieldEuros(std::int64_t cents) {
  return fmt::format("{},{:02}", cents / 100, cents % 100);
}

struct BatchSummary {
  aid_requests::PaymentBatch batch;
  int count = 0;
  std::int64_t total_cents = 0;
};

// Every batch that holds a payment, latest first.
Result<std::vector<BatchSummary>> ListBatches(const WebServices& services) {
  std::map<std::int64_t, BatchSummary> batches;
  auto read = services.store.Read([&](Repositories& repos) -> Status {
    auto payments = repos.aid_requests().Payments(std::nullopt, std::nullopt);
    if (!payments) return tl::unexpected(payments.error());
    for (const auto& payment : *payments) {
      auto& summary = batches[payment.batch_id];
      summary.count += 1;
      summary.total_cents += payment.amount_cents;
    }
    for (auto& [id, summary] : batches) {
      auto batch = repos.aid_requests().FindBatch(id);
      if (!batch) return tl::unexpected(batch.error());
      summary.batch = *batch;
    }
    return Ok();
  });
  if (!read) return tl::unexpected(read.error());
  std::vector<BatchSummary> out;
  for (auto& [id, summary] : batches) out.push_back(summary);
  std::reverse(out.begin(), out.end());
  return out;
}

Response PaymentsPage(Request& request, const WebServices& services, const Error* error) {
  auto list = services.aid_requests.List(*request.actor, aid_requests::Queue::kToPay);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  auto batches = ListBatches(services);
  if (!batches) return ErrorResponse(request, services.templates, batches.error());

  Page page(request, "Paiements", "pages/finance_payments.tpl");
  page.Form();
  if (services.payments.debtor_iban.empty()) page.Show("NO_DEBTOR");
  if (error != nullptr) {
    page.Errors(*error);
    // Without rows there is no form to show the errors in.
    if (list->empty())
      page.Notice("error", error->fields.empty() ? error->message : error->fields.begin()->second);
  }
  // A retried submission keeps its key, so that it replays the same batch.
  const std::string key = error != nullptr && !request.Form("batch_key").empty()
                              ? request.Form("batch_key")
                              : NewBatchKey();
  page.Set("BATCH_KEY", key);
  page.Set("COUNT", std::to_string(list->size()));
  std::set<std::string> checked;
  if (error != nullptr) {
    for (const auto& [name, value] : request.form) {
      if (name == "pay") checked.insert(value);
    }
  }
  Names names(services);
  for (const auto& record : *list) {
    const auto& r = record.request;
    auto view = services.aid_requests.View(*request.actor, r.id);
    if (!view) return ErrorResponse(request, services.templates, view.error());
    int next = 1;
    for (const auto& payment : view->payments) next = std::max(next, payment.instalment + 1);
    const std::string id = std::to_string(r.id);
    Dict* row = page.dict().AddSectionDictionary("ROW");
    row->SetValue("ID", id);
    row->SetValue("BENEFICIARY", view->bank_holder.empty() ? (record.beneficiary_name.empty()
                                                                  ? names.Of(r.hands.requester)
                                                                  : record.beneficiary_name)
                                                           : view->bank_holder);
    row->SetValue("AID", AidName(services, r.aid_id));
    row->SetValue("AMOUNT", Euros(r.amount_cents));
    row->SetValue("REMAINING", Euros(r.amount_cents - r.paid_cents));
    row->SetValue("INSTALMENT", std::to_string(next));
    row->SetValue("VALUE", error != nullptr && !request.Form("amount_" + id).empty()
                               ? request.Form("amount_" + id)
                               : FieldEuros(r.amount_cents - r.paid_cents));
    if (checked.count(id)) row->ShowSection("CHECKED");
    if (error != nullptr && error->fields.count("amount_" + id)) row->ShowSection("INVALID");
  }
  page.Show(list->empty() ? "EMPTY" : "HAS_ROWS");

  for (const auto& summary : *batches) {
    Dict* row = page.dict().AddSectionDictionary("BATCH");
    row->SetValue("ID", std::to_string(summary.batch.id));
    row->SetValue("KEY", summary.batch.message_id);
    row->SetValue("DATE", FormatFrenchDateTime(summary.batch.created_at));
    row->SetValue("COUNT", std::to_string(summary.count));
    row->SetValue("TOTAL", Euros(summary.total_cents));
    row->SetValue("STATE", BatchStateLabel(summary.batch.state));
  }
  page.Show(batches->empty() ? "NO_BATCHES" : "HAS_BATCHES");
  return page.Render(services.templates, error != nullptr ? HttpStatusFor(error->code) : 200);
}

Response BatchPage(Request& request, const WebServices& services) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  Result<aid_requests::PaymentBatch> batch = Fail(ErrorCode::kNotFound, "batch");
  std::vector<aid_requests::Payment> payments;
  auto read = services.store.Read([&](Repositories& repos) -> Status {
    batch = repos.aid_requests().FindBatch(*id);
    if (!batch) return Ok();
    auto list = repos.aid_requests().Payments(std::nullopt, *id);
    if (!list) return tl::unexpected(list.error());
    payments = std::move(*list);
    return Ok();
  });
  if (!read) return ErrorResponse(request, services.templates, read.error());
  if (!batch) return ErrorResponse(request, services.templates, batch.error());

  Page page(request, "Lot " + batch->message_id, "pages/finance_batch.tpl");
  page.Form();
  Names names(services);
  page.Set("ID", std::to_string(batch->id));
  page.Set("KEY", batch->message_id);
  page.Set("STATE", BatchStateLabel(batch->state));
  page.Set("CREATED", FormatFrenchDateTime(batch->created_at));
  page.Set("CREATOR", names.Of(batch->created_by));
  if (batch->sent_at)
    page.dict().AddSectionDictionary("SENT")->SetValue("WHEN",
                                                       FormatFrenchDateTime(*batch->sent_at));
  if (batch->confirmed_at)
    page.dict()
        .AddSectionDictionary("CONFIRMED")
        ->SetValue("WHEN", FormatFrenchDateTime(*batch->confirmed_at));
  std::int64_t total = 0;
  for (const auto& payment : payments) {
    Dict* row = page.dict().AddSectionDictionary("PAYMENT");
    row->SetValue("REQUEST", std::to_string(payment.request_id));
    row->SetValue("INSTALMENT", std::to_string(payment.instalment));
    row->SetValue("AMOUNT", Euros(payment.amount_cents));
    row->SetValue("KEY", payment.idempotency_key);
    total += payment.amount_cents;
  }
  page.Set("TOTAL", Euros(total));
  page.Set("COUNT", std::to_string(payments.size()));
  if (services.payments.debtor_iban.empty()) {
    page.Show("NO_DEBTOR");
  } else {
    page.dict().AddSectionDictionary("FILES")->SetValue("ID", std::to_string(batch->id));
  }
  if (batch->state == BatchState::kOpen) page.Show("MARK_SENT");
  if (batch->state == BatchState::kSent) page.Show("MARK_CONFIRMED");
  if (batch->state == BatchState::kConfirmed) page.Show("DONE");
  const std::string info = request.Query("info");
  if (info == "paye") page.Notice("success", "Le lot est enregistré : les versements sont payés.");
  if (info == "rejoue")
    page.Notice("info", "Ce lot était déjà enregistré : rien n'a été payé une seconde fois.");
  if (info == "envoye") page.Notice("success", "Le lot est marqué envoyé.");
  if (info == "confirme") page.Notice("success", "Le lot est marqué confirmé.");
  return page.Render(services.templates);
}

// The debtor of the transfer files, from the configuration.
Result<aid_requests::TransferOptions> TransferOptionsOf(const PaymentsConfig& config,
                                                        UnixSeconds now) {
  if (config.debtor_iban.empty())
    return Fail(ErrorCode::kFailedPrecondition,
                "Le compte de la délégation n'est pas configuré (variable MAPLACE_DEBTOR_IBAN) : "
                "aucun fichier de virements ne peut être produit.");
  auto iban = payments::Iban::Parse(config.debtor_iban);
  if (!iban)
    return Fail(ErrorCode::kFailedPrecondition,
                "L'IBAN du compte de la délégation (MAPLACE_DEBTOR_IBAN) n'est pas valide.");
  aid_requests::TransferOptions options{
      {config.debtor_name, *iban, std::nullopt}, config.debtor_name, TodayIn(now)};
  if (!config.debtor_bic.empty()) {
    auto bic = payments::Bic::Parse(config.debtor_bic);
    if (!bic)
      return Fail(ErrorCode::kFailedPrecondition,
                  "Le BIC du compte de la délégation (MAPLACE_DEBTOR_BIC) n'est pas valide.");
    options.debtor.bic = *bic;
  }
  return options;
}

Response BatchFile(Request& request, const WebServices& services, bool xml) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto options = TransferOptionsOf(services.payments, std::time(nullptr));
  if (!options)
    return HtmlError(request, services.templates, HttpStatusFor(options.error().code),
                     options.error().message);
  auto files = services.aid_requests.Files(*request.actor, *id, *options);
  if (!files) {
    if (files.error().code == ErrorCode::kNotFound)
      return ErrorResponse(request, services.templates, files.error());
    return HtmlError(request, services.templates, HttpStatusFor(files.error().code),
                     files.error().message);
  }
  std::string key;
  (void)services.store.Read([&](Repositories& repos) -> Status {
    auto batch = repos.aid_requests().FindBatch(*id);
    if (batch) key = batch->message_id;
    return Ok();
  });
  if (xml)
    return Download(std::move(files->pain001_xml), "application/xml", "", "virements-" + key);
  return Download(std::move(files->accounting_csv), "text/csv; charset=utf-8", "",
                  "comptabilite-" + key);
}

// Typing helpers for the envelope form (the fields live in the CREATE section).
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

Response BudgetsPage(Request& request, const WebServices& services, const Error* error) {
  auto envelopes = ListEnvelopes(services, std::nullopt);
  if (!envelopes) return ErrorResponse(request, services.templates, envelopes.error());
  Page page(request, "Budgets des aides", "pages/budgets.tpl");
  page.Form();
  std::map<int, Dict*> years;
  for (const auto& e : *envelopes) {
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
  if (envelopes->empty()) page.Show("NO_ENVELOPES");
  if (request.Query("info") == "cree") page.Notice("success", "L'enveloppe est créée.");

  if (request.actor->role == people::Role::kManager) {
    Dict* create = page.dict().AddSectionDictionary("CREATE");
    std::map<std::string, std::string> errors;
    if (error != nullptr) {
      errors = error->fields;
      if (errors.empty()) errors["aid_id"] = error->message;
      Dict* box = create->AddIncludeDictionary("FORM_ERRORS");
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
    }
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
  return page.Render(services.templates, error != nullptr ? HttpStatusFor(error->code) : 200);
}

}  // namespace

void AddFinancePages(Router& router, const WebServices& services) {
  using people::Role;
  const auto finance = Access::Roles({Role::kFinance});

  router.Get("/finance/paiements", finance,
             [&services](Request& request) { return PaymentsPage(request, services, nullptr); });
  router.Post("/finance/paiements", finance, [&services](Request& request) {
    std::vector<aid_requests::PaymentOrder> orders;
    std::map<std::string, std::string> errors;
    for (const auto& [name, value] : request.form) {
      if (name != "pay") continue;
      auto id = ParseId(value);
      if (!id) continue;
      aid_requests::PaymentOrder order;
      order.request_id = *id;
      auto instalment = ParseId(request.Form("instalment_" + value));
      order.instalment = instalment && *instalment < 1000 ? static_cast<int>(*instalment) : 1;
      auto amount = ParseEurosToCents(request.Form("amount_" + value));
      if (!amount) {
        errors["amount_" + value] =
            fmt::format("Saisissez le montant du versement de la demande n° {} en euros.", *id);
        continue;
      }
      order.amount_cents = *amount;
      orders.push_back(order);
    }
    if (orders.empty() && errors.empty())
      errors["a-payer"] = "Cochez au moins un versement à payer.";
    if (!errors.empty()) {
      Error error{ErrorCode::kInvalidArgument, "payment form", errors};
      return PaymentsPage(request, services, &error);
    }
    auto outcome =
        services.aid_requests.PayBatch(*request.actor, request.Form("batch_key"), orders);
    if (!outcome) {
      Error error = outcome.error();
      if (error.fields.empty()) error.fields["a-payer"] = error.message;
      return PaymentsPage(request, services, &error);
    }
    return Redirect(fmt::format("/finance/lots/{}?info={}", outcome->batch.id,
                                outcome->paid_now > 0 ? "paye" : "rejoue"));
  });
  router.Get("/finance/lots/:id", finance,
             [&services](Request& request) { return BatchPage(request, services); });
  router.Get("/finance/lots/:id/virements.xml", finance,
             [&services](Request& request) { return BatchFile(request, services, true); });
  router.Get("/finance/lots/:id/comptabilite.csv", finance,
             [&services](Request& request) { return BatchFile(request, services, false); });
  for (const bool sent : {true, false}) {
    router.Post(sent ? "/finance/lots/:id/envoye" : "/finance/lots/:id/confirme", finance,
                [&services, sent](Request& request) {
                  auto id = ParseId(request.Param("id"));
                  if (!id) return ErrorResponse(request, services.templates, 404);
                  Status done = sent ? services.aid_requests.MarkSent(*request.actor, *id)
                                     : services.aid_requests.MarkConfirmed(*request.actor, *id);
                  if (!done) {
                    if (done.error().code == ErrorCode::kNotFound)
                      return ErrorResponse(request, services.templates, done.error());
                    return HtmlError(request, services.templates, HttpStatusFor(done.error().code),
                                     done.error().message);
                  }
                  return Redirect(
                      fmt::format("/finance/lots/{}?info={}", *id, sent ? "envoye" : "confirme"));
                });
  }
}

void AddBudgetPages(Router& router, const WebServices& services) {
  using people::Role;
  router.Get("/budgets", Access::Roles({Role::kAdvisor, Role::kManager, Role::kFinance}),
             [&services](Request& request) { return BudgetsPage(request, services, nullptr); });
  router.Post("/budgets", Access::Roles({Role::kManager}), [&services](Request& request) {
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
      return BudgetsPage(request, services, &error);
    }
    auto done = services.store.Write([&](Repositories& repos) -> Status {
      auto created = budgets::CreateEnvelope(
          repos, envelope,
          {request.actor->user_id, static_cast<UnixSeconds>(std::time(nullptr)),
           request.client_address});
      if (!created) return tl::unexpected(created.error());
      return Ok();
    });
    if (!done) return BudgetsPage(request, services, &done.error());
    return Redirect("/budgets?info=cree");
  });
}

}  // namespace maplace::web
