#include "domain/contracts/contract_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

#include "core/text.h"
#include "domain/aids/aids.h"
#include "domain/aids/engine.h"
#include "domain/crm/branches.h"
#include "domain/crm/fold.h"
#include "domain/people/siret.h"
#include "domain/text_checks.h"
#include "domain/trainings/training_service.h"

namespace maplace::contracts {
namespace {

using people::Actor;
using Errors = std::map<std::string, std::string>;

Status RequireStaff(const Actor& actor) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "the contracts register is for the staff");
  return Ok();
}

audit::AuditEvent Event(const Actor& actor, UnixSeconds now, std::string action,
                        std::string subject) {
  return audit::AuditEvent{0, now, actor.user_id, std::move(action), std::move(subject), ""};
}

std::string Trimmed(const std::string& s) { return std::string(text::Trim(s)); }

constexpr char kNothingWritten[] = "import checked, nothing written";

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "2025-09-01" or "01/09/2025".
std::optional<Date> ParseDate(const std::string& typed) { return ParseTypedDate(Trimmed(typed)); }

std::optional<int> ParseSmallInt(const std::string& typed, int min, int max) {
  const std::string s = Trimmed(typed);
  if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
  const int v = std::stoi(s);
  if (v < min || v > max) return std::nullopt;
  return v;
}

std::string FormatCentsPlain(Cents cents) {  // "1234,56", as typed back into the form
  return fmt::format("{},{:02}", cents / 100, cents % 100);
}

// A contract's fields checked alone (no store): the apprentice's identity and the contract.
struct Parsed {
  Apprentice apprentice;
  Contract contract;
};

