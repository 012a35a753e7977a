#include "domain/trainings/training_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/text.h"
#include "domain/people/role.h"
#include "domain/text_checks.h"

namespace maplace::trainings {
namespace {

constexpr std::size_t kMaxTitle = 150;
constexpr std::size_t kMaxRhythm = 150;
constexpr std::size_t kMaxContact = 100;
constexpr std::size_t kMaxDates = 12;
constexpr std::size_t kMaxRome = 10;

Error NotFound() { return Error{ErrorCode::kNotFound, "no such training", {}}; }

void CheckLine(std::map<std::string, std::string>& errors, const char* field,
               std::string_view value, std::size_t min, std::size_t max, const char* missing) {
  auto trimmed = text::Trim(value);
  if (trimmed.size() < min) {
    errors[field] = missing;
  } else if (!text::IsCleanUtf8(trimmed, false)) {
    errors[field] = "Ce texte contient des caractères invisibles ou non valides : retapez-le.";
  } else if (checks::HasMarkup(trimmed)) {
    errors[field] =
        "Les signes < et > ne sont pas acceptés : écrivez du texte simple, sans balises.";
  } else if (text::CodePointCount(trimmed) > max) {
    errors[field] = fmt::format("Ce texte doit faire au plus {} caractères.", max);
  }
}

bool IsRomeCode(std::string_view code) {
  return code.size() == 5 && code[0] >= 'A' && code[0] <= 'N' &&
         code.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string Upper(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

// "01/09/2026" (as French spreadsheets write dates) becomes "2026-09-01"; anything else is kept.
std::string IsoDate(const std::string& s) {
  if (s.size() == 10 && s[2] == '/' && s[5] == '/')
    return s.substr(6, 4) + "-" + s.substr(3, 2) + "-" + s.substr(0, 2);
  return s;
}

TrainingInput Normalized(const TrainingInput& in) {
  TrainingInput out;
  out.rncp_code = Upper(text::Trim(in.rncp_code));
  if (AllDigits(out.rncp_code)) out.rncp_code = "RNCP" + out.rncp_code;
  out.cfd_code = Upper(text::Trim(in.cfd_code));
  out.level = in.level;
  out.title = std::string(text::Trim(in.title));
  out.rhythm = std::string(text::Trim(in.rhythm));
  std::set<std::string> dates;
  for (const auto& d : in.start_dates) {
    auto t = IsoDate(std::string(text::Trim(d)));
    if (!t.empty()) dates.insert(t);
  }
  out.start_dates.assign(dates.begin(), dates.end());
  out.duration_months = in.duration_months;
  out.places = in.places;
  out.commune_code = std::string(text::Trim(in.commune_code));
  for (const auto& r : in.rome_codes) {
    auto code = Upper(text::Trim(r));
    if (!code.empty() &&
        std::find(out.rome_codes.begin(), out.rome_codes.end(), code) == out.rome_codes.end())
      out.rome_codes.push_back(code);
  }
  out.contact_name = std::string(text::Trim(in.contact_name));
  out.contact_email = text::AsciiLower(text::Trim(in.contact_email));
  out.contact_phone = std::string(text::Trim(in.contact_phone));
  return out;
}

std::map<std::string, std::string> FieldErrors(const Status& s) {
  if (s) return {};
  return s.error().fields;
}

// Checks `input` against the reference (certification, commune, jobs) and fills in what the
// certification tells (codes, level, ROME codes); then the form rules. Dates already in
// `previous` may have passed.
Status Validate(Repositories& repos, TrainingInput& input, Date today,
                const std::vector<std::string>& previous) {
  std::map<std::string, std::string> errors;
  auto has = repos.trainings().HasCertifications();
  if (!has) return Fail(has.error());
  if (*has && (!input.rncp_code.empty() || !input.cfd_code.empty())) {
    auto found = repos.trainings().FindCertification(input.rncp_code, input.cfd_code);
    if (!found) return Fail(found.error());
    if (!*found) {
      errors[input.rncp_code.empty() ? "cfd_code" : "rncp_code"] =
          "Cette certification n'est pas dans le référentiel (Certif Info) : vérifiez le code.";
    } else {
      const Certification& c = **found;
      if (input.rncp_code.empty()) input.rncp_code = c.rncp_code;
      if (input.cfd_code.empty()) input.cfd_code = c.cfd_code;
      if (c.level > 0) input.level = c.level;
      if (!c.rome_codes.empty()) input.rome_codes = c.rome_codes;
    }
  }
  TrainingInput checked = input;
  checked.start_dates.clear();
  for (const auto& d : input.start_dates)
    if (std::find(previous.begin(), previous.end(), d) == previous.end())
      checked.start_dates.push_back(d);
  auto rules = TrainingService::Check(checked, today);
  for (auto& [field, message] : FieldErrors(rules)) errors.emplace(field, message);
  // Dates all kept from before still count as dates.
  if (checked.start_dates.empty() && !input.start_dates.empty()) errors.erase("start_dates");
  if (!errors.count("commune_code")) {
    auto communes = repos.jobs().Communes();
    if (!communes) return Fail(communes.error());
    if (std::none_of(communes->begin(), communes->end(),
                     [&](const auto& c) { return c.insee_code == input.commune_code; }))
      errors["commune_code"] =
          "Cette commune n'est pas dans la liste : choisissez-la (code INSEE).";
  }
  if (!errors.count("rome_codes")) {
    for (const auto& code : input.rome_codes) {
      auto job = repos.jobs().FindJob(code);
      if (job) continue;
      if (job.error().code != ErrorCode::kNotFound) return Fail(job.error());
      errors["rome_codes"] = fmt::format("Le métier {} n'existe pas dans le ROME.", code);
      break;
    }
  }
  if (errors.empty()) return Ok();
  return FailFields("invalid training", std::move(errors));
}

bool IsCfa(const people::Actor& actor) {
  return actor.role == people::Role::kCfa && actor.membership.has_value();
}

}  // namespace

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> kColumns = {"rncp",
                                                    "cfd",
                                                    "niveau",
                                                    "intitule",
                                                    "rythme",
                                                    "dates_debut",
                                                    "duree_mois",
                                                    "places",
                                                    "commune_insee",
                                                    "codes_rome",
                                                    "contact_nom",
                                                    "contact_email",
                                                    "contact_telephone",
                                                    "publiee"};
  return kColumns;
}

std::string CsvTemplate() {
  std::string out;
  for (const auto& c : CsvColumns()) out += (out.empty() ? "" : ";") + c;
  out +=
      "\nRNCP37859;50022137;3;CAP Cuisine;2 semaines au CFA / 2 semaines en entreprise;"
      "2027-09-01 2028-01-10;24;12;97213;G1602;Marie Joseph;formations@cfa.example;"
      "0596 00 00 00;oui\n";
  return out;
}

TrainingService::TrainingService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

Status TrainingService::Check(const TrainingInput& raw, Date today) {
  const TrainingInput input = Normalized(raw);
  std::map<std::string, std::string> errors;
  if (input.rncp_code.empty() && input.cfd_code.empty())
    errors["rncp_code"] = "Indiquez le code RNCP ou le code CFD de la certification préparée.";
  if (!input.rncp_code.empty() &&
      (input.rncp_code.size() < 5 || input.rncp_code.size() > 10 ||
       input.rncp_code.rfind("RNCP", 0) != 0 || !AllDigits(input.rncp_code.substr(4))))
    errors["rncp_code"] = "Le code RNCP s'écrit RNCP suivi de chiffres, par exemple RNCP37859.";
  if (!input.cfd_code.empty() &&
      (input.cfd_code.size() != 8 ||
       !std::all_of(input.cfd_code.begin(), input.cfd_code.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })))
    errors["cfd_code"] = "Le code CFD compte 8 caractères, par exemple 50022137.";
  if (input.level < 3 || input.level > 8)
    errors["level"] = "Choisissez le niveau de la certification, du CAP (3) au doctorat (8).";
  CheckLine(errors, "title", input.title, 3, kMaxTitle,
            "Donnez un intitulé à la formation, par exemple « CAP Cuisine ».");
  if (!input.rhythm.empty()) CheckLine(errors, "rhythm", input.rhythm, 0, kMaxRhythm, "");
  if (input.start_dates.empty()) {
    errors["start_dates"] = "Indiquez au moins une date de rentrée, par exemple 2026-09-01.";
  } else if (input.start_dates.size() > kMaxDates) {
    errors["start_dates"] = fmt::format("Indiquez au plus {} dates de rentrée.", kMaxDates);
  } else {
    for (const auto& d : input.start_dates) {
      auto date = ParseIsoDate(d);
      if (!date) {
        errors["start_dates"] =
            fmt::format("« {} » n'est pas une date : écrivez-la 2026-09-01 ou 01/09/2026.",
                        text::CodePointCount(d) > 20 ? d.substr(0, 20) : d);
        break;
      }
      if (Days(*date) < Days(today)) {
        errors["start_dates"] =
            fmt::format("La date de rentrée {} est déjà passée : indiquez une date à venir.",
                        FormatFrenchDate(*date));
        break;
      }
    }
  }
  if (input.duration_months < 6 || input.duration_months > 48)
    errors["duration_months"] = "La durée de la formation va de 6 à 48 mois.";
  if (input.places < 1 || input.places > 500)
    errors["places"] = "Le nombre de places va de 1 à 500.";
  if (input.commune_code.size() != 5)
    errors["commune_code"] = "Choisissez la commune du lieu de formation.";
  if (input.rome_codes.size() > kMaxRome) {
    errors["rome_codes"] = fmt::format("Indiquez au plus {} métiers.", kMaxRome);
  } else if (input.rome_codes.empty()) {
    errors["rome_codes"] =
        "Indiquez au moins un métier (code ROME) auquel prépare la formation, par exemple G1602.";
  } else {
    for (const auto& code : input.rome_codes)
      if (!IsRomeCode(code)) {
        errors["rome_codes"] =
            "Un code ROME s'écrit d'une lettre et de 4 chiffres, par exemple G1602.";
        break;
      }
  }
  if (!input.contact_name.empty())
    CheckLine(errors, "contact_name", input.contact_name, 0, kMaxContact, "");
  if (input.contact_email.empty() && input.contact_phone.empty())
    errors["contact_email"] = "Indiquez un e-mail ou un téléphone de contact.";
  if (!input.contact_email.empty()) {
    const auto at = input.contact_email.find('@');
    if (at == std::string::npos || at == 0 ||
        input.contact_email.find('.', at) == std::string::npos ||
        input.contact_email.size() > 254 || checks::HasMarkup(input.contact_email) ||
        input.contact_email.find_first_of(" \t") != std::string::npos)
      errors["contact_email"] = "Cette adresse e-mail n'est pas valide, par exemple nom@cfa.fr.";
  }
  if (!input.contact_phone.empty()) {
    int digits = 0;
    bool clean = true;
    for (char c : input.contact_phone) {
      if (std::isdigit(static_cast<unsigned char>(c)))
        ++digits;
      else if (c != ' ' && c != '+' && c != '.' && c != '-')
        clean = false;
    }
    if (!clean || digits < 10 || digits > 15)
      errors["contact_phone"] =
          "Ce numéro de téléphone n'est pas valide, par exemple 0596 12 34 56.";
  }
  if (errors.empty()) return Ok();
  return FailFields("invalid training", std::move(errors));
}

Status TrainingService::Audit(Repositories& repos, std::int64_t actor, std::string action,
                              std::string target) {
  return repos.audit().Record(
      audit::AuditEvent{0, clock_.Now(), actor, std::move(action), std::move(target), ""});
}

void TrainingService::Notify(const Training& training) {
  if (!listener_) return;
  if (training.published)
    listener_->OnTrainingChanged(training);
  else
    listener_->OnTrainingRemoved(training.id);
}

Result<Training> TrainingService::Owned(Repositories& repos, const people::Actor& actor,
                                        std::int64_t id) {
  if (!IsCfa(actor)) return Fail(NotFound());
  auto training = repos.trainings().FindById(id);
  if (!training) return training;
  if (training->organisation_id != actor.membership->organisation_id) return Fail(NotFound());
  return training;
}

Result<std::vector<Training>> TrainingService::ListOwn(const people::Actor& actor) {
  if (!IsCfa(actor)) return Fail(ErrorCode::kNotFound, "no CFA organisation");
  return ReadValue(store_, [&](Repositories& repos) {
    return repos.trainings().ListByOrganisation(actor.membership->organisation_id);
  });
}

Result<Training> TrainingService::Get(const people::Actor& actor, std::int64_t id) {
  return ReadValue(store_, [&](Repositories& repos) { return Owned(repos, actor, id); });
}

Result<std::int64_t> TrainingService::Create(const people::Actor& actor, const TrainingInput& raw) {
  if (!IsCfa(actor)) return Fail(ErrorCode::kNotFound, "no CFA organisation");
  const UnixSeconds now = clock_.Now();
  TrainingInput input = Normalized(raw);
  std::int64_t id = 0;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    if (auto s = Validate(repos, input, MartiniqueDate(now), {}); !s) return s;
    auto existing = repos.trainings().ListByOrganisation(actor.membership->organisation_id);
    if (!existing) return Fail(existing.error());
    for (const auto& t : *existing)
      if (TrainingKey(t.input) == TrainingKey(input))
        return FailFields("duplicate training",
                          {{"rncp_code",
                            "Votre catalogue a déjà cette certification sur ce site : "
                            "modifiez-la plutôt que d'en créer une autre."}});
    Training training;
    training.organisation_id = actor.membership->organisation_id;
    training.created_by = actor.user_id;
    training.input = input;
    training.created_at = training.updated_at = now;
    auto created = repos.trainings().Create(training);
    if (!created) return Fail(created.error());
    id = *created;
    return Audit(repos, actor.user_id, "training.created", fmt::format("training:{}", id));
  });
  if (!status) return Fail(status.error());
  return id;
}

