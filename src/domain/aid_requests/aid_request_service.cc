#include "domain/aid_requests/aid_request_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <set>

#include "core/crash_point.h"
#include "core/crypto.h"
#include "core/private_file.h"
#include "core/text.h"
#include "domain/aids/json.h"
#include "domain/budgets/budgets.h"
#include "domain/payments/bank_account.h"

namespace maplace::aid_requests {

std::string_view BatchStateCode(BatchState state) {
  switch (state) {
    case BatchState::kOpen:
      return "open";
    case BatchState::kSent:
      return "sent";
    case BatchState::kConfirmed:
      return "confirmed";
  }
  return "open";
}

std::optional<BatchState> ParseBatchState(std::string_view code) {
  for (BatchState s : {BatchState::kOpen, BatchState::kSent, BatchState::kConfirmed}) {
    if (BatchStateCode(s) == code) return s;
  }
  return std::nullopt;
}

bool IsRequestable(const aids::AidDefinition& aid) {
  return aid.enabled && aid.period == aids::Periodicity::kOnce && aid.payer.rfind("AKTO", 0) == 0;
}

namespace {

using people::Actor;
using people::Role;

constexpr std::size_t kMaxNameBytes = 200;

std::string Euros(std::int64_t cents) {
  std::string whole = std::to_string(cents / 100), grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += "\u202f";
    grouped += whole[i];
  }
  return fmt::format("{},{:02} €", grouped, cents % 100);
}

tl::unexpected<Error> Refuse(ErrorCode code, std::string field, std::string french) {
  Error error{code, french, {}};
  if (!field.empty()) error.fields.emplace(std::move(field), std::move(french));
  return tl::unexpected(std::move(error));
}

bool IsStaffReader(Role role) {
  return role == Role::kAdvisor || role == Role::kManager || role == Role::kFinance;
}

bool IsRequesterSide(const AidRequest& request, const Actor& actor) {
  if (actor.user_id == request.hands.requester) return true;
  return request.organisation_id && actor.membership &&
         actor.membership->organisation_id == *request.organisation_id;
}

bool MayView(const AidRequest& request, const Actor& actor) {
  return IsRequesterSide(request, actor) || IsStaffReader(actor.role);
}

// The request `id` if `actor` may see it; kNotFound otherwise, so that nobody learns which
// requests exist.
Result<RequestRecord> FindVisible(Repositories& repos, std::int64_t id, const Actor& actor) {
  auto found = repos.aid_requests().Find(id);
  if (!found) return found;
  if (!MayView(found->request, actor))
    return Fail(ErrorCode::kNotFound, fmt::format("aid request {} does not exist", id));
  return found;
}

// Before the decision, the requester's side still completes the request.
bool IsOpenForRequester(RequestState state) {
  return state == RequestState::kDraft || state == RequestState::kSubmitted ||
         state == RequestState::kUnderInstruction || state == RequestState::kComplementRequested;
}

std::string_view JournalAction(RequestAction action) {
  switch (action) {
    case RequestAction::kSubmit:
      return "request.submitted";
    case RequestAction::kTakeUp:
      return "request.taken_up";
    case RequestAction::kRequestComplement:
      return "request.complement_requested";
    case RequestAction::kAnswerComplement:
      return "request.complement_answered";
    case RequestAction::kApprove:
      return "request.approved";
    case RequestAction::kReject:
      return "request.rejected";
    case RequestAction::kCommit:
      return "request.committed";
    case RequestAction::kPayInstalment:
      return "payment.executed";
    case RequestAction::kClose:
      return "request.closed";
  }
  return "request.changed";
}

Status Journal(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
               std::string subject, std::optional<std::int64_t> amount, std::string before,
               std::string after) {
  journal::JournalEntry entry;
  entry.at = now;
  entry.actor_user_id = actor;
  entry.action = std::move(action);
  entry.subject = std::move(subject);
  entry.amount_cents = amount;
  entry.before_ref = std::move(before);
  entry.after_ref = std::move(after);
  auto appended = repos.journal().Append(entry);
  if (!appended) return Fail(appended.error());
  return Ok();
}

std::string Subject(std::int64_t request_id) { return fmt::format("request:{}", request_id); }

// A French free text: trimmed, at most kMaxMessageBytes.
Result<std::string> Text(const std::string& text, const char* field, const char* missing) {
  const std::string_view trimmed = text::Trim(text);
  if (trimmed.empty()) return Refuse(ErrorCode::kInvalidArgument, field, missing);
  if (trimmed.size() > kMaxMessageBytes)
    return Refuse(ErrorCode::kInvalidArgument, field, "4 000 caractères au plus.");
  return std::string(trimmed);
}

// The type of a document by its first bytes, never by its name.
std::optional<std::string> SniffContentType(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  return std::nullopt;
}

// The name a person gave, kept for display only: its last path component, on one line, cut.
std::string DisplayName(std::string_view original) {
  const auto slash = original.find_last_of("/\\");
  if (slash != std::string_view::npos) original.remove_prefix(slash + 1);
  std::string name;
  for (char c : original) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) name += c;
  }
  name = std::string(text::Trim(name));
  if (name.size() > kMaxNameBytes) name.resize(kMaxNameBytes);
  // Do not cut a UTF-8 sequence in two.
  while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
  if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80)) name.pop_back();
  return name.empty() ? "document" : name;
}