Parsed ParseFields(const ContractInput& in, Errors& errors) {
  Parsed p;
  Apprentice& a = p.apprentice;
  Contract& c = p.contract;
  const std::string kind = Trimmed(in.kind);
  if (auto k = ParseKind(kind.empty() ? "apprentissage" : kind))
    c.kind = *k;
  else
    errors["kind"] = "Choisissez le type de contrat (apprentissage ou professionnalisation).";
  checks::CheckText(errors, "last_name", in.last_name, 120, false,
                    "Indiquez le nom de l'apprenti.");
  checks::CheckText(errors, "first_name", in.first_name, 120, false,
                    "Indiquez le prénom de l'apprenti.");
  a.last_name = Trimmed(in.last_name);
  a.first_name = Trimmed(in.first_name);
  if (auto d = ParseDate(in.birth_date))
    a.birth_date = *d;
  else
    errors["birth_date"] = "Indiquez la date de naissance (jj/mm/aaaa).";
  a.email = Trimmed(in.email);
  if (!a.email.empty()) {
    a.email = text::NormalizeEmail(a.email);
    if (a.email.empty())
      errors["email"] = "Cette adresse e-mail n'est pas valide (ex. nom@exemple.fr).";
  }
  if (people::NormalizeSiret(in.employer_siret).empty())
    errors["employer_siret"] = "Indiquez le SIRET de l'employeur (14 chiffres).";
  if (Trimmed(in.cfa).empty() && c.kind == Kind::kApprenticeship)
    errors["cfa"] = "Indiquez l'UAI ou le SIRET du CFA.";
  c.rncp_code = Upper(Trimmed(in.rncp_code));
  c.rncp_code.erase(std::remove(c.rncp_code.begin(), c.rncp_code.end(), ' '), c.rncp_code.end());
  if (!c.rncp_code.empty()) {
    if (std::all_of(c.rncp_code.begin(), c.rncp_code.end(), ::isdigit))
      c.rncp_code = "RNCP" + c.rncp_code;
    if (!std::regex_match(c.rncp_code, std::regex("RNCP[0-9]{3,6}")))
      errors["rncp_code"] = "Le code RNCP s'écrit RNCP suivi de chiffres (ex. RNCP35632).";
  }
  checks::CheckText(errors, "certification_title", in.certification_title, 300, false,
                    "Indiquez l'intitulé du diplôme ou titre préparé.");
  c.certification_title = Trimmed(in.certification_title);
  if (auto level = ParseSmallInt(in.level, 3, 8))
    c.level = *level;
  else
    errors["level"] = "Choisissez le niveau de la certification (3 à 8).";
  if (auto d = ParseDate(in.concluded_on))
    c.concluded_on = *d;
  else
    errors["concluded_on"] = "Indiquez la date de conclusion du contrat (jj/mm/aaaa).";
  const auto starts = ParseDate(in.starts_on);
  const auto ends = ParseDate(in.ends_on);
  if (starts)
    c.starts_on = *starts;
  else
    errors["starts_on"] = "Indiquez la date de début d'exécution (jj/mm/aaaa).";
  if (ends)
    c.ends_on = *ends;
  else
    errors["ends_on"] = "Indiquez la date de fin du contrat (jj/mm/aaaa).";
  if (starts && ends && !(*starts < *ends))
    errors["ends_on"] = "La fin du contrat doit suivre son début.";
  if (!Trimmed(in.training_starts_on).empty()) {
    if (auto d = ParseDate(in.training_starts_on))
      c.training_starts_on = *d;
    else
      errors["training_starts_on"] = "Cette date n'est pas valide (jj/mm/aaaa).";
  }
  checks::CheckText(errors, "tutor_name", in.tutor_name, 120, false,
                    "Indiquez le nom du maître d'apprentissage ou du tuteur.");
  c.tutor_name = Trimmed(in.tutor_name);
  if (!Trimmed(in.tutor_experience_years).empty()) {
    if (auto y = ParseSmallInt(in.tutor_experience_years, 0, 60))
      c.tutor_experience_years = y;
    else
      errors["tutor_experience_years"] = "Indiquez un nombre d'années entre 0 et 60.";
  }
  if (!Trimmed(in.tutor_other_apprentices).empty()) {
    if (auto n = ParseSmallInt(in.tutor_other_apprentices, 0, 99))
      c.tutor_other_apprentices = *n;
    else
      errors["tutor_other_apprentices"] = "Indiquez un nombre entre 0 et 99.";
  }
  const std::string* pays[] = {&in.pay_year1, &in.pay_year2, &in.pay_year3, &in.pay_year4};
  for (int i = 0; i < 4; ++i) {
    const std::string field = fmt::format("pay_year{}", i + 1);
    if (Trimmed(*pays[i]).empty()) {
      if (i == 0) errors[field] = "Indiquez le salaire brut mensuel de la 1re année.";
      continue;
    }
    // A monthly pay: positive, and below 10 million euros (a typing slip otherwise).
    if (auto cents = text::ParseEuros(*pays[i]); cents && *cents > 0 && *cents < 1'000'000'000) {
      if (static_cast<int>(c.pay_cents.size()) != i)
        errors[field] = "Indiquez d'abord le salaire des années précédentes.";
      else
        c.pay_cents.push_back(*cents);
    } else {
      errors[field] = "Indiquez un montant en euros (ex. 1 234,56).";
    }
  }
  c.opco = text::AsciiLower(Trimmed(in.opco));
  if (!c.opco.empty() && crm::OpcoLabel(c.opco).empty())
    errors["opco"] = "Choisissez un OPCO de la liste (akto, opco2i, constructys, ocapiat, atlas).";
  const std::string state = Trimmed(in.state);
  if (auto s = ParseState(state.empty() ? "running" : state))
    c.state = *s;
  else
    errors["state"] = "Choisissez l'état du contrat.";
  if (c.state == State::kBroken) {
    if (auto d = ParseDate(in.broken_on)) {
      c.broken_on = *d;
      if (starts && *d < *starts) errors["broken_on"] = "La rupture ne peut précéder le début.";
    } else {
      errors["broken_on"] = "Indiquez la date de la rupture (jj/mm/aaaa).";
    }
    c.break_initiative = Trimmed(in.break_initiative);
    if (InitiativeLabel(c.break_initiative).empty())
      errors["break_initiative"] = "Indiquez qui a pris l'initiative de la rupture.";
    checks::CheckText(errors, "break_reason", in.break_reason, 1000, true,
                      "Indiquez le motif de la rupture.");
    c.break_reason = Trimmed(in.break_reason);
    c.after_break = Trimmed(in.after_break);
    if (c.after_break.empty()) c.after_break = "unknown";
    if (AfterBreakLabel(c.after_break).empty())
      errors["after_break"] = "Choisissez ce qu'est devenu l'apprenti.";
    checks::CheckText(errors, "after_break_note", in.after_break_note, 1000, true, nullptr);
    c.after_break_note = Trimmed(in.after_break_note);
  } else if (!Trimmed(in.broken_on).empty()) {
    errors["broken_on"] = "Une date de rupture va avec l'état « Rompu ».";
  }
  return p;
}