Status TrainingService::Edit(const people::Actor& actor, std::int64_t id,
                             const TrainingInput& raw) {
  const UnixSeconds now = clock_.Now();
  TrainingInput input = Normalized(raw);
  std::optional<Training> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto training = Owned(repos, actor, id);
    if (!training) return Fail(training.error());
    if (auto s = Validate(repos, input, MartiniqueDate(now), training->input.start_dates); !s)
      return s;
    auto existing = repos.trainings().ListByOrganisation(actor.membership->organisation_id);
    if (!existing) return Fail(existing.error());
    for (const auto& t : *existing)
      if (t.id != id && TrainingKey(t.input) == TrainingKey(input))
        return FailFields(
            "duplicate training",
            {{"rncp_code", "Votre catalogue a déjà cette certification sur ce site."}});
    training->input = input;
    training->updated_at = now;
    if (auto s = repos.trainings().Update(*training); !s) return s;
    changed = *training;
    return Audit(repos, actor.user_id, "training.edited", fmt::format("training:{}", id));
  });
  if (!status) return status;
  if (changed) Notify(*changed);
  return Ok();
}

Status TrainingService::SetPublished(const people::Actor& actor, std::int64_t id, bool published) {
  std::optional<Training> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto training = Owned(repos, actor, id);
    if (!training) return Fail(training.error());
    if (published) {
      auto organisation = repos.organisations().FindById(training->organisation_id);
      if (!organisation) return Fail(organisation.error());
      if (organisation->status != people::OrganisationStatus::kValidated)
        return Fail(Error{ErrorCode::kFailedPrecondition,
                          "organisation not validated",
                          {{"organisation",
                            "Votre CFA n'est pas encore validé par la délégation : vos "
                            "formations seront publiables dès sa validation."}}});
    }
    if (training->published == published) return Ok();
    training->published = published;
    training->updated_at = clock_.Now();
    if (auto s = repos.trainings().Update(*training); !s) return s;
    changed = *training;
    return Audit(repos, actor.user_id, published ? "training.published" : "training.unpublished",
                 fmt::format("training:{}", id));
  });
  if (!status) return status;
  if (changed) Notify(*changed);
  return Ok();
}