bool IsBatchKey(std::string_view key) {
  if (key.empty() || key.size() > 20) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

tl::unexpected<Error> Changed(const Error& error) {
  if (error.code != ErrorCode::kFailedPrecondition) return tl::unexpected(error);
  return Fail(ErrorCode::kFailedPrecondition,
              "La demande a changé entre-temps : rechargez la page et recommencez.");
}

}  // namespace

AidRequestService::AidRequestService(Store& store, const aids::AidsService& aids,
                                     const crypto::SecretBox& box, const Clock& clock,
                                     ServiceOptions options)
    : store_(store), aids_(aids), box_(box), clock_(clock), options_(std::move(options)) {}

Result<aids::Aid> AidRequestService::Reevaluate(const std::string& aid_id,
                                                const aids::Situation& situation) const {
  const auto rules = aids_.rules();
  const auto definition = std::find_if(rules->aids.begin(), rules->aids.end(),
                                       [&](const auto& a) { return a.id == aid_id; });
  if (definition == rules->aids.end())
    return Refuse(ErrorCode::kNotFound, "aid_id", "Cette aide n'existe pas.");
  if (!IsRequestable(*definition))
    return Refuse(ErrorCode::kFailedPrecondition, "aid_id",
                  fmt::format("Cette aide ne se demande pas ici : {}", definition->how_to_ask));
  auto evaluation = aids::Evaluate(*rules, situation);
  if (!evaluation) return Fail(evaluation.error());
  for (const auto& aid : evaluation->aids) {
    if (aid.id != aid_id) continue;
    if (aid.eligible && aid.amount_cents > 0) return aid;
    std::vector<std::string> missed;
    for (const auto& c : aid.conditions) {
      if (!c.met) missed.push_back(c.sentence);
    }
    return Refuse(ErrorCode::kFailedPrecondition, "aid_id",
                  fmt::format("Cette aide ne correspond pas à votre situation : {}",
                              missed.empty() ? std::string("aucun montant n'est dû.")
                                             : fmt::format("{}", fmt::join(missed, " ; "))));
  }
  return Refuse(ErrorCode::kFailedPrecondition, "aid_id",
                "Cette aide ne correspond pas à votre situation : ses dates ne couvrent pas "
                "votre contrat.");
}

Result<RequestRecord> AidRequestService::StartRequest(const Actor& actor, const StartInput& input) {
  const bool organisation = actor.role == Role::kEmployer || actor.role == Role::kCfa;
  if (actor.role != Role::kYoungPerson && !organisation)
    return Fail(ErrorCode::kPermissionDenied,
                "Un jeune, un employeur ou un CFA demande une aide, pas le personnel.");
  if (organisation && !actor.membership)
    return Fail(ErrorCode::kPermissionDenied,
                "Rattachez d'abord votre compte à votre entreprise ou à votre CFA.");
  auto aid = Reevaluate(input.aid_id, input.situation);
  if (!aid) return Fail(aid.error());

  std::int64_t amount = aid->amount_cents;
  if (input.amount_cents) {
    if (aid->amount_is_maximum && (*input.amount_cents < 1 || *input.amount_cents > amount))
      return Refuse(ErrorCode::kInvalidArgument, "amount_cents",
                    fmt::format("Le montant demandé doit être compris entre 0,01 € et {} (le "
                                "maximum de cette aide).",
                                Euros(amount)));
    if (!aid->amount_is_maximum && *input.amount_cents != amount)
      return Refuse(ErrorCode::kInvalidArgument, "amount_cents",
                    fmt::format("Le montant de cette aide est de {}.", Euros(amount)));
    amount = *input.amount_cents;
  }
  std::string name = text::SingleLine(text::Trim(input.beneficiary_name));
  if (name.empty() && actor.role == Role::kYoungPerson) name = actor.display_name;
  if (name.empty())
    return Refuse(ErrorCode::kInvalidArgument, "beneficiary_name",
                  "Indiquez le nom de l'apprenti.");
  if (name.size() > kMaxNameBytes)
    return Refuse(ErrorCode::kInvalidArgument, "beneficiary_name", "Ce nom est trop long.");

  const UnixSeconds now = clock_.Now();
  RequestRecord record;
  record.request.aid_id = input.aid_id;
  record.request.state = RequestState::kDraft;
  record.request.amount_cents = amount;
  if (organisation) record.request.organisation_id = actor.membership->organisation_id;
  record.request.hands.requester = actor.user_id;
  record.request.created_at = record.request.updated_at = now;
  record.beneficiary_name = name;
  record.situation_json = aids::SituationToJson(input.situation).dump();
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto id = repos.aid_requests().Create(record);
    if (!id) return Fail(id.error());
    record.request.id = *id;
    return Journal(repos, now, actor.user_id, "request.created", Subject(*id), amount, "", "draft");
  });
  if (!status) return Fail(status.error());
  return record;
}

