#include "domain/budgets/budgets.h"

#include <fmt/format.h>

#include "core/text.h"
#include "domain/journal/journal_repository.h"

namespace maplace::budgets {
namespace {

constexpr char kNotCovered[] = "L'enveloppe ne couvre pas ce montant.";

bool IsAidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Status CheckAmount(std::int64_t amount_cents) {
  if (amount_cents < kMinAmountCents || amount_cents > kMaxAmountCents)
    return FailFields(fmt::format("amount {} cents out of range", amount_cents),
                      {{"amount_cents",
                        "Le montant doit être compris entre 0,01 € et "
                        "100 000 000 €."}});
  return Ok();
}

// Adds the French words of a refused movement for the form that asked for it.
Status Explain(Status status, const char* french) {
  if (!status && status.error().code == ErrorCode::kFailedPrecondition)
    status.error().fields.emplace("amount_cents", french);
  return status;
}

// Every movement is audited and chained into the money journal (with its amount), in the
// caller's transaction: `maplace audit verify` sees envelopes as it sees payments.
Status Audit(Repositories& repos, const char* action, std::int64_t envelope_id, const Actor& actor,
             std::optional<std::int64_t> amount_cents) {
  const std::string subject = fmt::format("envelope:{}", envelope_id);
  if (auto s = repos.audit().Record(audit::AuditEvent{0, actor.now, actor.user_id, action, subject,
                                                      text::SingleLine(actor.client_address)});
      !s)
    return s;
  journal::JournalEntry entry;
  entry.at = actor.now;
  entry.actor_user_id = actor.user_id;
  entry.action = action;
  entry.subject = subject;
  entry.amount_cents = amount_cents;
  auto appended = repos.journal().Append(entry);
  if (!appended) return Fail(appended.error());
  return Ok();
}

}  // namespace

Result<std::int64_t> CreateEnvelope(Repositories& repos, const Envelope& envelope,
                                    const Actor& actor) {
  Error invalid{ErrorCode::kInvalidArgument, "invalid envelope", {}};
  if (!IsAidId(envelope.aid_id)) invalid.fields["aid_id"] = "Choisissez une aide.";
  if (envelope.year < 2020 || envelope.year > 2100)
    invalid.fields["year"] = "L'année doit être comprise entre 2020 et 2100.";
  const std::string_view partner = text::Trim(envelope.partner);
  if (NeedsPartner(envelope.funding_source) && partner.empty())
    invalid.fields["partner"] = "Indiquez le partenaire qui finance cette enveloppe.";
  if (!NeedsPartner(envelope.funding_source) && !partner.empty())
    invalid.fields["partner"] =
        "Un partenaire ne s'indique que pour une délégation ou une convention.";
  if (partner.size() > 200) invalid.fields["partner"] = "Le nom du partenaire est trop long.";
  const std::string label = text::SingleLine(text::Trim(envelope.label));
  if (label.empty()) invalid.fields["label"] = "Donnez un nom à l'enveloppe.";
  if (label.size() > 200) invalid.fields["label"] = "Le nom de l'enveloppe est trop long.";
  if (envelope.allocated_cents < 0 || envelope.allocated_cents > kMaxAllocatedCents)
    invalid.fields["allocated_cents"] =
        "Le montant alloué doit être compris entre 0 € et 10 000 000 000 €.";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  Envelope clean = envelope;
  clean.id = 0;
  clean.partner = text::SingleLine(partner);
  clean.label = label;
  clean.committed_cents = clean.paid_cents = 0;
  clean.created_at = clean.updated_at = actor.now;
  auto id = repos.budgets().Create(clean);
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists)
      id.error().fields.emplace(
          "partner",
          "Cette aide a déjà une enveloppe pour cette année, cette source et ce "
          "partenaire.");
    return id;
  }
  if (auto s = Audit(repos, kCreatedAction, *id, actor, envelope.allocated_cents); !s)
    return Fail(s.error());
  return id;
}

Status Commit(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
              const Actor& actor) {
  if (auto s = CheckAmount(amount_cents); !s) return s;
  if (auto s = Explain(repos.budgets().Commit(envelope_id, amount_cents, actor.now), kNotCovered);
      !s)
    return s;
  return Audit(repos, kCommittedAction, envelope_id, actor, amount_cents);
}

Status Release(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
               const Actor& actor) {
  if (auto s = CheckAmount(amount_cents); !s) return s;
  if (auto s = Explain(repos.budgets().Release(envelope_id, amount_cents, actor.now),
                       "Ce montant dépasse ce qui est engagé et non payé sur l'enveloppe.");
      !s)
    return s;
  return Audit(repos, kReleasedAction, envelope_id, actor, amount_cents);
}

Status RecordPayment(Repositories& repos, std::int64_t envelope_id, std::int64_t amount_cents,
                     const Actor& actor) {
  if (auto s = CheckAmount(amount_cents); !s) return s;
  if (auto s = Explain(repos.budgets().RecordPayment(envelope_id, amount_cents, actor.now),
                       "Ce paiement dépasse ce qui est engagé sur l'enveloppe.");
      !s)
    return s;
  return Audit(repos, kPaidAction, envelope_id, actor, amount_cents);
}

