#include "domain/aid_requests/workflow.h"

#include <fmt/format.h>

namespace maplace::aid_requests {

namespace {

using people::Role;

tl::unexpected<Error> NotNow(const AidRequest& request, RequestAction action) {
  return Fail(ErrorCode::kFailedPrecondition,
              fmt::format("Impossible de faire « {} » sur une demande à l'état « {} ».",
                          ActionCode(action), StateLabel(request.state)));
}

tl::unexpected<Error> NotYou(std::string message) {
  return Fail(ErrorCode::kPermissionDenied, std::move(message));
}

// The requester, or a member of the organisation that asked.
bool IsRequesterSide(const AidRequest& request, const people::Actor& actor) {
  if (actor.user_id == request.hands.requester) return true;
  return request.organisation_id && actor.membership &&
         actor.membership->organisation_id == *request.organisation_id;
}

bool Is(const std::optional<std::int64_t>& hand, std::int64_t user) {
  return hand && *hand == user;
}

}  // namespace

Result<Step> Check(const AidRequest& request, RequestAction action, const people::Actor& actor,
                   const Policy& policy, std::int64_t amount_cents) {
  const RequestState state = request.state;
  const Hands& hands = request.hands;
  switch (action) {
    case RequestAction::kSubmit:
      if (state != RequestState::kDraft) return NotNow(request, action);
      if (!IsRequesterSide(request, actor)) return NotYou("Seul le demandeur envoie sa demande.");
      return Step{RequestState::kSubmitted};

    case RequestAction::kTakeUp:
      if (state != RequestState::kSubmitted) return NotNow(request, action);
      if (actor.role != Role::kAdvisor) return NotYou("Un conseiller instruit les demandes.");
      if (actor.user_id == hands.requester) return NotYou("On n'instruit pas sa propre demande.");
      return Step{RequestState::kUnderInstruction};

    case RequestAction::kRequestComplement:
      if (state != RequestState::kUnderInstruction) return NotNow(request, action);
      if (!Is(hands.instructor, actor.user_id))
        return NotYou("Seul le conseiller qui instruit demande un complément.");
      return Step{RequestState::kComplementRequested};

    case RequestAction::kAnswerComplement:
      if (state != RequestState::kComplementRequested) return NotNow(request, action);
      if (!IsRequesterSide(request, actor)) return NotYou("Seul le demandeur complète sa demande.");
      return Step{RequestState::kUnderInstruction};

    case RequestAction::kApprove:
      if (state != RequestState::kUnderInstruction) return NotNow(request, action);
      if (request.amount_cents <= policy.approval_threshold_cents) {
        if (!Is(hands.instructor, actor.user_id))
          return NotYou("Seul le conseiller qui instruit décide.");
        return Step{RequestState::kApproved};
      }
      // Above the threshold a manager approves, never the one who instructed.
      if (actor.role != Role::kManager)
        return NotYou("Au-delà du seuil, une demande est accordée par un responsable.");
      if (Is(hands.instructor, actor.user_id) || actor.user_id == hands.requester)
        return NotYou("La personne qui accorde ne peut pas être celle qui a instruit ou demandé.");
      return Step{RequestState::kApproved, /*needs_manager_approval=*/true};

    case RequestAction::kReject:
      if (state != RequestState::kUnderInstruction) return NotNow(request, action);
      if (!Is(hands.instructor, actor.user_id) && actor.role != Role::kManager)
        return NotYou("Le conseiller qui instruit ou un responsable refuse une demande.");
      if (actor.user_id == hands.requester) return NotYou("On ne décide pas de sa propre demande.");
      return Step{RequestState::kRejected};

    case RequestAction::kCommit:
      if (state != RequestState::kApproved) return NotNow(request, action);
      if (actor.role != Role::kManager) return NotYou("Un responsable engage les dépenses.");
      if (Is(hands.instructor, actor.user_id) || actor.user_id == hands.requester)
        return NotYou("La personne qui engage ne peut pas être celle qui a instruit ou demandé.");
      return Step{RequestState::kCommitted};

    case RequestAction::kPayInstalment: {
      if (state != RequestState::kCommitted) return NotNow(request, action);
      if (actor.role != Role::kFinance)
        return NotYou("Le service financier exécute les paiements.");
      if (Is(hands.instructor, actor.user_id) || Is(hands.approver, actor.user_id) ||
          Is(hands.committer, actor.user_id) || actor.user_id == hands.requester)
        return NotYou(
            "La personne qui paie ne peut pas avoir instruit, accordé ou engagé la demande.");
      const std::int64_t remaining = request.amount_cents - request.paid_cents;
      if (amount_cents < 1 || amount_cents > remaining) {
        return FailFields(
            "instalment out of range",
            {{"amount",
              fmt::format("Le versement doit être compris entre 0,01 € et le reste à payer "
                          "({},{:02} €).",
                          remaining / 100, remaining % 100)}});
      }
      return Step{amount_cents == remaining ? RequestState::kPaid : RequestState::kCommitted};
    }

    case RequestAction::kClose:
      if (state != RequestState::kPaid && state != RequestState::kRejected)
        return NotNow(request, action);
      if (actor.role != Role::kAdvisor && actor.role != Role::kManager)
        return NotYou("Un conseiller ou un responsable clôt une demande.");
      return Step{RequestState::kClosed};
  }
  return NotNow(request, action);
}

}  // namespace maplace::aid_requests