Status TrainingService::Publish(const people::Actor& actor, std::int64_t id) {
  return SetPublished(actor, id, true);
}

Status TrainingService::Unpublish(const people::Actor& actor, std::int64_t id) {
  return SetPublished(actor, id, false);
}

Status TrainingService::Delete(const people::Actor& actor, std::int64_t id) {
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto training = Owned(repos, actor, id);
    if (!training) return Fail(training.error());
    if (auto s = repos.trainings().Delete(id); !s) return s;
    return Audit(repos, actor.user_id, "training.deleted", fmt::format("training:{}", id));
  });
  if (!status) return status;
  if (listener_) listener_->OnTrainingRemoved(id);
  return Ok();
}

// ---------- CSV import ----------

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char separator) {
  std::vector<CsvRecord> out;
  CsvRecord record;
  std::string field;
  std::size_t line = 1;
  bool quoted = false, in_record = false, was_quoted = false;
  record.line = 1;
  auto end_field = [&] {
    record.fields.push_back(was_quoted ? field : std::string(text::Trim(field)));
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && text::Trim(field).empty()) {
      field.clear();
      quoted = was_quoted = in_record = true;
    } else if (c == separator) {
      end_field();
      in_record = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (in_record || !field.empty() || !record.fields.empty()) end_field();
      out.push_back(std::move(record));
      record = CsvRecord{};
      ++line;
      record.line = line;
      in_record = false;
    } else {
      field.push_back(c);
      in_record = true;
    }
  }
  if (quoted)
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("ligne {} : un guillemet ouvert n'est jamais fermé.", record.line));
  if (in_record || !field.empty() || !record.fields.empty()) {
    end_field();
    out.push_back(std::move(record));
  }
  return out;
}

