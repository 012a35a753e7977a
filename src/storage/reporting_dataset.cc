#include "storage/reporting_dataset.h"

#include <optional>

#include "core/date.h"
#include "domain/contracts/contract.h"
#include "domain/poec/poec.h"

namespace maplace::storage::reporting_dataset {
namespace {

using aid_requests::RequestState;
using applications::ApplicationStatus;
using reference::Row;

Status Sync(Repositories& r, const reference::TableSpec& spec, const std::vector<Row>& rows) {
  auto synced = r.reference().Sync(spec, rows);
  if (!synced) return Fail(synced.error());
  return Ok();
}

Status Reference(Repositories& r) {
  namespace t = reference::tables;
  if (auto s = Sync(r, t::EmploymentAreas(),
                    {{"201", "MARTINIQUE CENTRE"}, {"202", "MARTINIQUE NORD ATLANTIQUE"}});
      !s)
    return s;
  if (auto s = Sync(r, t::Communes(),
                    {{"97209", "Fort-de-France", "972", "76000"},
                     {"97213", "Le Lamentin", "972", "40000"},
                     {"97230", "La Trinité", "972", "12000"}});
      !s)
    return s;
  if (auto s = Sync(r, t::CommuneAreas(), {{"97209", "201"}, {"97213", "201"}, {"97230", "202"}});
      !s)
    return s;
  if (auto s = Sync(r, crm::IdccBranchesTable(),
                    {{"1979", "Hôtels, cafés, restaurants", "akto"},
                     {"1596", "Bâtiment (ouvriers, jusqu'à 10 salariés)", "constructys"}});
      !s)
    return s;
  if (auto s = Sync(r, t::RomeJobs(),
                    {{"M1607", "Secrétariat", "M", "M16", "M1607", "", ""},
                     {"F1703", "Maçonnerie", "F", "F17", "F1703", "", ""}});
      !s)
    return s;
  if (auto s = Sync(r, t::FapRome(), {{"L0Z60", "M1607"}, {"B2Z40", "F1703"}}); !s) return s;
  return Sync(r, t::BmoFigures(),
              {{"2023", "L0Z60", "201", "Secrétaires", "L", "Gestion", "100", "60", "0"},
               {"2023", "L0Z60", "202", "Secrétaires", "L", "Gestion", "100", "10", "0"},
               {"2023", "B2Z40", "201", "Maçons", "B", "Bâtiment", "100", "80", "0"},
               {"2023", "B2Z40", "202", "Maçons", "B", "Bâtiment", "100", "20", "0"}});
}

Result<std::int64_t> User(Repositories& r, const std::string& email, people::Role role) {
  return r.users().Create(
      people::User{0, email, "Nom", role, people::UserStatus::kActive, "x", false, 1, 1});
}

Result<std::int64_t> Employer(Repositories& r, const std::string& name, const std::string& idcc,
                              const std::string& commune) {
  people::Organisation o;
  o.name = name;
  o.idcc = idcc;
  o.commune_code = commune;
  o.created_at = kMid2026;
  return r.organisations().Create(o);
}

Result<std::int64_t> Offer(Repositories& r, std::int64_t organisation, std::int64_t by,
                           const std::string& rome, const std::string& title, int level,
                           const std::string& commune) {
  offers::Offer offer;
  offer.organisation_id = organisation;
  offer.created_by = by;
  offer.input.rome_code = rome;
  offer.input.title = title;
  offer.input.level = level;
  offer.input.duration_months = 24;
  offer.input.description = "Une offre.";
  offer.input.commune_code = commune;
  offer.state = offers::OfferState::kPublished;
  offer.published_at = kMid2026;
  offer.expires_at = kMid2026 + 60 * kDay;
  offer.created_at = offer.updated_at = kMid2026;
  return r.offers().Create(offer);
}

}  // namespace

Result<Ids> Write(Store& store) {
  Ids ids;
  auto written = store.Write([&](Repositories& r) -> Status {
    if (auto s = Reference(r); !s) return s;
    // Every id below is checked once, at the end of the transaction: a failed insert throws
    // its error out through value().
    try {
      ids.advisor = User(r, "conseil@opco.mq", people::Role::kAdvisor).value();
      ids.manager = User(r, "direction@opco.mq", people::Role::kManager).value();
      ids.employer_user = User(r, "chef@example.mq", people::Role::kEmployer).value();
      std::int64_t* young[] = {&ids.u1, &ids.u2, &ids.u3, &ids.u4, &ids.u5, &ids.u6};
      for (int k = 0; k < 6; ++k)
        *young[k] =
            User(r, "jeune" + std::to_string(k + 1) + "@example.mq", people::Role::kYoungPerson)
                .value();
      ids.hotel = Employer(r, "Hôtel du Centre", "1979", "97209").value();
      ids.builder = Employer(r, "Bâtisseurs du Nord", "1596", "97230").value();
      ids.secretary_offer =
          Offer(r, ids.hotel, ids.employer_user, "M1607", "Secrétaire", 4, "97209").value();
      ids.mason_offer =
          Offer(r, ids.builder, ids.employer_user, "F1703", "Maçon", 3, "97230").value();

      const auto apply = [&](std::int64_t offer, std::int64_t organisation, std::int64_t applicant,
                             UnixSeconds at, ApplicationStatus status) {
        applications::Application a;
        a.offer_id = offer;
        a.organisation_id = organisation;
        a.applicant_id = applicant;
        a.message = "Bonjour.";
        a.cfa_place = "no";
        a.status = status;
        a.created_at = a.updated_at = at;
        return r.applications().Create(a).value();
      };
      const auto reply = [&](std::int64_t application, const std::string& kind, UnixSeconds at) {
        r.applications()
            .AddReply({0, application, ids.employer_user, kind, "Réponse.", at})
            .value();
      };
      const auto a1 =
          apply(ids.secretary_offer, ids.hotel, ids.u1, kMid2026, ApplicationStatus::kHired);
      reply(a1, "interview", kMid2026 + 2 * kDay);
      reply(a1, "hire", kMid2026 + 10 * kDay);
      const auto a2 =
          apply(ids.secretary_offer, ids.hotel, ids.u2, kMid2026, ApplicationStatus::kRefused);
      reply(a2, "refusal", kMid2026 + 4 * kDay);
      apply(ids.mason_offer, ids.builder, ids.u3, kLast2026, ApplicationStatus::kNew);
      const auto a5 =
          apply(ids.mason_offer, ids.builder, ids.u1, kMid2026, ApplicationStatus::kInterview);
      reply(a5, "interview", kMid2026 + kDay);
      apply(ids.mason_offer, ids.builder, ids.u4, kLast2025, ApplicationStatus::kSeen);
      const auto a6 =
          apply(ids.mason_offer, ids.builder, ids.u5, kMid2025, ApplicationStatus::kHired);
      reply(a6, "hire", kMid2025 + 369 * kDay);
      apply(ids.secretary_offer, ids.hotel, ids.u6, kFirst2027, ApplicationStatus::kNew);

      budgets::Envelope e;
      e.aid_id = "ultramarine-mobility";
      e.funding_source = budgets::FundingSource::kOpco;
      e.label = "Mobilité";
      e.year = 2025;
      e.allocated_cents = 3'000'000;
      budgets::CreateEnvelope(r, e, {ids.manager, kMid2025, ""}).value();
      e.year = 2026;
      e.allocated_cents = 5'000'000;
      ids.envelope_2026 = budgets::CreateEnvelope(r, e, {ids.manager, kMid2026, ""}).value();

      const auto request = [&](std::string aid, RequestState state, std::int64_t requester,
                               std::optional<std::int64_t> organisation, std::string name,
                               UnixSeconds at, std::int64_t cents) {
        aid_requests::RequestRecord record;
        record.request.aid_id = std::move(aid);
        record.request.state = state;
        record.request.amount_cents = cents;
        record.request.organisation_id = organisation;
        record.request.hands.requester = requester;
        record.request.created_at = record.request.updated_at = at;
        record.beneficiary_name = std::move(name);
        record.situation_json = R"({"contract":{"kind":"apprentissage"},"territory":"972"})";
        if (state == RequestState::kCommitted) {
          record.request.hands.instructor = ids.advisor;
          record.request.hands.committer = ids.manager;
          record.envelope_id = ids.envelope_2026;
        }
        return r.aid_requests().Create(record).value();
      };
      request("ultramarine-mobility", RequestState::kSubmitted, ids.u1, std::nullopt, "Jeune 1",
              kMid2026, 100'000);
      request("driving-licence", RequestState::kSubmitted, ids.employer_user, ids.hotel,
              "Mélissa Joseph", kMid2026, 50'000);
      const auto r3 = request("driving-licence", RequestState::kRejected, ids.employer_user,
                              ids.hotel, "M. JOSEPH", kMid2026, 50'000);
      request("driving-licence", RequestState::kSubmitted, ids.employer_user, ids.builder,
              "Kévin Louis", kLast2026, 50'000);
      request("ultramarine-mobility", RequestState::kSubmitted, ids.u2, std::nullopt, "Jeune 2",
              kLast2025, 100'000);
      request("ultramarine-mobility", RequestState::kDraft, ids.u3, std::nullopt, "Jeune 3",
              kMid2026, 100'000);
      const auto r7 = request("ultramarine-mobility", RequestState::kCommitted, ids.u4,
                              std::nullopt, "Jeune 4", kMid2026, 200'000);
      if (auto s = budgets::Commit(r, ids.envelope_2026, 200'000, {ids.manager, kMid2026, ""}); !s)
        return s;
      // Two instalments of r7, on either side of the new year in Martinique.
      const auto finance = User(r, "paiements@opco.mq", people::Role::kFinance).value();
      aid_requests::StoredBankAccount bank;
      bank.owner_user_id = ids.u4;
      bank.holder = "Jeune 4";
      bank.iban_sealed = "sb1:sealed";  // the database checks the sealed form
      bank.iban_masked = "FR76 •••• 0189";
      bank.created_at = kMid2026;
      const auto bank_id = r.aid_requests().CreateBankAccount(bank).value();
      bool created = false;
      const auto batch =
          r.aid_requests().CreateOrFindBatch(created, "LOT-1", finance, kLast2026).value();
      for (const auto& [instalment, at] : {std::pair{1, kLast2026}, std::pair{2, kFirst2027}}) {
        aid_requests::Payment payment;
        payment.request_id = r7;
        payment.instalment = instalment;
        payment.amount_cents = 50'000;
        payment.idempotency_key = "LOT-1-" + std::to_string(r7) + "-" + std::to_string(instalment);
        payment.batch_id = batch.id;
        payment.bank_account_id = bank_id;
        payment.envelope_id = ids.envelope_2026;
        payment.executed_by = finance;
        payment.hands.requester = ids.u4;
        payment.hands.instructor = ids.advisor;
        payment.hands.committer = ids.manager;
        payment.created_at = at;
        r.aid_requests().InsertPayment(payment).value();
        if (auto s = budgets::RecordPayment(r, ids.envelope_2026, 50'000, {finance, at, ""}); !s)
          return s;
      }

      const auto apprentice = [&](std::string last, std::string first, std::int64_t account) {
        contracts::Apprentice a;
        a.last_name = std::move(last);
        a.first_name = std::move(first);
        a.birth_date = *ParseIsoDate("2006-05-04");
        a.young_person_id = account;
        a.created_at = a.updated_at = kMid2025;
        return r.contracts().AddApprentice(a, a.last_name + "|" + a.first_name).value();
      };
      const auto melissa = apprentice("Joseph", "Mélissa", 0);
      const auto jordan = apprentice("Marie", "Jordan", ids.u5);
      const auto lea = apprentice("Victor", "Léa", 0);
      const auto contract = [&](std::int64_t person, std::int64_t employer, int level,
                                const char* starts, const char* ends,
                                std::optional<const char*> broken) {
        contracts::Contract c;
        c.apprentice_id = person;
        c.employer_id = employer;
        c.certification_title = "Diplôme";
        c.level = level;
        c.concluded_on = c.starts_on = *ParseIsoDate(starts);
        c.ends_on = *ParseIsoDate(ends);
        c.tutor_name = "Tuteur";
        c.pay_cents = {100'000};
        if (broken) {
          c.state = contracts::State::kBroken;
          c.broken_on = *ParseIsoDate(*broken);
          c.break_initiative = "employer";
          c.after_break = "unknown";
        }
        c.created_by = ids.advisor;
        c.created_at = c.updated_at = kMid2025;
        r.contracts().AddContract(c).value();
      };
      contract(melissa, ids.hotel, 4, "2026-03-01", "2026-08-31", std::nullopt);
      contract(melissa, ids.builder, 3, "2025-09-01", "2027-08-31", "2026-02-10");
      contract(jordan, ids.builder, 3, "2024-09-01", "2027-08-31", std::nullopt);
      contract(lea, ids.hotel, 4, "2024-09-01", "2027-06-30", std::nullopt);

      // A POEC toward masonry: outcomes dated 2026 (two hires by one company, one other) and one
      // on 31 December 2025.
      poec::Programme programme;
      programme.input = {"POEC maçons", "F1703", "AFPA", 300, "OPCO", ""};
      programme.created_by = ids.advisor;
      const auto programme_id = r.poec().CreateProgramme(programme).value();
      const auto cohort =
          r.poec()
              .CreateCohort({0, programme_id, "Session 1", "2025-09-01", "2025-12-15", "", 0})
              .value();
      for (const auto& [name, outcome, company, date] :
           {std::tuple{"Candidat A", "cdi", "Bâtisseurs du Nord", "2026-02-01"},
            std::tuple{"Candidat B", "alternance", "Bâtisseurs du Nord", "2026-03-01"},
            std::tuple{"Candidat C", "other", "", "2026-03-01"},
            std::tuple{"Candidat D", "cdd12", "Maçons du Sud", "2025-12-31"}}) {
        poec::Candidate c;
        c.cohort_id = cohort;
        c.name = name;
        c.stage = poec::Stage::kOutcome;
        c.outcome = outcome;
        c.company = company;
        c.outcome_date = date;
        r.poec().AddCandidate(c).value();
      }

      contracts::DifficultyEntry difficulty;
      difficulty.apprentice_id = melissa;
      difficulty.kind = contracts::Difficulty::kTransport;
      difficulty.noted_on = *ParseIsoDate("2026-07-01");
      difficulty.created_by = ids.advisor;
      difficulty.created_at = kMid2026;
      r.contracts().AddDifficulty(difficulty).value();
      r.contracts().LinkAidRequest(melissa, r3, ids.advisor, kMid2026).value();
      r.contracts().AddRisk({0, jordan, "low", "Trajets", ids.advisor, "", kLast2025}).value();
      r.contracts()
          .AddNote({0, jordan, "Point d'étape.", false, false, ids.advisor, "", kLast2026})
          .value();
      r.contracts()
          .AddAction({0, lea, "Appeler le tuteur.", *ParseIsoDate("2027-01-15"), std::nullopt,
                      ids.advisor, kFirst2027})
          .value();
    } catch (const tl::bad_expected_access<Error>& e) {
      return Fail(e.error());
    }
    return Ok();
  });
  if (!written) return Fail(written.error());
  return ids;
}

}  // namespace maplace::storage::reporting_dataset