Result<RequestRecord> AidRequestService::Apply(
    const Actor& actor, std::int64_t id, RequestAction action, const std::string& comment,
    const std::function<Status(Repositories&, RequestRecord&, const Step&)>& apply) {
  const UnixSeconds now = clock_.Now();
  RequestRecord next;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    auto step = Check(found->request, action, actor, options_.policy);
    if (!step) return Fail(step.error());
    next = *found;
    next.request.state = step->next;
    next.request.updated_at = now;
    if (apply) {
      if (auto s = apply(repos, next, *step); !s) return s;
    }
    if (auto s = repos.aid_requests().Update(next, found->request.state, found->request.paid_cents);
        !s)
      return Changed(s.error());
    auto message = repos.aid_requests().AddMessage(
        Message{0, id, actor.user_id, std::string(ActionCode(action)), comment, now});
    if (!message) return Fail(message.error());
    const bool money = action == RequestAction::kCommit;
    return Journal(repos, now, actor.user_id, std::string(JournalAction(action)), Subject(id),
                   money ? std::optional<std::int64_t>(next.request.amount_cents) : std::nullopt,
                   std::string(StateCode(found->request.state)),
                   money ? fmt::format("committed envelope:{}", next.envelope_id.value_or(0))
                         : std::string(StateCode(next.request.state)));
  });
  if (!status) return Fail(status.error());
  return next;
}

Result<RequestRecord> AidRequestService::Submit(const Actor& actor, std::int64_t id) {
  return Apply(actor, id, RequestAction::kSubmit, "",
               [&](Repositories&, RequestRecord& next, const Step&) -> Status {
                 // The rules may have changed since the draft: never trust the old result.
                 auto json = nlohmann::json::parse(next.situation_json, nullptr, false);
                 if (json.is_discarded())
                   return Fail(ErrorCode::kInternal, "stored situation is not JSON");
                 auto situation = aids::SituationFromJson(json);
                 if (!situation) return Fail(situation.error());
                 auto aid = Reevaluate(next.request.aid_id, *situation);
                 if (!aid) return Fail(aid.error());
                 const std::int64_t max = aid->amount_cents;
                 if (next.request.amount_cents > max ||
                     (!aid->amount_is_maximum && next.request.amount_cents != max))
                   return Refuse(ErrorCode::kFailedPrecondition, "amount_cents",
                                 fmt::format("Le montant de cette aide est désormais de {} {} : "
                                             "recommencez la demande.",
                                             aid->amount_is_maximum ? "au plus" : "", Euros(max)));
                 return Ok();
               });
}

Result<RequestRecord> AidRequestService::TakeUp(const Actor& actor, std::int64_t id) {
  return Apply(actor, id, RequestAction::kTakeUp, "",
               [&](Repositories&, RequestRecord& next, const Step&) -> Status {
                 next.request.hands.instructor = actor.user_id;
                 return Ok();
               });
}

Result<RequestRecord> AidRequestService::RequestComplement(const Actor& actor, std::int64_t id,
                                                           const std::string& message) {
  auto text = Text(message, "message", "Dites ce qui manque à la demande.");
  if (!text) return Fail(text.error());
  return Apply(actor, id, RequestAction::kRequestComplement, *text, nullptr);
}

Result<RequestRecord> AidRequestService::AnswerComplement(const Actor& actor, std::int64_t id,
                                                          const std::string& message) {
  auto text = Text(message, "message", "Décrivez le complément apporté.");
  if (!text) return Fail(text.error());
  return Apply(actor, id, RequestAction::kAnswerComplement, *text, nullptr);
}

Result<RequestRecord> AidRequestService::Approve(const Actor& actor, std::int64_t id,
                                                 const std::string& reason) {
  auto text = Text(reason, "reason", "Indiquez le motif de la décision.");
  if (!text) return Fail(text.error());
  return Apply(actor, id, RequestAction::kApprove, *text,
               [&](Repositories&, RequestRecord& next, const Step& step) -> Status {
                 if (step.needs_manager_approval) next.request.hands.approver = actor.user_id;
                 next.decision_reason = *text;
                 return Ok();
               });
}

