#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/contracts/contract.h"

namespace maplace::contracts {

// What FiguresOfYear counts: one contract with the keys of its breakdowns.
struct FigureRow {
  Kind kind = Kind::kApprenticeship;
  int level = 4;
  Date starts_on{};
  Date ends_on{};
  std::optional<Date> broken_on;
  std::int64_t cfa_id = 0;
  std::string cfa_name;
  std::string area_code;  // the employer's commune's employment area, "" unknown
  std::string area_name;
  std::string idcc;  // the employer's, "" unknown
  std::string branch;
  std::string opco;  // the OPCO of that IDCC (idcc_branches), "" unknown
};

class ContractRepository {
 public:
  virtual ~ContractRepository() = default;

  // kAlreadyExists when the identity (FoldName of last name, first name, birth date) is known.
  virtual Result<std::int64_t> AddApprentice(const Apprentice& apprentice,
                                             const std::string& folded) = 0;
  virtual Result<Apprentice> FindApprentice(std::int64_t id) = 0;
  // By the folded identity; nullopt when unknown.
  virtual Result<std::optional<Apprentice>> FindApprenticeByIdentity(const std::string& folded) = 0;
  // E-mail, account, referent advisor, risk and updated_at.
  virtual Status UpdateApprentice(const Apprentice& apprentice) = 0;
  // The apprentices of a young person's account (their timeline).
  virtual Result<std::vector<Apprentice>> ApprenticesOfAccount(std::int64_t young_person_id) = 0;

  virtual Result<std::int64_t> AddContract(const Contract& contract) = 0;
  // Every field but apprentice_id, created_by and created_at. kNotFound for an unknown id.
  virtual Status UpdateContract(const Contract& contract) = 0;
  virtual Result<ContractRow> FindContract(std::int64_t id) = 0;
  // By start date, newest first.
  virtual Result<Page<ContractRow>> ListContracts(const ContractFilter& filter) = 0;
  // An organisation of `kind` ("employer", "cfa") by SIRET or (CFAs) UAI; nullopt when unknown.
  virtual Result<std::optional<std::int64_t>> FindOrganisationByCode(const std::string& kind,
                                                                     const std::string& code) = 0;
  // The employers (or CFAs) of at least one contract, by name: the list's filters.
  virtual Result<std::vector<std::pair<std::int64_t, std::string>>> Parties(bool cfas) = 0;
  // Contracts started, broken or ended in [from, to] with their breakdown keys.
  virtual Result<std::vector<FigureRow>> FigureRows(Date from, Date to) = 0;

  virtual Result<std::int64_t> AddDifficulty(const DifficultyEntry& entry) = 0;
  virtual Status ResolveDifficulty(std::int64_t id, std::optional<Date> resolved_on) = 0;
  virtual Result<std::vector<DifficultyEntry>> Difficulties(std::int64_t apprentice_id) = 0;
  // Also sets apprentices.risk.
  virtual Result<std::int64_t> AddRisk(const RiskEntry& entry) = 0;
  virtual Result<std::vector<RiskEntry>> Risks(std::int64_t apprentice_id) = 0;  // newest first
  virtual Result<std::int64_t> AddAction(const ActionEntry& entry) = 0;
  virtual Status SetActionDone(std::int64_t id, std::optional<Date> done_on) = 0;
  virtual Result<ActionEntry> FindAction(std::int64_t id) = 0;
  virtual Result<std::vector<ActionEntry>> Actions(std::int64_t apprentice_id) = 0;  // by due
  virtual Result<std::int64_t> AddNote(const Note& note) = 0;
  virtual Result<std::vector<Note>> Notes(std::int64_t apprentice_id) = 0;  // newest first
  // False when already linked.
  virtual Result<bool> LinkAidRequest(std::int64_t apprentice_id, std::int64_t aid_request_id,
                                      std::int64_t by, UnixSeconds at) = 0;
  virtual Result<std::vector<std::int64_t>> LinkedAidRequests(std::int64_t apprentice_id) = 0;
};

}  // namespace maplace::contracts