namespace {

// The CSV column of a form field.
std::string ColumnOf(const std::string& field) {
  static const std::map<std::string, std::string> kColumns = {
      {"rncp_code", "rncp"},
      {"cfd_code", "cfd"},
      {"level", "niveau"},
      {"title", "intitule"},
      {"rhythm", "rythme"},
      {"start_dates", "dates_debut"},
      {"duration_months", "duree_mois"},
      {"places", "places"},
      {"commune_code", "commune_insee"},
      {"rome_codes", "codes_rome"},
      {"contact_name", "contact_nom"},
      {"contact_email", "contact_email"},
      {"contact_phone", "contact_telephone"}};
  auto it = kColumns.find(field);
  return it == kColumns.end() ? field : it->second;
}

std::string RowError(std::size_t line, const std::string& column, const std::string& message) {
  return fmt::format("ligne {} : colonne {} : {}", line, column, message);
}

std::optional<int> ParseInt(const std::string& s) {
  int value = 0;
  auto t = text::Trim(s);
  if (t.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return value;
}

struct ImportRow {
  std::size_t line = 0;
  TrainingInput input;
  bool publish = true;
};

}  // namespace

Result<ImportOutcome> TrainingService::ImportCsv(const people::Actor& actor,
                                                 std::string_view bytes) {
  if (!IsCfa(actor)) return Fail(ErrorCode::kNotFound, "no CFA organisation");
  ImportOutcome outcome;
  if (bytes.size() > kMaxCsvBytes) {
    outcome.errors.push_back("Le fichier dépasse 2 Mo : découpez votre catalogue.");
    return outcome;
  }
  std::string text = text::IsUtf8(bytes) ? std::string(bytes) : text::Windows1252ToUtf8(bytes);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const std::string first_line = text.substr(0, text.find('\n'));
  const char separator = first_line.find(';') != std::string::npos ? ';' : ',';
  auto records = ParseCsv(text, separator);
  if (!records) {
    outcome.errors.push_back(records.error().message);
    return outcome;
  }
  std::erase_if(*records, [](const CsvRecord& r) {
    return std::all_of(r.fields.begin(), r.fields.end(),
                       [](const std::string& f) { return text::Trim(f).empty(); });
  });
  if (records->size() < 2) {
    outcome.errors.push_back(
        "Le fichier ne contient aucune formation : gardez la ligne d'en-tête du modèle et "
        "ajoutez une ligne par formation.");
    return outcome;
  }
  if (records->size() - 1 > kMaxCsvRows) {
    outcome.errors.push_back(
        fmt::format("Le fichier compte plus de {} formations : découpez-le.", kMaxCsvRows));
    return outcome;
  }
  // The header: names folded to lower case, in any order.
  std::map<std::string, std::size_t> columns;
  const CsvRecord& header = records->front();
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    columns[text::AsciiLower(text::Trim(header.fields[i]))] = i;
  for (const char* required : {"intitule", "dates_debut", "duree_mois", "places", "commune_insee"})
    if (!columns.count(required))
      outcome.errors.push_back(RowError(header.line, required, "colonne absente de l'en-tête."));
  if (!columns.count("rncp") && !columns.count("cfd"))
    outcome.errors.push_back(
        RowError(header.line, "rncp", "colonne absente de l'en-tête (rncp ou cfd)."));
  if (!outcome.errors.empty()) return outcome;

  std::vector<ImportRow> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    auto value = [&](const std::string& column) -> std::string {
      auto it = columns.find(column);
      if (it == columns.end() || it->second >= record.fields.size()) return "";
      return std::string(text::Trim(record.fields[it->second]));
    };
    ImportRow row;
    row.line = record.line;
    TrainingInput& in = row.input;
    in.rncp_code = value("rncp");
    in.cfd_code = value("cfd");
    in.title = value("intitule");
    in.rhythm = value("rythme");
    in.start_dates = SplitList(value("dates_debut"));
    in.commune_code = value("commune_insee");
    in.rome_codes = SplitList(value("codes_rome"));
    in.contact_name = value("contact_nom");
    in.contact_email = value("contact_email");
    in.contact_phone = value("contact_telephone");
    bool ok = true;
    for (const auto& [column, target] :
         {std::pair<std::string, int*>{"niveau", &in.level},
          std::pair<std::string, int*>{"duree_mois", &in.duration_months},
          std::pair<std::string, int*>{"places", &in.places}}) {
      const std::string v = value(column);
      if (v.empty()) continue;
      auto n = ParseInt(v);
      if (!n) {
        outcome.errors.push_back(
            RowError(row.line, column, fmt::format("« {} » n'est pas un nombre entier.", v)));
        ok = false;
      } else {
        *target = *n;
      }
    }
    const std::string publish = text::AsciiLower(value("publiee"));
    if (publish == "non" || publish == "0" || publish == "n")
      row.publish = false;
    else if (!publish.empty() && publish != "oui" && publish != "1" && publish != "o") {
      outcome.errors.push_back(RowError(row.line, "publiee", "écrivez « oui » ou « non »."));
      ok = false;
    }
    if (ok) row.input = Normalized(in);
    rows.push_back(std::move(row));
  }
  if (!outcome.errors.empty()) return outcome;