// The organisations named by SIRET / UAI, inside the transaction.
void ResolveOrganisations(Repositories& repos, const ContractInput& in, Contract& c,
                          Errors& errors) {
  const std::string siret = people::NormalizeSiret(in.employer_siret);
  if (!siret.empty()) {
    auto employer = repos.contracts().FindOrganisationByCode("employer", siret);
    if (!employer || !*employer)
      errors["employer_siret"] =
          "Aucun employeur connu avec ce SIRET : créez-le d'abord dans le répertoire.";
    else
      c.employer_id = **employer;
  }
  std::string cfa = text::AsciiLower(Trimmed(in.cfa));
  cfa.erase(std::remove(cfa.begin(), cfa.end(), ' '), cfa.end());
  if (!cfa.empty()) {
    auto found = repos.contracts().FindOrganisationByCode("cfa", cfa);
    if (!found || !*found)
      errors["cfa"] =
          "Aucun CFA connu avec cet UAI ou ce SIRET : créez-le d'abord dans le répertoire.";
    else
      c.cfa_id = **found;
  }
}

// The certification against the reference (Certif Info), when it is loaded: an unknown RNCP
// code is refused; a known one gives its level, as the trainings' catalogue does.
void ResolveCertification(Repositories& repos, Contract& c, Errors& errors) {
  if (c.rncp_code.empty() || errors.count("rncp_code")) return;
  auto has = repos.trainings().HasCertifications();
  if (!has || !*has) return;
  auto found = repos.trainings().FindCertification(c.rncp_code, "");
  if (!found) return;
  if (!*found) {
    errors["rncp_code"] = "Ce code RNCP n'est pas dans le référentiel (Certif Info) : vérifiez-le.";
    return;
  }
  if ((*found)->level >= 3 && (*found)->level <= 8) {
    c.level = (*found)->level;
    errors.erase("level");
  }
}

// The apprentice of an identity: found, or added. Links a young person's account by e-mail.
Result<std::int64_t> ApprenticeFor(Repositories& repos, Apprentice a, UnixSeconds now) {
  const std::string key = IdentityKey(a.last_name, a.first_name, a.birth_date);
  auto known = repos.contracts().FindApprenticeByIdentity(key);
  if (!known) return Fail(known.error());
  std::int64_t account = 0;
  if (!a.email.empty()) {
    if (auto user = repos.users().FindByEmail(a.email);
        user && user->role == people::Role::kYoungPerson)
      account = user->id;
  }
  if (*known) {
    Apprentice existing = **known;
    if ((!a.email.empty() && a.email != existing.email) ||
        (account != 0 && account != existing.young_person_id)) {
      if (!a.email.empty()) existing.email = a.email;
      if (account != 0) existing.young_person_id = account;
      existing.updated_at = now;
      if (auto ok = repos.contracts().UpdateApprentice(existing); !ok) return Fail(ok.error());
    }
    return existing.id;
  }
  a.young_person_id = account;
  a.created_at = a.updated_at = now;
  return repos.contracts().AddApprentice(a, key);
}

std::string ChecksSummary(const std::vector<StoredCheck>& checks) {
  int failed = 0;
  for (const auto& c : checks) failed += c.ok ? 0 : 1;
  return fmt::format("{} contrôle(s) en échec", failed);
}

}  // namespace

std::string IdentityKey(const std::string& last_name, const std::string& first_name, Date birth) {
  return crm::FoldName(
      fmt::format("{} {} {}", text::Trim(last_name), text::Trim(first_name), FormatIsoDate(birth)));
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> columns = {"kind",
                                                   "last_name",
                                                   "first_name",
                                                   "birth_date",
                                                   "email",
                                                   "employer_siret",
                                                   "cfa",
                                                   "rncp_code",
                                                   "certification_title",
                                                   "level",
                                                   "concluded_on",
                                                   "starts_on",
                                                   "ends_on",
                                                   "training_starts_on",
                                                   "tutor_name",
                                                   "tutor_experience_years",
                                                   "tutor_other_apprentices",
                                                   "pay_year1",
                                                   "pay_year2",
                                                   "pay_year3",
                                                   "pay_year4",
                                                   "opco",
                                                   "state",
                                                   "broken_on",
                                                   "break_initiative",
                                                   "break_reason",
                                                   "after_break",
                                                   "after_break_note"};
  return columns;
}