Result<RequestRecord> AidRequestService::Reject(const Actor& actor, std::int64_t id,
                                                const std::string& reason) {
  auto text = Text(reason, "reason", "Indiquez le motif du refus.");
  if (!text) return Fail(text.error());
  return Apply(actor, id, RequestAction::kReject, *text,
               [&](Repositories&, RequestRecord& next, const Step&) -> Status {
                 next.decision_reason = *text;
                 return Ok();
               });
}

Result<RequestRecord> AidRequestService::Commit(const Actor& actor, std::int64_t id,
                                                std::int64_t envelope_id) {
  return Apply(
      actor, id, RequestAction::kCommit, "",
      [&](Repositories& repos, RequestRecord& next, const Step&) -> Status {
        auto envelope = repos.budgets().Find(envelope_id);
        if (!envelope) {
          if (envelope.error().code == ErrorCode::kNotFound)
            return Refuse(ErrorCode::kInvalidArgument, "envelope_id", "Choisissez une enveloppe.");
          return Fail(envelope.error());
        }
        if (envelope->aid_id != next.request.aid_id)
          return Refuse(ErrorCode::kInvalidArgument, "envelope_id",
                        "Cette enveloppe finance une autre aide.");
        if (auto s = budgets::Commit(repos, envelope_id, next.request.amount_cents,
                                     budgets::Actor{actor.user_id, next.request.updated_at, ""});
            !s)
          return s;
        next.envelope_id = envelope_id;
        next.request.hands.committer = actor.user_id;
        return Ok();
      });
}

Result<RequestRecord> AidRequestService::Close(const Actor& actor, std::int64_t id) {
  return Apply(actor, id, RequestAction::kClose, "", nullptr);
}

Result<Message> AidRequestService::PostMessage(const Actor& actor, std::int64_t id,
                                               const std::string& body) {
  auto text = Text(body, "message", "Écrivez un message.");
  if (!text) return Fail(text.error());
  Message message{0, id, actor.user_id, "message", *text, clock_.Now()};
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    auto added = repos.aid_requests().AddMessage(message);
    if (!added) return Fail(added.error());
    message.id = *added;
    return Ok();
  });
  if (!status) return Fail(status.error());
  return message;
}

Result<Document> AidRequestService::AddDocument(const Actor& actor, std::int64_t id,
                                                std::string_view bytes,
                                                std::string_view original_name) {
  if (bytes.empty() || static_cast<std::int64_t>(bytes.size()) > options_.max_document_bytes)
    return Refuse(ErrorCode::kInvalidArgument, "document",
                  bytes.empty() ? "Le fichier est vide." : "Le fichier doit faire 5 Mo au plus.");
  auto type = SniffContentType(bytes);
  if (!type)
    return Refuse(ErrorCode::kInvalidArgument, "document",
                  "Le fichier doit être un PDF, un JPEG ou un PNG.");
  const UnixSeconds now = clock_.Now();
  Document document{0,
                    id,
                    actor.user_id,
                    crypto::RandomToken(24),
                    DisplayName(original_name),
                    *type,
                    static_cast<std::int64_t>(bytes.size()),
                    crypto::Sha256Hex(bytes),
                    now};
  // The name is random: it is never derived from what the person typed.
  const auto path = options_.documents_dir / document.stored_name;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    if (!IsRequesterSide(found->request, actor))
      return Fail(ErrorCode::kPermissionDenied, "Seul le demandeur ajoute des pièces.");
    if (!IsOpenForRequester(found->request.state))
      return Fail(ErrorCode::kFailedPrecondition,
                  "Les pièces s'ajoutent tant que la demande n'est pas décidée.");
    auto added = repos.aid_requests().AddDocument(document);
    if (!added) return Fail(added.error());
    document.id = *added;
    // Written before the commit: a failed commit leaves an orphan file, never a row without
    // its file.
    auto written = ReadOrCreatePrivateFile(path, [&] { return std::string(bytes); });
    if (!written) return Fail(written.error());
    return Journal(repos, now, actor.user_id, "request.document_added", Subject(id), std::nullopt,
                   "", fmt::format("document:{}", document.id));
  });
  if (!status) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return Fail(status.error());
  }
  return document;
}

Result<std::string> AidRequestService::ReadDocument(const Actor& actor, std::int64_t id,
                                                    std::int64_t document_id) {
  std::optional<Document> document;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    auto documents = repos.aid_requests().Documents(id);
    if (!documents) return Fail(documents.error());
    for (const auto& d : *documents) {
      if (d.id == document_id) document = d;
    }
    if (!document) return Fail(ErrorCode::kNotFound, "no such document");
    return Ok();
  });
  if (!status) return Fail(status.error());
  std::ifstream in(options_.documents_dir / document->stored_name, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "document file missing");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (crypto::Sha256Hex(bytes) != document->sha256)
    return Fail(ErrorCode::kInternal, "document file altered");
  return bytes;
}