  const UnixSeconds now = clock_.Now();
  const std::int64_t organisation_id = actor.membership->organisation_id;
  std::vector<Training> changed;
  auto status = store_.Write([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(organisation_id);
    if (!organisation) return Fail(organisation.error());
    const bool validated = organisation->status == people::OrganisationStatus::kValidated;
    outcome.published = validated;
    auto existing = repos.trainings().ListByOrganisation(organisation_id);
    if (!existing) return Fail(existing.error());
    std::map<std::string, Training> by_key;
    for (const auto& t : *existing) by_key.emplace(TrainingKey(t.input), t);
    // Every row first: nothing is written unless all are good.
    std::map<std::string, std::size_t> seen;
    for (auto& row : rows) {
      // The training this row may update, for its dates already given: same site and the same
      // RNCP or CFD code (the row may name only one; the reference fills the other in).
      std::vector<std::string> previous;
      for (const auto& t : *existing)
        if (t.input.commune_code == row.input.commune_code &&
            ((!row.input.rncp_code.empty() && t.input.rncp_code == row.input.rncp_code) ||
             (!row.input.cfd_code.empty() && t.input.cfd_code == row.input.cfd_code)))
          previous = t.input.start_dates;
      auto s = Validate(repos, row.input, MartiniqueDate(now), previous);
      if (!s) {
        if (s.error().fields.empty()) return s;
        for (const auto& [field, message] : s.error().fields)
          outcome.errors.push_back(RowError(row.line, ColumnOf(field), message));
        continue;
      }
      auto [it, fresh] = seen.emplace(TrainingKey(row.input), row.line);
      if (!fresh)
        outcome.errors.push_back(RowError(
            row.line, row.input.rncp_code.empty() ? "cfd" : "rncp",
            fmt::format("cette certification sur ce site figure déjà ligne {}.", it->second)));
    }
    if (!outcome.errors.empty()) return Ok();  // nothing written
    for (const auto& row : rows) {
      const bool published = row.publish && validated;
      auto known = by_key.find(TrainingKey(row.input));
      if (known != by_key.end()) {
        Training t = known->second;
        // « oui » keeps a training already published so; it publishes one only when allowed.
        const bool target = row.publish ? (published || t.published) : false;
        if (t.input == row.input && t.published == target) {
          ++outcome.unchanged;
          continue;
        }
        t.input = row.input;
        t.published = target;
        t.updated_at = now;
        if (auto s = repos.trainings().Update(t); !s) return s;
        changed.push_back(t);
        ++outcome.updated;
      } else {
        Training t;
        t.organisation_id = organisation_id;
        t.created_by = actor.user_id;
        t.input = row.input;
        t.published = published;
        t.created_at = t.updated_at = now;
        auto id = repos.trainings().Create(t);
        if (!id) return Fail(id.error());
        t.id = *id;
        changed.push_back(t);
        ++outcome.created;
      }
    }
    if (outcome.created == 0 && outcome.updated == 0) return Ok();
    return Audit(repos, actor.user_id, "trainings.imported",
                 fmt::format("organisation:{}", organisation_id));
  });
  if (!status) return Fail(status.error());
  if (!outcome.errors.empty()) return outcome;
  for (const auto& t : changed) Notify(t);
  return outcome;
}