std::vector<StoredCheck> RunChecks(const aids::Rules& rules, const Contract& contract,
                                   const Apprentice& apprentice) {
  aids::Situation s;
  s.date = contract.starts_on;
  s.territory = aids::Territory::kMartinique;
  s.contract.kind = contract.kind == Kind::kApprenticeship
                        ? aids::ContractKind::kApprenticeship
                        : aids::ContractKind::kProfessionalisation;
  s.contract.concluded_on = contract.concluded_on;
  s.contract.starts_on = contract.starts_on;
  s.contract.ends_on = contract.ends_on;
  s.contract.certification_level = contract.level;
  s.contract.training_starts_on = contract.training_starts_on;
  s.apprentice.birth_date = apprentice.birth_date;
  if (contract.tutor_experience_years || contract.tutor_other_apprentices > 0) {
    aids::Tutor tutor;
    tutor.other_apprentices = contract.tutor_other_apprentices;
    tutor.related_experience_years = contract.tutor_experience_years;
    s.tutor = tutor;
  }
  // The minimum of each period first (no agreed pay), then the pay of its contract year.
  auto evaluation = aids::Evaluate(rules, s);
  if (!evaluation) {
    std::string sentence = evaluation.error().message;
    for (const auto& [field, message] : evaluation.error().fields) sentence = message;
    return {StoredCheck{"engine", false, "Le contrat n'a pas pu être contrôlé : " + sentence}};
  }
  std::vector<aids::PayPeriod> pay = evaluation->pay;
  for (auto& period : pay) {
    if (contract.pay_cents.empty()) break;
    const std::size_t year =
        std::clamp<std::size_t>(period.contract_year, 1, contract.pay_cents.size());
    period.gross_monthly_cents = contract.pay_cents[year - 1];
  }
  std::vector<StoredCheck> out;
  for (const aids::Check& check : aids::CheckContract(rules, s, pay))
    out.push_back({check.id, check.ok, check.sentence});
  return out;
}

ContractService::ContractService(Store& store, const Clock& clock, RulesSource rules)
    : store_(store), clock_(clock), rules_(std::move(rules)) {}

Date ContractService::Today() const { return MartiniqueDate(clock_.Now()); }

bool ContractService::CanReadSensitive(const Actor& actor, const Apprentice& apprentice,
                                       std::int64_t author_id) {
  if (!people::IsStaff(actor.role)) return false;
  return actor.role == people::Role::kManager ||
         (apprentice.advisor_id != 0 && actor.user_id == apprentice.advisor_id) ||
         actor.user_id == author_id;
}

Result<SavedContract> ContractService::Create(const Actor& actor, const ContractInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  Errors errors;
  Parsed p = ParseFields(input, errors);
  const auto rules = rules_();
  SavedContract saved;
  Status status = store_.Write([&](Repositories& repos) -> Status {
    ResolveOrganisations(repos, input, p.contract, errors);
    ResolveCertification(repos, p.contract, errors);
    if (!errors.empty()) return FailFields("invalid contract", errors);
    const UnixSeconds now = clock_.Now();
    auto apprentice = ApprenticeFor(repos, p.apprentice, now);
    if (!apprentice) return Fail(apprentice.error());
    Contract& c = p.contract;
    c.apprentice_id = *apprentice;
    c.checks = RunChecks(*rules, c, p.apprentice);
    c.created_by = actor.user_id;
    c.created_at = c.updated_at = now;
    auto id = repos.contracts().AddContract(c);
    if (!id) return Fail(id.error());
    saved = {*id, *apprentice, c.checks};
    return repos.audit().Record(
        Event(actor, now, "contracts.created",
              fmt::format("contract:{} ({})", *id, ChecksSummary(c.checks))));
  });
  if (!status) return Fail(status.error());
  return saved;
}

Result<SavedContract> ContractService::Update(const Actor& actor, std::int64_t contract_id,
                                              const ContractInput& input) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  Errors errors;
  Parsed p = ParseFields(input, errors);
  const auto rules = rules_();
  SavedContract saved;
  Status status = store_.Write([&](Repositories& repos) -> Status {
    auto existing = repos.contracts().FindContract(contract_id);
    if (!existing) return Fail(existing.error());
    ResolveOrganisations(repos, input, p.contract, errors);
    ResolveCertification(repos, p.contract, errors);
    if (!errors.empty()) return FailFields("invalid contract", errors);
    const UnixSeconds now = clock_.Now();
    // A change of identity moves the contract to that apprentice (a typo corrected).
    auto apprentice = ApprenticeFor(repos, p.apprentice, now);
    if (!apprentice) return Fail(apprentice.error());
    Contract& c = p.contract;
    c.id = contract_id;
    c.apprentice_id = *apprentice;
    c.checks = RunChecks(*rules, c, p.apprentice);
    c.created_by = existing->contract.created_by;
    c.created_at = existing->contract.created_at;
    c.updated_at = now;
    if (auto ok = repos.contracts().UpdateContract(c); !ok) return Fail(ok.error());
    saved = {contract_id, *apprentice, c.checks};
    std::string what = fmt::format("contract:{} ({})", contract_id, ChecksSummary(c.checks));
    if (existing->contract.state != c.state)
      what +=
          fmt::format(" état {} -> {}", StateCode(existing->contract.state), StateCode(c.state));
    return repos.audit().Record(Event(actor, now, "contracts.updated", what));
  });
  if (!status) return Fail(status.error());
  return saved;
}

