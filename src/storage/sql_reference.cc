#include "storage/sql_reference.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <set>
#include <unordered_map>

#include "storage/native.h"
#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using reference::Cell;
using reference::ImportRecord;
using reference::Row;
using reference::SyncCounts;
using reference::TableSpec;

constexpr char kKeySeparator = '\x1f';

std::string KeyOf(const Row& row, std::size_t key_size) {
  std::string key;
  for (std::size_t i = 0; i < key_size; ++i) {
    if (i) key += kKeySeparator;
    key += row[i].value_or("");
  }
  return key;
}

std::string Join(const TableSpec& spec, const std::string& format, std::size_t from, std::size_t to,
                 const char* separator) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += separator;
    out += fmt::format(fmt::runtime(format), spec.columns[i].name, i);
  }
  return out;
}

// One prepared statement executed once per row, with every column bound as text (NULL through
// the indicator): each database converts text to the column's type.
class RowStatement {
 public:
  RowStatement(soci::session& sql, const std::string& query, std::size_t columns)
      : statement_(sql), values_(columns), indicators_(columns, soci::i_ok) {
    for (std::size_t i = 0; i < columns; ++i)
      statement_.exchange(soci::use(values_[i], indicators_[i]));
    statement_.alloc();
    statement_.prepare(query);
    statement_.define_and_bind();
  }
  // Binds row[order[0]], row[order[1]], … and runs the statement.
  void Run(const Row& row, const std::vector<std::size_t>& order) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Cell& cell = row[order[i]];
      values_[i] = cell.value_or("");
      indicators_[i] = cell ? soci::i_ok : soci::i_null;
    }
    statement_.execute(true);
  }

 private:
  soci::statement statement_;
  std::vector<std::string> values_;
  std::vector<soci::indicator> indicators_;
};

class SqlReference final : public reference::ReferenceRepository {
 public:
  SqlReference(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}

