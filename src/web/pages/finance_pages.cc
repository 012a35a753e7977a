// Finance (issue 7 §4): committed requests paid in idempotent batches, the batches with their
// SEPA and accounting files.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/time_format.h"
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

}  // namespace maplace::web