Result<ContractRow> ContractService::Find(const Actor& actor, std::int64_t contract_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(
      store_, [&](Repositories& repos) { return repos.contracts().FindContract(contract_id); });
}

ContractInput ContractService::InputOf(const ContractRow& row) {
  const Contract& c = row.contract;
  ContractInput in;
  in.kind = KindCode(c.kind);
  in.last_name = row.apprentice.last_name;
  in.first_name = row.apprentice.first_name;
  in.birth_date = FormatIsoDate(row.apprentice.birth_date);
  in.email = row.apprentice.email;
  in.employer_siret = row.employer_siret;
  in.cfa = row.cfa_uai.empty() ? std::string() : row.cfa_uai;
  in.rncp_code = c.rncp_code;
  in.certification_title = c.certification_title;
  in.level = std::to_string(c.level);
  in.concluded_on = FormatIsoDate(c.concluded_on);
  in.starts_on = FormatIsoDate(c.starts_on);
  in.ends_on = FormatIsoDate(c.ends_on);
  if (c.training_starts_on) in.training_starts_on = FormatIsoDate(*c.training_starts_on);
  in.tutor_name = c.tutor_name;
  if (c.tutor_experience_years)
    in.tutor_experience_years = std::to_string(*c.tutor_experience_years);
  in.tutor_other_apprentices = std::to_string(c.tutor_other_apprentices);
  std::string* pays[] = {&in.pay_year1, &in.pay_year2, &in.pay_year3, &in.pay_year4};
  for (std::size_t i = 0; i < c.pay_cents.size() && i < 4; ++i)
    *pays[i] = FormatCentsPlain(c.pay_cents[i]);
  in.opco = c.opco;
  in.state = StateCode(c.state);
  if (c.broken_on) in.broken_on = FormatIsoDate(*c.broken_on);
  in.break_initiative = c.break_initiative;
  in.break_reason = c.break_reason;
  in.after_break = c.after_break;
  in.after_break_note = c.after_break_note;
  return in;
}

Result<Page<ContractRow>> ContractService::List(const Actor& actor, const ContractFilter& filter) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_,
                   [&](Repositories& repos) { return repos.contracts().ListContracts(filter); });
}

Result<std::vector<std::pair<std::int64_t, std::string>>> ContractService::Parties(
    const Actor& actor, bool cfas) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_, [&](Repositories& repos) { return repos.contracts().Parties(cfas); });
}