  Result<SyncCounts> Sync(const TableSpec& spec, const std::vector<Row>& rows) override {
    std::unordered_map<std::string, const Row*> incoming;
    incoming.reserve(rows.size());
    std::set<std::string> partitions;
    for (const auto& row : rows) {
      if (row.size() != spec.columns.size())
        return Fail(ErrorCode::kInternal, fmt::format("{}: row of {} cells for {} columns",
                                                      spec.table, row.size(), spec.columns.size()));
      if (!incoming.emplace(KeyOf(row, spec.key_size), &row).second)
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("{}: the key ({}) appears twice", spec.table, KeyOf(row, spec.key_size)));
      if (spec.partition) partitions.insert(row[*spec.partition].value_or(""));
    }
    try {
      return SyncRows(spec, rows, incoming, partitions);
    } catch (const std::exception& e) {
      return Fail(DatabaseError(e, "sync " + spec.table));
    }
  }

  Status RecordImport(const ImportRecord& r) override {
    try {
      const long long at = r.imported_at, added = r.counts.added, changed = r.counts.changed,
                      removed = r.counts.removed, unchanged = r.counts.unchanged;
      sql_ << "INSERT INTO dataset_imports (kind, file, sha256, title, publisher, licence, "
              "imported_at, added, changed, removed, unchanged) VALUES (:k, :f, :s, :t, :p, :l, "
              ":a, :ad, :ch, :rm, :un)",
          soci::use(r.source.kind), soci::use(r.source.file), soci::use(r.source.sha256),
          soci::use(r.source.title), soci::use(r.source.publisher), soci::use(r.source.licence),
          soci::use(at), soci::use(added), soci::use(changed), soci::use(removed),
          soci::use(unchanged);
      return Ok();
    } catch (const std::exception& e) {
      return Fail(DatabaseError(e, "record import"));
    }
  }

  Result<std::vector<ImportRecord>> LatestImports() override {
    try {
      ImportRecord r;
      long long at = 0, added = 0, changed = 0, removed = 0, unchanged = 0;
      soci::statement st =
          (sql_.prepare << "SELECT kind, file, sha256, title, publisher, licence, imported_at, "
                           "added, changed, removed, unchanged FROM dataset_imports d "
                           "WHERE id = (SELECT MAX(id) FROM dataset_imports e "
                           "WHERE e.kind = d.kind) ORDER BY kind",
           soci::into(r.source.kind), soci::into(r.source.file), soci::into(r.source.sha256),
           soci::into(r.source.title), soci::into(r.source.publisher), soci::into(r.source.licence),
           soci::into(at), soci::into(added), soci::into(changed), soci::into(removed),
           soci::into(unchanged));
      st.execute();
      std::vector<ImportRecord> out;
      while (st.fetch()) {
        r.imported_at = at;
        r.counts = {added, changed, removed, unchanged};
        out.push_back(r);
      }
      return out;
    } catch (const std::exception& e) {
      return Fail(DatabaseError(e, "latest imports"));
    }
  }

 private:
  Result<SyncCounts> SyncRows(const TableSpec& spec, const std::vector<Row>& rows,
                              const std::unordered_map<std::string, const Row*>& incoming,
                              const std::set<std::string>& partitions) {
    const std::size_t n = spec.columns.size();
    // What the table holds now (in the partitions the file carries), every value as text.
    std::unordered_map<std::string, Row> existing;
    const std::string select =
        fmt::format("SELECT {} FROM {}", Join(spec, "CAST({0} AS TEXT)", 0, n, ", "), spec.table);
    soci::rowset<soci::row> current = (sql_.prepare << select);
    for (const auto& r : current) {
      Row row(n);
      for (std::size_t i = 0; i < n; ++i) {
        if (r.get_indicator(i) != soci::i_null) row[i] = r.get<std::string>(i);
      }
      if (spec.partition && !partitions.count(row[*spec.partition].value_or(""))) continue;
      existing.emplace(KeyOf(row, spec.key_size), std::move(row));
    }

    SyncCounts counts;
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    const std::string insert =
        fmt::format("INSERT INTO {} ({}) VALUES ({})", spec.table, Join(spec, "{0}", 0, n, ", "),
                    Join(spec, ":v{1}", 0, n, ", "));
    if (existing.empty()) {
      // First load: the bulk path.
      if (dialect_ == Dialect::kPostgres) {
        std::vector<std::string> names;
        for (const auto& c : spec.columns) names.push_back(c.name);
        CopyIn(sql_, spec.table, names, rows);
      } else {
        RowStatement statement(sql_, insert, n);
        for (const auto& row : rows) statement.Run(row, all);
      }
      counts.added = static_cast<std::int64_t>(rows.size());
      return counts;
    }

    RowStatement insert_row(sql_, insert, n);
    std::vector<std::size_t> update_order;  // values, then the key
    for (std::size_t i = spec.key_size; i < n; ++i) update_order.push_back(i);
    for (std::size_t i = 0; i < spec.key_size; ++i) update_order.push_back(i);
    std::optional<RowStatement> update_row;
    if (spec.key_size < n) {
      update_row.emplace(sql_,
                         fmt::format("UPDATE {} SET {} WHERE {}", spec.table,
                                     Join(spec, "{0} = :v{1}", spec.key_size, n, ", "),
                                     Join(spec, "{0} = :v{1}", 0, spec.key_size, " AND ")),
                         n);
    }
    for (const auto& row : rows) {
      auto it = existing.find(KeyOf(row, spec.key_size));
      if (it == existing.end()) {
        insert_row.Run(row, all);
        ++counts.added;
      } else if (it->second != row) {
        update_row->Run(row, update_order);
        ++counts.changed;
      } else {
        ++counts.unchanged;
      }
    }
    std::vector<std::size_t> key_order(spec.key_size);
    for (std::size_t i = 0; i < spec.key_size; ++i) key_order[i] = i;
    RowStatement delete_row(sql_,
                            fmt::format("DELETE FROM {} WHERE {}", spec.table,
                                        Join(spec, "{0} = :v{1}", 0, spec.key_size, " AND ")),
                            spec.key_size);
    for (const auto& [key, row] : existing) {
      if (!incoming.count(key)) {
        delete_row.Run(row, key_order);
        ++counts.removed;
      }
    }
    return counts;
  }

  soci::session& sql_;
  Dialect dialect_;
};

}  // namespace

std::unique_ptr<reference::ReferenceRepository> MakeSqlReference(soci::session& sql,
                                                                 Dialect dialect) {
  return std::make_unique<SqlReference>(sql, dialect);
}

}  // namespace maplace::storage
