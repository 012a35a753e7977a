#include "domain/poec/poec_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "core/xlsx.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"

namespace maplace::poec {
namespace {

using people::Actor;
using people::Role;

bool IsPoecStaff(const Actor& actor) {
  return actor.role == Role::kAdvisor || actor.role == Role::kManager || actor.role == Role::kAdmin;
}

Error NotFound() { return Error{ErrorCode::kNotFound, "no such programme", {}}; }

// "Soudure Caraïbes  SARL" and "soudure caraïbes sarl" are one company.
std::string CompanyKey(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : text::Trim(name)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

Status Audit(Repositories& repos, UnixSeconds now, std::int64_t actor, std::string action,
             std::string subject) {
  return repos.audit().Record(
      audit::AuditEvent{0, now, actor, std::move(action), std::move(subject), ""});
}

// The job's label; "" when the ROME is not imported. kInvalidArgument for a malformed code or
// one the imported ROME does not have.
Result<std::string> JobLabel(Repositories& repos, const std::string& code) {
  auto job = repos.jobs().FindJob(code);
  if (job) return job->label;
  if (job.error().code != ErrorCode::kNotFound) return Fail(job.error());
  auto all = repos.jobs().AllJobs();
  if (!all) return Fail(all.error());
  if (all->empty()) return std::string();
  return Fail(Error{ErrorCode::kInvalidArgument,
                    "unknown rome code",
                    {{"rome_code", "Ce code ROME n'existe pas dans le référentiel."}}});
}

// The ROME code at the end of "Soudeur (H2913)" or alone, upper-cased.
std::string RomeCodeOf(std::string_view text) {
  text = text::Trim(text);
  if (text.size() >= 7 && text.back() == ')') text = text.substr(text.size() - 6, 5);
  std::string code(text);
  for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

bool IsRomeCode(std::string_view code) {
  return code.size() == 5 && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::all_of(code.begin() + 1, code.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

Result<ProgrammeInput> Checked(const ProgrammeInput& raw) {
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "title", raw.title, 200, false, "Donnez un intitulé au programme.");
  ProgrammeInput in = raw;
  in.rome_code = RomeCodeOf(raw.rome_code);
  if (!IsRomeCode(in.rome_code))
    errors["rome_code"] =
        "Indiquez le métier visé par son code ROME (une lettre et 4 chiffres, "
        "par exemple H2913).";
  checks::CheckText(errors, "training_organisation", raw.training_organisation, 200, false,
                    "Indiquez l'organisme de formation.");
  if (raw.hours < 1)
    errors["hours"] = "Indiquez la durée de la formation en heures.";
  else if (raw.hours > 400)
    errors["hours"] = "Une POEC dure au plus 400 heures : réduisez la durée.";
  checks::CheckText(errors, "funding", raw.funding, 500, false, nullptr);
  checks::CheckText(errors, "partner_opcos", raw.partner_opcos, 300, false, nullptr);
  if (!errors.empty()) return FailFields("invalid programme", std::move(errors));
  in.title = std::string(text::Trim(raw.title));
  in.training_organisation = std::string(text::Trim(raw.training_organisation));
  in.funding = std::string(text::Trim(raw.funding));
  in.partner_opcos = std::string(text::Trim(raw.partner_opcos));
  return in;
}

std::string DateText(const std::string& iso) {
  auto date = ParseIsoDate(iso);
  return date ? FormatFrenchDate(*date) : iso;
}

Result<ProgrammeSheet> LoadSheet(Repositories& repos, std::int64_t id) {
  ProgrammeSheet sheet;
  auto programme = repos.poec().FindProgramme(id);
  if (!programme) return Fail(programme.error());
  sheet.programme = *programme;
  auto job = repos.jobs().FindJob(programme->input.rome_code);
  if (job) sheet.job_label = job->label;
  auto partners = repos.poec().Partners(id);
  if (!partners) return Fail(partners.error());
  sheet.partners = std::move(*partners);
  auto cohorts = repos.poec().Cohorts(id);
  if (!cohorts) return Fail(cohorts.error());
  std::vector<Candidate> all;
  for (const auto& c : *cohorts) {
    auto candidates = repos.poec().Candidates(c.id);
    if (!candidates) return Fail(candidates.error());
    all.insert(all.end(), candidates->begin(), candidates->end());
    sheet.cohorts.push_back({c, std::move(*candidates)});
  }
  sheet.figures = FiguresOf(all, sheet.partners);
  return sheet;
}

}  // namespace

OutcomeFigures FiguresOf(const std::vector<Candidate>& candidates,
                         const std::vector<Partner>& partners) {
  OutcomeFigures f;
  std::map<std::string, CompanyHires> companies;
  std::map<std::string, int> by_outcome;
  for (const auto& c : candidates) {
    ++f.candidates;
    if (c.outcome.empty()) continue;
    ++f.with_outcome;
    ++by_outcome[c.outcome];
    if (!IsHire(c.outcome)) continue;
    ++f.hired;
    auto& entry = companies[CompanyKey(c.company)];
    if (entry.company.empty()) entry.company = std::string(text::Trim(c.company));
    ++entry.hired;
  }
  for (const auto& p : partners) {
    auto it = companies.find(CompanyKey(p.company));
    if (it != companies.end()) it->second.committed += p.positions;
  }
  for (auto& [key, entry] : companies) f.by_company.push_back(entry);
  std::sort(f.by_company.begin(), f.by_company.end(), [](const auto& a, const auto& b) {
    if (a.hired != b.hired) return a.hired > b.hired;
    return a.company < b.company;
  });
  f.companies = static_cast<int>(f.by_company.size());
  for (const auto& [code, label] : Outcomes())
    f.by_outcome.push_back({std::string(code), std::string(label), by_outcome[std::string(code)]});
  return f;
}

Result<OutcomeFigures> PoecOutcomesInYear(Store& store, int year, const std::string& rome) {
  return ReadValue(store, [&](Repositories& repos) -> Result<OutcomeFigures> {
    auto found = repos.poec().OutcomesBetween(fmt::format("{:04}-01-01", year),
                                              fmt::format("{:04}-01-01", year + 1));
    if (!found) return Fail(found.error());
    if (!rome.empty()) {
      // The cohorts of the programmes toward that job (programmes are few).
      auto programmes = repos.poec().Programmes();
      if (!programmes) return Fail(programmes.error());
      std::set<std::int64_t> cohorts;
      for (const auto& p : *programmes) {
        if (p.input.rome_code != rome) continue;
        auto of_programme = repos.poec().Cohorts(p.id);
        if (!of_programme) return Fail(of_programme.error());
        for (const auto& c : *of_programme) cohorts.insert(c.id);
      }
      std::erase_if(*found, [&](const Candidate& c) { return !cohorts.contains(c.cohort_id); });
    }
    return FiguresOf(*found, {});
  });
}

Result<std::int64_t> PoecService::CreateProgramme(const Actor& actor, const ProgrammeInput& raw) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  auto input = Checked(raw);
  if (!input) return Fail(input.error());
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto label = JobLabel(repos, input->rome_code);
    if (!label) return Fail(label.error());
    auto created = repos.poec().CreateProgramme(Programme{0, *input, actor.user_id, now, now});
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, now, actor.user_id, "poec.programme_created", fmt::format("poec:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status PoecService::UpdateProgramme(const Actor& actor, std::int64_t id,
                                    const ProgrammeInput& raw) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  auto input = Checked(raw);
  if (!input) return Fail(input.error());
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.poec().FindProgramme(id);
    if (!found) return Fail(found.error());
    auto label = JobLabel(repos, input->rome_code);
    if (!label) return Fail(label.error());
    found->input = *input;
    found->updated_at = now;
    if (auto s = repos.poec().UpdateProgramme(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "poec.programme_updated", fmt::format("poec:{}", id));
  });
}

Result<std::vector<ProgrammeSummary>> PoecService::Programmes(const Actor& actor) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) -> Result<std::vector<ProgrammeSummary>> {
    auto programmes = repos.poec().Programmes();
    if (!programmes) return Fail(programmes.error());
    std::vector<ProgrammeSummary> out;
    for (const auto& p : *programmes) {
      auto sheet = LoadSheet(repos, p.id);
      if (!sheet) return Fail(sheet.error());
      out.push_back({p, sheet->job_label, static_cast<int>(sheet->cohorts.size()),
                     std::move(sheet->figures)});
    }
    return out;
  });
}