Result<ImportOutcome> ContractService::ImportCsv(const Actor& actor, std::string_view bytes,
                                                 bool dry_run) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  ImportOutcome outcome;
  if (bytes.size() > kMaxCsvBytes) {
    outcome.errors.push_back("Le fichier dépasse 2 Mo : découpez-le.");
    return outcome;
  }
  std::string text = text::IsUtf8(bytes) ? std::string(bytes) : text::Windows1252ToUtf8(bytes);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const std::string first_line = text.substr(0, text.find('\n'));
  const char separator = first_line.find(';') != std::string::npos ? ';' : ',';
  auto records = trainings::ParseCsv(text, separator);
  if (!records) {
    outcome.errors.push_back(records.error().message);
    return outcome;
  }
  std::erase_if(*records, [](const trainings::CsvRecord& r) {
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string& f) { return text::Trim(f).empty(); });
  });
  if (records->size() < 2) {
    outcome.errors.push_back(
        "Le fichier ne contient aucun contrat : gardez la ligne d'en-tête et "
        "ajoutez une ligne par contrat.");
    return outcome;
  }
  if (records->size() - 1 > kMaxCsvLines) {
    outcome.errors.push_back(
        fmt::format("Le fichier compte plus de {} contrats : découpez-le.", kMaxCsvLines));
    return outcome;
  }
  std::map<std::string, std::size_t> columns;
  const auto& header = records->front();
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    columns[text::AsciiLower(text::Trim(header.fields[i]))] = i;
  for (const char* required :
       {"last_name", "first_name", "birth_date", "employer_siret", "certification_title", "level",
        "concluded_on", "starts_on", "ends_on", "tutor_name", "pay_year1"})
    if (!columns.count(required))
      outcome.errors.push_back(
          fmt::format("Ligne {} : colonne « {} » absente de l'en-tête.", header.line, required));
  for (const auto& [name, index] : columns)
    if (std::find(CsvColumns().begin(), CsvColumns().end(), name) == CsvColumns().end())
      outcome.errors.push_back(
          fmt::format("Ligne {} : colonne « {} » inconnue.", header.line, name));
  if (!outcome.errors.empty()) return outcome;

  std::vector<std::pair<std::size_t, ContractInput>> inputs;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const auto& rec = (*records)[r];
    auto get = [&](const char* name) -> std::string {
      auto it = columns.find(name);
      return it == columns.end() || it->second >= rec.fields.size() ? std::string()
                                                                    : rec.fields[it->second];
    };
    ContractInput in{get("kind"),
                     get("last_name"),
                     get("first_name"),
                     get("birth_date"),
                     get("email"),
                     get("employer_siret"),
                     get("cfa"),
                     get("rncp_code"),
                     get("certification_title"),
                     get("level"),
                     get("concluded_on"),
                     get("starts_on"),
                     get("ends_on"),
                     get("training_starts_on"),
                     get("tutor_name"),
                     get("tutor_experience_years"),
                     get("tutor_other_apprentices"),
                     get("pay_year1"),
                     get("pay_year2"),
                     get("pay_year3"),
                     get("pay_year4"),
                     get("opco"),
                     get("state"),
                     get("broken_on"),
                     get("break_initiative"),
                     get("break_reason"),
                     get("after_break"),
                     get("after_break_note")};
    inputs.emplace_back(rec.line, std::move(in));
  }
  outcome.lines = static_cast<int>(inputs.size());
  const auto rules = rules_();
  // Every line is checked and written in one transaction; the first error rolls all back, but
  // every line's errors are reported (the writes go on only while there is none).
  Status status = store_.Write([&](Repositories& repos) -> Status {
    const UnixSeconds now = clock_.Now();
    for (const auto& [line, in] : inputs) {
      Errors errors;
      Parsed p = ParseFields(in, errors);
      ResolveOrganisations(repos, in, p.contract, errors);
      ResolveCertification(repos, p.contract, errors);
      for (const auto& [field, message] : errors)
        outcome.errors.push_back(fmt::format("Ligne {}, colonne {} : {}", line, field, message));
      if (!errors.empty() || !outcome.errors.empty()) continue;
      Contract& c = p.contract;
      c.checks = RunChecks(*rules, c, p.apprentice);
      if (c.FailedChecks() > 0) ++outcome.failing_checks;
      if (dry_run) continue;
      auto apprentice = ApprenticeFor(repos, p.apprentice, now);
      if (!apprentice) return Fail(apprentice.error());
      c.apprentice_id = *apprentice;
      c.created_by = actor.user_id;
      c.created_at = c.updated_at = now;
      auto id = repos.contracts().AddContract(c);
      if (!id) return Fail(id.error());
      ++outcome.created;
    }
    if (!outcome.errors.empty() || dry_run)
      return Fail(ErrorCode::kFailedPrecondition, kNothingWritten);
    return repos.audit().Record(
        Event(actor, now, "contracts.imported", fmt::format("{} contrats", outcome.created)));
  });
  if (!status && status.error().message != kNothingWritten) return Fail(status.error());
  if (!status) outcome.created = 0;
  return outcome;
}

Result<FollowUpFile> ContractService::FollowUp(const Actor& actor, std::int64_t apprentice_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  const Date today = Today();
  return ReadValue(store_, [&](Repositories& repos) -> Result<FollowUpFile> {
    FollowUpFile f;
    auto a = repos.contracts().FindApprentice(apprentice_id);
    if (!a) return Fail(a.error());
    f.apprentice = *a;
    f.age = AgeOn(a->birth_date, today);
    f.minor = f.age < 18;
    if (a->advisor_id != 0)
      if (auto u = repos.users().FindById(a->advisor_id)) f.advisor_name = u->display_name;
    ContractFilter filter;
    filter.apprentice_id = apprentice_id;
    filter.page_size = 0;
    auto contracts = repos.contracts().ListContracts(filter);
    if (!contracts) return Fail(contracts.error());
    f.contracts = std::move(contracts->rows);
    auto difficulties = repos.contracts().Difficulties(apprentice_id);
    if (!difficulties) return Fail(difficulties.error());
    f.difficulties = std::move(*difficulties);
    auto risks = repos.contracts().Risks(apprentice_id);
    if (!risks) return Fail(risks.error());
    f.risks = std::move(*risks);
    auto actions = repos.contracts().Actions(apprentice_id);
    if (!actions) return Fail(actions.error());
    f.actions = std::move(*actions);
    auto notes = repos.contracts().Notes(apprentice_id);
    if (!notes) return Fail(notes.error());
    f.can_read_sensitive = CanReadSensitive(actor, *a, -1);
    for (Note note : *notes) {
      if (note.sensitive && !CanReadSensitive(actor, *a, note.created_by)) {
        note.body.clear();  // the text never leaves the service
        note.hidden = true;
      }
      f.notes.push_back(std::move(note));
    }
    auto links = repos.contracts().LinkedAidRequests(apprentice_id);
    if (!links) return Fail(links.error());
    for (std::int64_t id : *links) {
      auto r = repos.aid_requests().Find(id);
      if (!r) continue;
      f.aid_requests.push_back({id, r->request.aid_id,
                                std::string(aid_requests::StateLabel(r->request.state)),
                                r->request.amount_cents, r->beneficiary_name});
    }
    return f;
  });
}