Result<RequestRecord> AidRequestService::SetBankAccount(const Actor& actor, std::int64_t id,
                                                        std::string_view holder,
                                                        std::string_view iban,
                                                        std::string_view bic) {
  auto account = payments::ParseBankAccount(holder, iban, bic);
  if (!account) return Fail(account.error());
  const UnixSeconds now = clock_.Now();
  RequestRecord next;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    if (!IsRequesterSide(found->request, actor))
      return Fail(ErrorCode::kPermissionDenied,
                  "Seul le demandeur donne les coordonnées bancaires.");
    if (!IsOpenForRequester(found->request.state))
      return Fail(ErrorCode::kFailedPrecondition,
                  "Les coordonnées bancaires ne changent plus une fois la demande décidée.");
    StoredBankAccount stored;
    if (found->request.organisation_id) {
      stored.owner_organisation_id = found->request.organisation_id;
    } else {
      stored.owner_user_id = found->request.hands.requester;
    }
    stored.holder = account->holder.display;
    stored.iban_sealed = box_.Seal(account->iban.electronic());
    stored.iban_masked = account->iban.Masked();
    stored.bic = account->bic ? account->bic->value() : "";
    stored.created_at = now;
    auto account_id = repos.aid_requests().CreateBankAccount(stored);
    if (!account_id) return Fail(account_id.error());
    next = *found;
    next.bank_account_id = *account_id;
    next.request.updated_at = now;
    if (auto s = repos.aid_requests().Update(next, found->request.state, found->request.paid_cents);
        !s)
      return Changed(s.error());
    return Journal(repos, now, actor.user_id, "request.bank_account_set", Subject(id), std::nullopt,
                   "", fmt::format("bank_account:{}", *account_id));
  });
  if (!status) return Fail(status.error());
  return next;
}

Result<BatchOutcome> AidRequestService::PayBatch(const Actor& actor, const std::string& batch_key,
                                                 const std::vector<PaymentOrder>& orders) {
  if (actor.role != Role::kFinance)
    return Fail(ErrorCode::kPermissionDenied, "Le service financier exécute les paiements.");
  if (!IsBatchKey(batch_key))
    return Refuse(ErrorCode::kInvalidArgument, "batch_key",
                  "La clé du lot compte de 1 à 20 lettres, chiffres ou tirets.");
  if (orders.empty())
    return Refuse(ErrorCode::kInvalidArgument, "orders", "Choisissez au moins un versement.");
  std::set<std::int64_t> seen;
  for (const auto& order : orders) {
    if (!seen.insert(order.request_id).second)
      return Refuse(ErrorCode::kInvalidArgument, "orders",
                    fmt::format("La demande {} figure deux fois dans le lot.", order.request_id));
    if (order.instalment < 1 || order.instalment > 999)
      return Refuse(ErrorCode::kInvalidArgument, "orders", "Numéro de versement invalide.");
  }
  const UnixSeconds now = clock_.Now();
  BatchOutcome outcome;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto& store = repos.aid_requests();
    bool created = false;
    auto batch = store.CreateOrFindBatch(created, batch_key, actor.user_id, now);
    if (!batch) return Fail(batch.error());
    outcome.batch = *batch;
    if (created) {
      if (auto s = Journal(repos, now, actor.user_id, "batch.opened",
                           fmt::format("batch:{}", batch->id), std::nullopt, "", batch_key);
          !s)
        return s;
    }
    for (const auto& order : orders) {
      const std::string key =
          fmt::format("{}-{}-{}", batch_key, order.request_id, order.instalment);
      auto existing = store.FindPaymentByKey(key);
      if (!existing) return Fail(existing.error());
      if (*existing) {
        const Payment& p = **existing;
        if (p.amount_cents != order.amount_cents || p.batch_id != batch->id)
          return Refuse(ErrorCode::kInvalidArgument, "orders",
                        fmt::format("La clé {} a déjà servi pour un autre montant.", key));
        continue;  // a replay: already paid
      }
      if (batch->state != BatchState::kOpen)
        return Fail(ErrorCode::kFailedPrecondition,
                    "Ce lot est déjà parti à la banque : ouvrez un nouveau lot.");
      auto found = store.Find(order.request_id);
      if (!found) return Fail(found.error());
      auto step = Check(found->request, RequestAction::kPayInstalment, actor, options_.policy,
                        order.amount_cents);
      if (!step) return Fail(step.error());
      auto paid = store.Payments(order.request_id, std::nullopt);
      if (!paid) return Fail(paid.error());
      if (order.instalment != static_cast<int>(paid->size()) + 1)
        return Refuse(ErrorCode::kFailedPrecondition, "orders",
                      fmt::format("Le prochain versement de la demande {} est le n° {}.",
                                  order.request_id, paid->size() + 1));
      if (!found->bank_account_id)
        return Refuse(
            ErrorCode::kFailedPrecondition, "orders",
            fmt::format("La demande {} n'a pas de coordonnées bancaires.", order.request_id));
      Payment payment{0,
                      order.request_id,
                      order.instalment,
                      order.amount_cents,
                      key,
                      batch->id,
                      *found->bank_account_id,
                      found->envelope_id.value_or(0),
                      actor.user_id,
                      found->request.hands,
                      now};
      auto inserted = store.InsertPayment(payment);
      if (!inserted) return Fail(inserted.error());
      CrashPoint("payment-inserted");
      if (!*inserted)  // another transaction paid this instalment meanwhile
        return Fail(ErrorCode::kFailedPrecondition,
                    fmt::format("Le versement n° {} de la demande {} est déjà payé.",
                                order.instalment, order.request_id));
      if (auto s = budgets::RecordPayment(repos, payment.envelope_id, order.amount_cents,
                                          budgets::Actor{actor.user_id, now, ""});
          !s)
        return s;
      RequestRecord next = *found;
      next.request.paid_cents += order.amount_cents;
      next.request.state = step->next;
      next.request.updated_at = now;
      if (auto s = store.Update(next, found->request.state, found->request.paid_cents); !s)
        return Changed(s.error());
      auto message = store.AddMessage(Message{
          0, order.request_id, actor.user_id, "pay_instalment",
          fmt::format("Versement n° {} de {}.", order.instalment, Euros(order.amount_cents)), now});
      if (!message) return Fail(message.error());
      if (auto s = Journal(repos, now, actor.user_id, "payment.executed",
                           fmt::format("payment:{}", key), order.amount_cents,
                           Subject(order.request_id), std::string(StateCode(next.request.state)));
          !s)
        return s;
      ++outcome.paid_now;
    }
    auto payments = store.Payments(std::nullopt, batch->id);
    if (!payments) return Fail(payments.error());
    outcome.payments = std::move(*payments);
    CrashPoint("batch-before-commit");
    return Ok();
  });
  if (!status) return Fail(status.error());
  CrashPoint("batch-committed");  // paid, but the caller never hears it: it will replay
  return outcome;
}