Result<ProgrammeSheet> PoecService::Sheet(const Actor& actor, std::int64_t id) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) { return LoadSheet(repos, id); });
}

Result<std::int64_t> PoecService::AddPartner(const Actor& actor, std::int64_t programme_id,
                                             const std::string& company,
                                             const std::string& positions) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "company", company, 200, false,
                    "Indiquez le nom de l'entreprise partenaire.");
  int n = -1;
  const auto p = text::Trim(positions);
  if (!p.empty() && p.size() <= 4 && std::all_of(p.begin(), p.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    n = std::stoi(std::string(p));
  if (n < 0 || n > 1000)
    errors["positions"] = "Indiquez le nombre de postes promis (un nombre entre 0 et 1000).";
  if (!errors.empty()) return FailFields("invalid partner", std::move(errors));
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto programme = repos.poec().FindProgramme(programme_id);
    if (!programme) return Fail(programme.error());
    auto added =
        repos.poec().AddPartner(Partner{0, programme_id, std::string(text::Trim(company)), n, now});
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, now, actor.user_id, "poec.partner_added",
                 fmt::format("poec:{}", programme_id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<std::int64_t> PoecService::CreateCohort(const Actor& actor, std::int64_t programme_id,
                                               const std::string& label,
                                               const std::string& start_date,
                                               const std::string& end_date,
                                               const std::string& place) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "label", label, 120, false,
                    "Nommez la promotion (par exemple « Promotion 2027 »).");
  checks::CheckText(errors, "place", place, 300, false, nullptr);
  auto start = ParseIsoDate(text::Trim(start_date));
  auto end = ParseIsoDate(text::Trim(end_date));
  if (!start) errors["start_date"] = "Indiquez la date de début (jj/mm/aaaa).";
  if (!end)
    errors["end_date"] = "Indiquez la date de fin (jj/mm/aaaa).";
  else if (start && Days(*end) < Days(*start))
    errors["end_date"] = "La fin doit venir après le début.";
  if (!errors.empty()) return FailFields("invalid cohort", std::move(errors));
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto programme = repos.poec().FindProgramme(programme_id);
    if (!programme) return Fail(programme.error());
    auto created = repos.poec().CreateCohort(Cohort{0, programme_id, std::string(text::Trim(label)),
                                                    FormatIsoDate(*start), FormatIsoDate(*end),
                                                    std::string(text::Trim(place)), now});
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, now, actor.user_id, "poec.cohort_created",
                 fmt::format("poec_cohort:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Result<CohortView> PoecService::CohortOf(const Actor& actor, std::int64_t cohort_id) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  return ReadValue(store_, [&](Repositories& repos) -> Result<CohortView> {
    auto cohort = repos.poec().FindCohort(cohort_id);
    if (!cohort) return Fail(cohort.error());
    auto candidates = repos.poec().Candidates(cohort_id);
    if (!candidates) return Fail(candidates.error());
    return CohortView{*cohort, std::move(*candidates)};
  });
}