namespace {

// A follow-up change: staff only, the apprentice must exist, audited.
Status FollowUpWrite(
    Store& store, const Actor& actor, std::int64_t apprentice_id, UnixSeconds now,
    const std::string& action,
    const std::function<Result<std::string>(Repositories&, const Apprentice&)>& work) {
  if (auto ok = RequireStaff(actor); !ok) return ok;
  return store.Write([&](Repositories& repos) -> Status {
    auto a = repos.contracts().FindApprentice(apprentice_id);
    if (!a) return Fail(a.error());
    auto subject = work(repos, *a);
    if (!subject) return Fail(subject.error());
    return repos.audit().Record(
        Event(actor, now, action, fmt::format("apprentice:{} {}", apprentice_id, *subject)));
  });
}

}  // namespace

Status ContractService::AssignReferent(const Actor& actor, std::int64_t apprentice_id,
                                       std::int64_t advisor_id) {
  const UnixSeconds now = clock_.Now();
  return FollowUpWrite(store_, actor, apprentice_id, now, "contracts.referent",
                       [&](Repositories& repos, Apprentice a) -> Result<std::string> {
                         if (advisor_id != 0) {
                           auto u = repos.users().FindById(advisor_id);
                           if (!u || !people::IsStaff(u->role))
                             return FailFields(
                                 "invalid referent",
                                 Errors{{"advisor_id", "Choisissez un conseiller de la liste."}});
                         }
                         a.advisor_id = advisor_id;
                         a.updated_at = now;
                         if (auto ok = repos.contracts().UpdateApprentice(a); !ok)
                           return Fail(ok.error());
                         return fmt::format("referent:{}", advisor_id);
                       });
}