// ---------- Public side ----------

Result<PublicTraining> TrainingService::GetPublished(std::int64_t id) {
  Result<PublicTraining> result = Fail(NotFound());
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto training = repos.trainings().FindById(id);
    if (!training) return Fail(training.error());
    if (!training->published) return Fail(NotFound());
    auto organisation = repos.organisations().FindById(training->organisation_id);
    if (!organisation) return Fail(organisation.error());
    if (organisation->kind != people::OrganisationKind::kCfa) return Fail(NotFound());
    auto certification =
        repos.trainings().FindCertification(training->input.rncp_code, training->input.cfd_code);
    if (!certification) return Fail(certification.error());
    result = PublicTraining{*training, *organisation, *certification};
    return Ok();
  });
  if (!status) return Fail(status.error());
  return result;
}

Result<std::vector<PublicTraining>> TrainingService::ListPublished() {
  std::vector<PublicTraining> out;
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto published = repos.trainings().ListPublished();
    if (!published) return Fail(published.error());
    std::map<std::int64_t, std::optional<people::Organisation>> organisations;
    for (auto& t : *published) {
      auto it = organisations.find(t.organisation_id);
      if (it == organisations.end()) {
        auto o = repos.organisations().FindById(t.organisation_id);
        std::optional<people::Organisation> cfa;
        if (o && o->kind == people::OrganisationKind::kCfa) cfa = *o;
        it = organisations.emplace(t.organisation_id, cfa).first;
      }
      if (!it->second) continue;
      out.push_back(PublicTraining{std::move(t), *it->second, std::nullopt});
    }
    return Ok();
  });
  if (!status) return Fail(status.error());
  return out;
}

Result<std::pair<people::Organisation, std::vector<Training>>> TrainingService::GetCfa(
    std::int64_t id) {
  Result<std::pair<people::Organisation, std::vector<Training>>> result = Fail(NotFound());
  auto status = store_.Read([&](Repositories& repos) -> Status {
    auto organisation = repos.organisations().FindById(id);
    if (!organisation) return Fail(organisation.error());
    if (organisation->kind != people::OrganisationKind::kCfa) return Fail(NotFound());
    auto trainings = repos.trainings().ListByOrganisation(id);
    if (!trainings) return Fail(trainings.error());
    std::erase_if(*trainings, [](const Training& t) { return !t.published; });
    result = std::pair{*organisation, std::move(*trainings)};
    return Ok();
  });
  if (!status) return Fail(status.error());
  return result;
}

}  // namespace maplace::trainings
