#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/people/organisation.h"
#include "domain/people/session.h"
#include "domain/store.h"
#include "domain/trainings/training.h"

namespace maplace::trainings {

// Told of every change of what the public may see, after the change is committed: the search
// index implements it. Called on the thread of the use case; must not throw.
class TrainingListener {
 public:
  virtual ~TrainingListener() = default;
  // The training is published (new, edited or just published) and visible.
  virtual void OnTrainingChanged(const Training& training) = 0;
  // The training is no longer visible (unpublished or deleted).
  virtual void OnTrainingRemoved(std::int64_t training_id) = 0;
};

// A published training as the public sees it.
struct PublicTraining {
  Training training;
  people::Organisation cfa;
  std::optional<Certification> certification;  // when the reference knows it
};

// The outcome of a CSV import. When `errors` is not empty nothing was written.
struct ImportOutcome {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  bool published = true;  // false: the CFA is not validated yet, the trainings wait unpublished
  std::vector<std::string> errors;  // « ligne 3 : colonne duree_mois : … »
};

// The columns of the catalogue CSV, in the template's order (see CsvTemplate()).
const std::vector<std::string>& CsvColumns();
// A template with the header and one example row (UTF-8, ';').
std::string CsvTemplate();

// The CFAs' training catalogues. Every use case is one transaction; the listener hears of it
// after the commit. Thread-safe; keeps references to its arguments.
class TrainingService {
 public:
  static constexpr std::size_t kMaxCsvBytes = 2 * 1024 * 1024;
  static constexpr std::size_t kMaxCsvRows = 2000;

  TrainingService(Store& store, const Clock& clock);

  // At most one listener (the search index); set before requests are served.
  void SetListener(TrainingListener* listener) { listener_ = listener; }

  // Checks a form: kInvalidArgument with a French message per field (rncp_code, cfd_code,
  // level, title, rhythm, start_dates, duration_months, places, commune_code, rome_codes,
  // contact_name, contact_email, contact_phone). `today` for the start dates.
  static Status Check(const TrainingInput& input, Date today);

  // The CFA's side. A training of another organisation is kNotFound, as is a caller without
  // a CFA organisation.
  Result<std::vector<Training>> ListOwn(const people::Actor& actor);
  Result<Training> Get(const people::Actor& actor, std::int64_t id);
  // Unpublished until Publish.
  Result<std::int64_t> Create(const people::Actor& actor, const TrainingInput& input);
  Status Edit(const people::Actor& actor, std::int64_t id, const TrainingInput& input);
  // kFailedPrecondition (French "organisation" field) until the CFA is validated.
  Status Publish(const people::Actor& actor, std::int64_t id);
  Status Unpublish(const people::Actor& actor, std::int64_t id);
  Status Delete(const people::Actor& actor, std::int64_t id);

  // A whole catalogue from a CSV file (UTF-8 or Windows-1252, ';' or ','; see CsvColumns()).
  // Every row is checked first; any bad row refuses the whole file. A row matching a training
  // of the CFA (same certification and site) updates it; importing the same file again changes
  // nothing.
  Result<ImportOutcome> ImportCsv(const people::Actor& actor, std::string_view bytes);

  // The public side. kNotFound for an unpublished training or an organisation that is no CFA.
  Result<PublicTraining> GetPublished(std::int64_t id);
  Result<std::vector<PublicTraining>> ListPublished();
  // A CFA with its published trainings.
  Result<std::pair<people::Organisation, std::vector<Training>>> GetCfa(std::int64_t id);

 private:
  Result<Training> Owned(Repositories& repos, const people::Actor& actor, std::int64_t id);
  Status Audit(Repositories& repos, std::int64_t actor, std::string action, std::string target);
  void Notify(const Training& training);
  Status SetPublished(const people::Actor& actor, std::int64_t id, bool published);

  Store& store_;
  const Clock& clock_;
  TrainingListener* listener_ = nullptr;
};

// Parses CSV text (RFC 4180, already UTF-8) into records with their first line. kInvalidArgument
// on an unterminated quote.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char separator);

}  // namespace maplace::trainings