Status Transfer(Repositories& repos, std::int64_t from_id, std::int64_t to_id,
                std::int64_t amount_cents, const Actor& actor) {
  if (auto s = CheckAmount(amount_cents); !s) return s;
  if (from_id == to_id)
    return FailFields("transfer to the same envelope",
                      {{"to_id", "Choisissez une autre enveloppe que celle d'origine."}});
  if (auto s = Explain(repos.budgets().Transfer(from_id, to_id, amount_cents, actor.now),
                       "L'enveloppe d'origine n'a pas assez de crédits non engagés.");
      !s)
    return s;
  if (auto s = Audit(repos, kTransferredOutAction, from_id, actor, amount_cents); !s) return s;
  return Audit(repos, kTransferredInAction, to_id, actor, amount_cents);
}

Result<std::int64_t> ProposeTransfer(Repositories& repos, std::int64_t from_id, std::int64_t to_id,
                                     std::int64_t amount_cents, std::string_view reason,
                                     const Actor& actor) {
  Error invalid{ErrorCode::kInvalidArgument, "invalid transfer proposal", {}};
  auto from = repos.budgets().Find(from_id);
  if (!from && from.error().code != ErrorCode::kNotFound) return Fail(from.error());
  if (!from) invalid.fields["from_id"] = "Choisissez l'enveloppe d'origine.";
  auto to = repos.budgets().Find(to_id);
  if (!to && to.error().code != ErrorCode::kNotFound) return Fail(to.error());
  if (!to) invalid.fields["to_id"] = "Choisissez l'enveloppe de destination.";
  if (from && to && from_id == to_id)
    invalid.fields["to_id"] = "Choisissez une autre enveloppe que celle d'origine.";
  if (auto s = CheckAmount(amount_cents); !s) {
    invalid.fields.merge(s.error().fields);
  } else if (from && amount_cents > from->available_cents()) {
    invalid.fields["amount_cents"] = "L'enveloppe d'origine n'a pas assez de crédits non engagés.";
  }
  const std::string why = text::SingleLine(text::Trim(reason));
  if (why.empty()) invalid.fields["reason"] = "Dites pourquoi ces crédits changent d'enveloppe.";
  if (why.size() > 500) invalid.fields["reason"] = "Le motif est trop long (500 caractères).";
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  TransferProposal proposal;
  proposal.from_envelope_id = from_id;
  proposal.to_envelope_id = to_id;
  proposal.amount_cents = amount_cents;
  proposal.reason = why;
  proposal.proposed_by = actor.user_id;
  proposal.proposed_at = actor.now;
  auto id = repos.budgets().CreateTransfer(proposal);
  if (!id) return id;
  if (auto s = repos.audit().Record(audit::AuditEvent{
          0, actor.now, actor.user_id, kTransferProposedAction, fmt::format("transfer:{}", *id),
          text::SingleLine(actor.client_address)});
      !s)
    return Fail(s.error());
  return id;
}

Status DecideTransfer(Repositories& repos, std::int64_t proposal_id, bool approve,
                      std::string_view note, const Actor& actor) {
  auto proposal = repos.budgets().FindTransfer(proposal_id);
  if (!proposal) return Fail(proposal.error());
  if (proposal->state != TransferState::kProposed)
    return Fail(ErrorCode::kFailedPrecondition, "Ce virement a déjà été décidé.");
  if (proposal->proposed_by == actor.user_id)
    return Fail(ErrorCode::kPermissionDenied,
                "Un virement est approuvé ou refusé par une autre personne que celle qui l'a "
                "proposé.");
  const std::string why = text::SingleLine(text::Trim(note));
  if (!approve && why.empty())
    return FailFields("refusal without a reason",
                      {{"note", "Dites pourquoi le virement est refusé."}});
  if (why.size() > 500)
    return FailFields("note too long",
                      {{"note", "Le commentaire est trop long (500 caractères)."}});
  const TransferState decision = approve ? TransferState::kApproved : TransferState::kRefused;
  if (auto s = repos.budgets().DecideTransfer(proposal_id, decision, actor.user_id, actor.now, why);
      !s) {
    if (s.error().code == ErrorCode::kFailedPrecondition)
      return Fail(ErrorCode::kFailedPrecondition, "Ce virement a déjà été décidé.");
    return s;
  }
  if (approve) {
    if (auto s = Transfer(repos, proposal->from_envelope_id, proposal->to_envelope_id,
                          proposal->amount_cents, actor);
        !s)
      return s;
  }
  return repos.audit().Record(audit::AuditEvent{
      0, actor.now, actor.user_id, approve ? kTransferApprovedAction : kTransferRefusedAction,
      fmt::format("transfer:{}", proposal_id), text::SingleLine(actor.client_address)});
}

}  // namespace maplace::budgets
