#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace maplace::reference {

enum class ColumnType { kText, kInteger };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kText;
};

// A reference table: its name, its columns, the first `key_size` of which are its natural key.
// When `partition` is set (e.g. BMO's year), an import replaces only the partitions it carries,
// so several files can fill one table (one per year).
struct TableSpec {
  std::string table;
  std::vector<Column> columns;
  std::size_t key_size = 1;
  std::optional<std::size_t> partition;  // index of the partition column
};

using Cell = std::optional<std::string>;  // nullopt: NULL (e.g. a secret BMO cell)
using Row = std::vector<Cell>;

struct SyncCounts {
  std::int64_t added = 0;
  std::int64_t changed = 0;
  std::int64_t removed = 0;
  std::int64_t unchanged = 0;
  bool operator==(const SyncCounts&) const = default;
};

// Where a dataset comes from, as pages credit it.
struct DatasetSource {
  std::string kind;       // "rome", "bmo", …
  std::string file;       // the file name as given
  std::string sha256;     // of the file's bytes
  std::string title;      // "Répertoire opérationnel des métiers et des emplois (ROME) 4.60"
  std::string publisher;  // "France Travail"
  std::string licence;    // "Licence Ouverte / Open Licence 2.0"
};

// What an importer read from a file: the rows of each table it fills.
struct Dataset {
  DatasetSource source;
  std::vector<std::pair<TableSpec, std::vector<Row>>> tables;
  std::vector<std::string> warnings;  // e.g. codes the crosswalk could not map
  std::int64_t rows_read = 0;
};

struct ImportRecord {
  DatasetSource source;
  UnixSeconds imported_at = 0;
  SyncCounts counts;  // over all the dataset's tables
};

// Reference tables in the store.
class ReferenceRepository {
 public:
  virtual ~ReferenceRepository() = default;
  // Makes the table (or the partitions present in `rows`) hold exactly `rows`: inserts the new
  // keys, updates the changed rows, deletes the keys no longer there. kInvalidArgument when two
  // rows share a key.
  virtual Result<SyncCounts> Sync(const TableSpec& spec, const std::vector<Row>& rows) = 0;
  virtual Status RecordImport(const ImportRecord& record) = 0;
  // The latest import of each kind.
  virtual Result<std::vector<ImportRecord>> LatestImports() = 0;
};

}  // namespace maplace::reference