Status ContractService::AddDifficulty(const Actor& actor, std::int64_t apprentice_id,
                                      const FollowUpInput& input) {
  Errors errors;
  const auto kind = ParseDifficulty(Trimmed(input.kind));
  if (!kind) errors["kind"] = "Choisissez le type de difficulté.";
  const auto noted = ParseDate(input.date);
  if (!noted) errors["date"] = "Indiquez la date (jj/mm/aaaa).";
  checks::CheckText(errors, "text", input.text, 2000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid difficulty", errors);
  const UnixSeconds now = clock_.Now();
  return FollowUpWrite(
      store_, actor, apprentice_id, now, "contracts.difficulty_added",
      [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
        DifficultyEntry d{
            0, apprentice_id, *kind, *noted, Trimmed(input.text), std::nullopt, actor.user_id, now};
        auto id = repos.contracts().AddDifficulty(d);
        if (!id) return Fail(id.error());
        return fmt::format("difficulty:{} {}", *id, DifficultyCode(*kind));
      });
}

Status ContractService::ResolveDifficulty(const Actor& actor, std::int64_t apprentice_id,
                                          std::int64_t difficulty_id) {
  const UnixSeconds now = clock_.Now();
  const Date today = Today();
  return FollowUpWrite(
      store_, actor, apprentice_id, now, "contracts.difficulty_resolved",
      [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
        auto all = repos.contracts().Difficulties(apprentice_id);
        if (!all) return Fail(all.error());
        if (std::none_of(all->begin(), all->end(),
                         [&](const DifficultyEntry& d) { return d.id == difficulty_id; }))
          return Fail(ErrorCode::kNotFound, "no such difficulty");
        if (auto ok = repos.contracts().ResolveDifficulty(difficulty_id, today); !ok)
          return Fail(ok.error());
        return fmt::format("difficulty:{}", difficulty_id);
      });
}

Status ContractService::SetRisk(const Actor& actor, std::int64_t apprentice_id,
                                const FollowUpInput& input) {
  Errors errors;
  const std::string risk = Trimmed(input.kind);
  if (RiskLabel(risk).empty()) errors["kind"] = "Choisissez le risque de rupture.";
  checks::CheckText(errors, "text", input.text, 1000, true, nullptr);
  if (!errors.empty()) return FailFields("invalid risk", errors);
  const UnixSeconds now = clock_.Now();
  return FollowUpWrite(store_, actor, apprentice_id, now, "contracts.risk",
                       [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
                         RiskEntry r{
                             0, apprentice_id, risk, Trimmed(input.text), actor.user_id, "", now};
                         auto id = repos.contracts().AddRisk(r);
                         if (!id) return Fail(id.error());
                         return "risk:" + risk;
                       });
}

Status ContractService::AddAction(const Actor& actor, std::int64_t apprentice_id,
                                  const FollowUpInput& input) {
  Errors errors;
  checks::CheckText(errors, "text", input.text, 1000, false, "Décrivez l'action.");
  const auto due = ParseDate(input.date);
  if (!due) errors["date"] = "Indiquez l'échéance (jj/mm/aaaa).";
  if (!errors.empty()) return FailFields("invalid action", errors);
  const UnixSeconds now = clock_.Now();
  return FollowUpWrite(store_, actor, apprentice_id, now, "contracts.action_added",
                       [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
                         ActionEntry e{0,    apprentice_id, Trimmed(input.text),
                                       *due, std::nullopt,  actor.user_id,
                                       now};
                         auto id = repos.contracts().AddAction(e);
                         if (!id) return Fail(id.error());
                         return fmt::format("action:{}", *id);
                       });
}

Status ContractService::SetActionDone(const Actor& actor, std::int64_t action_id, bool done) {
  if (auto ok = RequireStaff(actor); !ok) return ok;
  auto action = ReadValue(
      store_, [&](Repositories& repos) { return repos.contracts().FindAction(action_id); });
  if (!action) return Fail(action.error());
  const UnixSeconds now = clock_.Now();
  const Date today = Today();
  return FollowUpWrite(store_, actor, action->apprentice_id, now, "contracts.action_done",
                       [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
                         if (auto ok = repos.contracts().SetActionDone(
                                 action_id, done ? std::optional<Date>(today) : std::nullopt);
                             !ok)
                           return Fail(ok.error());
                         return fmt::format("action:{} {}", action_id, done ? "faite" : "à faire");
                       });
}

Status ContractService::AddNote(const Actor& actor, std::int64_t apprentice_id,
                                const FollowUpInput& input) {
  Errors errors;
  checks::CheckText(errors, "text", input.text, 4000, true, "Écrivez la note.");
  if (!errors.empty()) return FailFields("invalid note", errors);
  const UnixSeconds now = clock_.Now();
  // The audit names the note, never its text.
  return FollowUpWrite(store_, actor, apprentice_id, now, "contracts.note_added",
                       [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
                         Note n;
                         n.apprentice_id = apprentice_id;
                         n.body = Trimmed(input.text);
                         n.sensitive = input.sensitive;
                         n.created_by = actor.user_id;
                         n.created_at = now;
                         auto id = repos.contracts().AddNote(n);
                         if (!id) return Fail(id.error());
                         return fmt::format("note:{}{}", *id,
                                            input.sensitive ? " confidentielle" : "");
                       });
}

Status ContractService::LinkAidRequest(const Actor& actor, std::int64_t apprentice_id,
                                       const std::string& typed) {
  std::string digits = Trimmed(typed);
  if (!digits.empty() && digits[0] == '#') digits.erase(0, 1);
  if (digits.empty() || digits.size() > 12 || !std::all_of(digits.begin(), digits.end(), ::isdigit))
    return FailFields("invalid aid request",
                      Errors{{"aid_request", "Indiquez le numéro de la demande d'aide."}});
  const std::int64_t request_id = std::stoll(digits);
  const UnixSeconds now = clock_.Now();
  return FollowUpWrite(
      store_, actor, apprentice_id, now, "contracts.aid_request_linked",
      [&](Repositories& repos, const Apprentice&) -> Result<std::string> {
        if (auto r = repos.aid_requests().Find(request_id); !r)
          return FailFields("unknown aid request",
                            Errors{{"aid_request", "Aucune demande d'aide ne porte ce numéro."}});
        auto linked =
            repos.contracts().LinkAidRequest(apprentice_id, request_id, actor.user_id, now);
        if (!linked) return Fail(linked.error());
        return fmt::format("aid_request:{}", request_id);
      });
}

Result<std::vector<Apprentice>> ContractService::ApprenticesOfAccount(
    const Actor& actor, std::int64_t young_person_id) {
  if (auto ok = RequireStaff(actor); !ok) return Fail(ok.error());
  return ReadValue(store_, [&](Repositories& repos) {
    return repos.contracts().ApprenticesOfAccount(young_person_id);
  });
}

}  // namespace maplace::contracts