Result<std::int64_t> PoecService::AddCandidate(const Actor& actor, std::int64_t cohort_id,
                                               const CandidateInput& input) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  std::map<std::string, std::string> errors;
  checks::CheckText(errors, "name", input.name, 120, false, "Indiquez le nom du candidat.");
  const std::string email = text::NormalizeEmail(input.email);
  if (!text::Trim(input.email).empty() &&
      (email.find('@') == std::string::npos || email.find_first_of(" <>") != std::string::npos))
    errors["email"] = "Cette adresse e-mail n'est pas valide.";
  checks::CheckText(errors, "phone", input.phone, 30, false, nullptr);
  const auto commune = text::Trim(input.commune_code);
  if (!commune.empty() &&
      (commune.size() != 5 || !std::all_of(commune.begin(), commune.end(), [](char c) {
         return std::isdigit(static_cast<unsigned char>(c));
       })))
    errors["commune_code"] = "Choisissez la commune dans la liste.";
  if (!errors.empty()) return FailFields("invalid candidate", std::move(errors));
  const UnixSeconds now = clock_.Now();
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto cohort = repos.poec().FindCohort(cohort_id);
    if (!cohort) return Fail(cohort.error());
    Candidate c;
    c.cohort_id = cohort_id;
    c.name = std::string(text::Trim(input.name));
    c.email = text::Trim(input.email).empty() ? "" : email;
    c.phone = std::string(text::Trim(input.phone));
    c.commune_code = std::string(commune);
    c.created_at = c.updated_at = now;
    auto added = repos.poec().AddCandidate(c);
    if (!added) return Fail(added.error());
    id = *added;
    return Audit(repos, now, actor.user_id, "poec.candidate_added",
                 fmt::format("poec_candidate:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status PoecService::UpdatePath(const Actor& actor, std::int64_t candidate_id,
                               const PathInput& input) {
  if (!IsPoecStaff(actor)) return Fail(NotFound());
  std::map<std::string, std::string> errors;
  auto stage = ParseStage(input.stage);
  if (!stage) errors["stage"] = "Choisissez l'étape du parcours.";
  if (!input.outcome.empty() && !IsOutcome(input.outcome))
    errors["outcome"] = "Choisissez la sortie dans la liste.";
  if (IsHire(input.outcome))
    checks::CheckText(errors, "company", input.company, 200, false,
                      "Indiquez l'entreprise qui a recruté le candidat.");
  std::optional<Date> date;
  if (!input.outcome.empty()) {
    date = ParseIsoDate(text::Trim(input.outcome_date));
    if (!date) errors["outcome_date"] = "Indiquez la date de la sortie (jj/mm/aaaa).";
  }
  if (input.hours_attended < 0) errors["hours_attended"] = "Indiquez un nombre d'heures.";
  const UnixSeconds now = clock_.Now();
  return store_.Write([&](Repositories& repos) -> Status {
    auto found = repos.poec().FindCandidate(candidate_id);
    if (!found) return Fail(found.error());
    auto cohort = repos.poec().FindCohort(found->cohort_id);
    if (!cohort) return Fail(cohort.error());
    auto programme = repos.poec().FindProgramme(cohort->programme_id);
    if (!programme) return Fail(programme.error());
    if (input.hours_attended > programme->input.hours)
      errors["hours_attended"] =
          fmt::format("Le programme dure {} heures : les heures suivies ne peuvent pas dépasser.",
                      programme->input.hours);
    if (!errors.empty()) return FailFields("invalid path", std::move(errors));
    found->stage = input.outcome.empty() ? *stage : Stage::kOutcome;
    found->hours_attended = input.hours_attended;
    found->outcome = input.outcome;
    found->company = IsHire(input.outcome) ? std::string(text::Trim(input.company)) : "";
    found->outcome_date = date ? FormatIsoDate(*date) : "";
    found->updated_at = now;
    if (auto s = repos.poec().UpdateCandidate(*found); !s) return s;
    return Audit(repos, now, actor.user_id, "poec.path_updated",
                 fmt::format("poec_candidate:{}", candidate_id));
  });
}

Result<std::string> PoecService::ExportProgrammes(const Actor& actor) {
  auto programmes = Programmes(actor);
  if (!programmes) return Fail(programmes.error());
  xlsx::Sheet sheet{
      "Programmes POEC",
      {"N°", "Intitulé", "Code ROME", "Métier", "Organisme de formation", "Heures", "Financement",
       "OPCO partenaires", "Promotions", "Candidats", "Personnes recrutées", "Entreprises"},
      {}};
  for (const auto& s : *programmes) {
    const auto& in = s.programme.input;
    sheet.rows.push_back({static_cast<std::int64_t>(s.programme.id), in.title, in.rome_code,
                          s.job_label, in.training_organisation,
                          static_cast<std::int64_t>(in.hours), in.funding, in.partner_opcos,
                          static_cast<std::int64_t>(s.cohorts),
                          static_cast<std::int64_t>(s.figures.candidates),
                          static_cast<std::int64_t>(s.figures.hired),
                          static_cast<std::int64_t>(s.figures.companies)});
  }
  return xlsx::Write({sheet}, clock_.Now());
}

Result<std::string> PoecService::ExportCandidates(const Actor& actor, std::int64_t programme_id,
                                                  std::optional<std::int64_t> cohort_id,
                                                  const std::string& outcome) {
  auto programme = Sheet(actor, programme_id);
  if (!programme) return Fail(programme.error());
  xlsx::Sheet sheet{"Candidats",
                    {"N°", "Promotion", "Nom", "E-mail", "Téléphone", "Commune", "Étape",
                     "Heures suivies", "Sortie", "Entreprise", "Date de sortie"},
                    {}};
  for (const auto& c : programme->cohorts) {
    if (cohort_id && c.cohort.id != *cohort_id) continue;
    for (const auto& k : c.candidates) {
      if (!outcome.empty() && k.outcome != outcome) continue;
      sheet.rows.push_back({static_cast<std::int64_t>(k.id), c.cohort.label, k.name, k.email,
                            k.phone, k.commune_code, std::string(StageLabel(k.stage)),
                            static_cast<std::int64_t>(k.hours_attended),
                            std::string(OutcomeLabel(k.outcome)), k.company,
                            DateText(k.outcome_date)});
    }
  }
  return xlsx::Write({sheet}, clock_.Now());
}

}  // namespace maplace::poec