Result<BatchFiles> AidRequestService::Files(const Actor& actor, std::int64_t batch_id,
                                            const TransferOptions& options) {
  if (actor.role != Role::kFinance)
    return Fail(ErrorCode::kPermissionDenied, "Le service financier prépare les virements.");
  std::vector<payments::CreditTransfer> transfers;
  std::optional<PaymentBatch> found_batch;
  const auto rules = aids_.rules();
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto& store = repos.aid_requests();
    auto batch = store.FindBatch(batch_id);
    if (!batch) return Fail(batch.error());
    auto payments = store.Payments(std::nullopt, batch_id);
    if (!payments) return Fail(payments.error());
    found_batch = *batch;
    for (const auto& p : *payments) {
      auto account = store.FindBankAccount(p.bank_account_id);
      if (!account) return Fail(account.error());
      auto opened = box_.Open(account->iban_sealed);
      if (!opened) return Fail(opened.error());
      auto iban = payments::Iban::Parse(*opened);
      if (!iban) return Fail(ErrorCode::kInternal, "a sealed IBAN no longer parses");
      std::optional<payments::Bic> bic;
      if (!account->bic.empty()) {
        auto parsed = payments::Bic::Parse(account->bic);
        if (!parsed) return Fail(ErrorCode::kInternal, "a stored BIC no longer parses");
        bic = *parsed;
      }
      auto request = store.Find(p.request_id);
      if (!request) return Fail(request.error());
      std::string aid_name = request->request.aid_id;
      for (const auto& a : rules->aids) {
        if (a.id == aid_name) aid_name = a.name;
      }
      transfers.push_back(payments::CreditTransfer{
          p.idempotency_key, p.amount_cents, account->holder, *iban, bic,
          fmt::format("{} - demande {} - versement {}", aid_name, p.request_id, p.instalment),
          aid_name, std::to_string(p.request_id)});
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  const payments::TransferBatch transfer{found_batch->message_id, found_batch->created_at,
                                         options.execution_date,  options.initiating_party,
                                         options.debtor,          std::move(transfers)};
  auto xml = payments::WritePain001(transfer);
  if (!xml) return Fail(xml.error());
  return BatchFiles{std::move(*xml), payments::WriteAccountingCsv(transfer)};
}

namespace {

Status MoveBatch(Store& store, const Actor& actor, UnixSeconds now, std::int64_t batch_id,
                 BatchState from, BatchState to) {
  if (actor.role != Role::kFinance)
    return Fail(ErrorCode::kPermissionDenied, "Le service financier suit les virements.");
  return store.Write([&](Repositories& repos) -> Status {
    auto moved = repos.aid_requests().SetBatchState(batch_id, from, to, now);
    if (!moved) {
      if (moved.error().code == ErrorCode::kFailedPrecondition)
        return Fail(ErrorCode::kFailedPrecondition, to == BatchState::kSent
                                                        ? "Ce lot est déjà parti à la banque."
                                                        : "Seul un lot envoyé se confirme.");
      return moved;
    }
    return Journal(repos, now, actor.user_id, fmt::format("batch.{}", BatchStateCode(to)),
                   fmt::format("batch:{}", batch_id), std::nullopt,
                   std::string(BatchStateCode(from)), std::string(BatchStateCode(to)));
  });
}

}  // namespace

Status AidRequestService::MarkSent(const Actor& actor, std::int64_t batch_id) {
  return MoveBatch(store_, actor, clock_.Now(), batch_id, BatchState::kOpen, BatchState::kSent);
}

Status AidRequestService::MarkConfirmed(const Actor& actor, std::int64_t batch_id) {
  return MoveBatch(store_, actor, clock_.Now(), batch_id, BatchState::kSent,
                   BatchState::kConfirmed);
}

Result<RequestView> AidRequestService::View(const Actor& actor, std::int64_t id) {
  RequestView view;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto& store = repos.aid_requests();
    auto found = FindVisible(repos, id, actor);
    if (!found) return Fail(found.error());
    view.record = *found;
    auto messages = store.Messages(id);
    if (!messages) return Fail(messages.error());
    view.messages = std::move(*messages);
    auto documents = store.Documents(id);
    if (!documents) return Fail(documents.error());
    view.documents = std::move(*documents);
    auto payments = store.Payments(id, std::nullopt);
    if (!payments) return Fail(payments.error());
    view.payments = std::move(*payments);
    if (found->bank_account_id) {
      auto account = store.FindBankAccount(*found->bank_account_id);
      if (!account) return Fail(account.error());
      view.bank_holder = account->holder;
      view.iban_masked = account->iban_masked;
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return view;
}

namespace {

// The requests the filter selects, in one read.
Result<std::vector<RequestRecord>> ListRequests(Store& store, const RequestFilter& filter) {
  std::vector<RequestRecord> out;
  auto status = store.Read([&](Repositories& repos) -> Status {
    auto listed = repos.aid_requests().List(filter);
    if (!listed) return Fail(listed.error());
    out = std::move(*listed);
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

}  // namespace

Result<std::vector<RequestRecord>> AidRequestService::List(const Actor& actor, Queue queue) {
  if (!IsStaffReader(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "Réservé aux conseillers de la délégation.");
  RequestFilter filter;
  switch (queue) {
    case Queue::kToInstruct:
      filter.states = {RequestState::kSubmitted, RequestState::kUnderInstruction};
      break;
    case Queue::kWaitingForComplement:
      filter.states = {RequestState::kComplementRequested};
      break;
    case Queue::kToApprove:
      filter.states = {RequestState::kUnderInstruction};
      filter.amount_above_cents = options_.policy.approval_threshold_cents;
      break;
    case Queue::kToCommit:
      filter.states = {RequestState::kApproved};
      break;
    case Queue::kToPay:
      filter.states = {RequestState::kCommitted};
      break;
  }
  return ListRequests(store_, filter);
}

Result<std::vector<RequestRecord>> AidRequestService::Mine(const Actor& actor) {
  RequestFilter filter;
  if (actor.membership && (actor.role == Role::kEmployer || actor.role == Role::kCfa)) {
    filter.organisation_id = actor.membership->organisation_id;
  } else {
    filter.requester_id = actor.user_id;
  }
  return ListRequests(store_, filter);
}

// ---------------------------------------------------------------------------------------------
// Invariants

namespace {

struct Everything {
  std::vector<RequestRecord> requests;
  std::vector<Payment> payments;
};

Result<Everything> LoadAll(Repositories& repos) {
  RequestFilter all;
  all.limit = std::numeric_limits<int>::max();
  auto requests = repos.aid_requests().List(all);
  if (!requests) return Fail(requests.error());
  auto payments = repos.aid_requests().Payments(std::nullopt, std::nullopt);
  if (!payments) return Fail(payments.error());
  return Everything{std::move(*requests), std::move(*payments)};
}

// Passes with `count` when `breaches` is empty, otherwise names the first and counts the rest.
journal::CheckOutcome Outcome(const std::vector<std::string>& breaches, std::string count) {
  if (breaches.empty()) return {true, std::move(count)};
  if (breaches.size() == 1) return {false, breaches.front()};
  return {false, fmt::format("{} ({} other breach{})", breaches.front(), breaches.size() - 1,
                             breaches.size() == 2 ? "" : "es")};
}

Result<journal::CheckOutcome> PaymentsOnce(Repositories& repos) {
  auto all = LoadAll(repos);
  if (!all) return Fail(all.error());
  std::vector<std::string> breaches;
  std::set<std::string> keys;
  std::map<std::int64_t, std::vector<int>> instalments;
  for (const auto& p : all->payments) {
    if (!keys.insert(p.idempotency_key).second)
      breaches.push_back(fmt::format("payment {} repeats key {}", p.id, p.idempotency_key));
    instalments[p.request_id].push_back(p.instalment);
  }
  for (auto& [request, numbers] : instalments) {
    std::sort(numbers.begin(), numbers.end());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      if (numbers[i] != static_cast<int>(i) + 1) {
        breaches.push_back(
            fmt::format("request {} instalments are not 1..{}", request, numbers.size()));
        break;
      }
    }
  }
  return Outcome(breaches, fmt::format("{} payments", all->payments.size()));
}

Result<journal::CheckOutcome> RequestsPaid(Repositories& repos) {
  auto all = LoadAll(repos);
  if (!all) return Fail(all.error());
  std::map<std::int64_t, std::int64_t> paid;
  for (const auto& p : all->payments) paid[p.request_id] += p.amount_cents;
  std::vector<std::string> breaches;
  for (const auto& r : all->requests) {
    const auto& q = r.request;
    const std::int64_t sum = paid.contains(q.id) ? paid[q.id] : 0;
    if (q.paid_cents != sum)
      breaches.push_back(
          fmt::format("request {} paid_cents {} but payments sum {}", q.id, q.paid_cents, sum));
    if ((q.state == RequestState::kPaid) != (q.paid_cents == q.amount_cents) &&
        q.state != RequestState::kClosed)
      breaches.push_back(fmt::format("request {} is {} with {} of {} paid", q.id,
                                     StateCode(q.state), q.paid_cents, q.amount_cents));
    if (sum > 0 && q.state != RequestState::kCommitted && q.state != RequestState::kPaid &&
        q.state != RequestState::kClosed)
      breaches.push_back(fmt::format("request {} is {} with payments", q.id, StateCode(q.state)));
  }
  return Outcome(breaches, fmt::format("{} requests", all->requests.size()));
}

Result<journal::CheckOutcome> EnvelopeAmounts(Repositories& repos) {
  auto all = LoadAll(repos);
  if (!all) return Fail(all.error());
  auto envelopes = repos.budgets().List(std::nullopt);
  if (!envelopes) return Fail(envelopes.error());
  std::map<std::int64_t, std::int64_t> paid, committed;
  for (const auto& p : all->payments) paid[p.envelope_id] += p.amount_cents;
  for (const auto& r : all->requests) {
    if (r.envelope_id) committed[*r.envelope_id] += r.request.amount_cents;
  }
  std::vector<std::string> breaches;
  for (const auto& e : *envelopes) {
    if (!(0 <= e.paid_cents && e.paid_cents <= e.committed_cents &&
          e.committed_cents <= e.allocated_cents))
      breaches.push_back(fmt::format("envelope {} paid {} committed {} allocated {}", e.id,
                                     e.paid_cents, e.committed_cents, e.allocated_cents));
    if (paid[e.id] != e.paid_cents)
      breaches.push_back(fmt::format("envelope {} paid_cents {} but payments sum {}", e.id,
                                     e.paid_cents, paid[e.id]));
    if (committed[e.id] > e.committed_cents)
      breaches.push_back(fmt::format("envelope {} committed_cents {} below its requests' {}", e.id,
                                     e.committed_cents, committed[e.id]));
  }
  return Outcome(breaches, fmt::format("{} envelopes", envelopes->size()));
}

Result<journal::CheckOutcome> JournalPayments(Repositories& repos) {
  auto all = LoadAll(repos);
  if (!all) return Fail(all.error());
  std::map<std::string, int> entries;
  std::int64_t after = 0;
  for (;;) {
    auto page = repos.journal().Page(after, 1000);
    if (!page) return Fail(page.error());
    if (page->empty()) break;
    for (const auto& e : *page) {
      if (e.action == "payment.executed") ++entries[e.subject];
      after = e.seq;
    }
  }
  std::vector<std::string> breaches;
  for (const auto& p : all->payments) {
    const std::string subject = fmt::format("payment:{}", p.idempotency_key);
    const int n = entries.contains(subject) ? entries[subject] : 0;
    if (n != 1) breaches.push_back(fmt::format("payment {} has {} journal entries", p.id, n));
    entries.erase(subject);
  }
  for (const auto& [subject, n] : entries)
    breaches.push_back(fmt::format("journal records {} without its payment", subject));
  return Outcome(breaches, fmt::format("{} payments journalled", all->payments.size()));
}

}  // namespace

std::vector<journal::InvariantCheck> InvariantChecks() {
  return {{"payments.once", PaymentsOnce},
          {"requests.paid", RequestsPaid},
          {"envelopes.amounts", EnvelopeAmounts},
          {"journal.payments", JournalPayments}};
}

}  // namespace maplace::aid_requests
