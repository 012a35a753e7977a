// SQLite FTS5 as a reference engine, in memory, with a "maplace" tokenizer that folds, drops
// stop words and stems exactly like the index, so both engines see the same terms.
#include <fmt/format.h>
#include <sqlite3.h>

#include "search/analyzer.h"
#include "search/bench/reference.h"
#include "search/geo.h"

namespace maplace::search::bench {
namespace {

int TokenizerCreate(void*, const char**, int, Fts5Tokenizer** out) {
  static int instance = 0;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);  // stateless
  return SQLITE_OK;
}

void TokenizerDelete(Fts5Tokenizer*) {}

int TokenizerTokenize(Fts5Tokenizer*, void* context, int, const char* text, int length,
                      int (*emit)(void*, int, const char*, int, int, int)) {
  // Offsets are only used for highlighting, which the benchmark does not do.
  for (const auto& token : Analyze(std::string_view(text, static_cast<std::size_t>(length)))) {
    const int rc =
        emit(context, 0, token.stem.data(), static_cast<int>(token.stem.size()), 0, length);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

void DistanceFunction(sqlite3_context* context, int, sqlite3_value** args) {
  sqlite3_result_double(context,
                        DistanceKm(sqlite3_value_double(args[0]), sqlite3_value_double(args[1]),
                                   sqlite3_value_double(args[2]), sqlite3_value_double(args[3])));
}

class SqliteFts5 final : public ReferenceEngine {
 public:
  ~SqliteFts5() override {
    if (db_ != nullptr) sqlite3_close(db_);
  }
  std::string name() const override { return "SQLite FTS5"; }

  Status Build(const std::vector<Document>& documents) override {
    if (sqlite3_open(":memory:", &db_) != SQLITE_OK)
      return Fail(ErrorCode::kInternal, "sqlite open");
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db_, "SELECT fts5(?1)", -1, &stmt, nullptr);
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (api == nullptr) return Fail(ErrorCode::kUnavailable, "this SQLite has no FTS5");
    fts5_tokenizer tokenizer{TokenizerCreate, TokenizerDelete, TokenizerTokenize};
    api->xCreateTokenizer(api, "maplace", nullptr, &tokenizer, nullptr);
    sqlite3_create_function(db_, "dist_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                            DistanceFunction, nullptr, nullptr);
    if (auto done =
            Exec("CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, tokenize = 'maplace');"
                 "CREATE TABLE docs (id INTEGER PRIMARY KEY, kind INT, level INT, contract INT, "
                 "area TEXT, sector TEXT, rome TEXT, start INT, lat REAL, lon REAL, published INT, "
                 "applications INT);"
                 "BEGIN;");
        !done)
      return done;
    sqlite3_stmt* fts = nullptr;
    sqlite3_stmt* row = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO docs_fts(rowid, title, body) VALUES (?, ?, ?)", -1, &fts,
                       nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1,
                       &row, nullptr);
    for (const auto& d : documents) {
      sqlite3_bind_int64(fts, 1, d.id);
      sqlite3_bind_text(fts, 2, d.title.data(), static_cast<int>(d.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(fts, 3, d.text.data(), static_cast<int>(d.text.size()), SQLITE_STATIC);
      if (sqlite3_step(fts) != SQLITE_DONE) return Error("insert fts");
      sqlite3_reset(fts);
      const std::string sector = d.rome_codes.empty() ? "" : d.rome_codes[0].substr(0, 1);
      const std::string rome = d.rome_codes.empty() ? "" : d.rome_codes[0];
      sqlite3_bind_int64(row, 1, d.id);
      sqlite3_bind_int(row, 2, static_cast<int>(d.kind));
      sqlite3_bind_int(row, 3, d.level);
      sqlite3_bind_int(row, 4, static_cast<int>(d.contract));
      sqlite3_bind_text(row, 5, d.area.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(row, 6, sector.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(row, 7, rome.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(row, 8, d.start_day);
      sqlite3_bind_double(row, 9, d.latitude);
      sqlite3_bind_double(row, 10, d.longitude);
      sqlite3_bind_int64(row, 11, d.published_at);
      sqlite3_bind_int(row, 12, static_cast<int>(d.applications));
      if (sqlite3_step(row) != SQLITE_DONE) return Error("insert row");
      sqlite3_reset(row);
    }
    sqlite3_finalize(fts);
    sqlite3_finalize(row);
    return Exec("COMMIT; CREATE INDEX docs_lat ON docs(lat); ANALYZE;");
  }

  Result<Page> Search(const Query& query) override {
    Page page;
    const auto from = FromWhere(query);
    auto count = Ids("SELECT count(*) " + from);
    if (!count) return tl::unexpected(count.error());
    page.total = count->empty() ? 0 : static_cast<std::uint32_t>((*count)[0]);
    if (page.total == 0) return page;
    std::string order;
    bool prefix = false;
    const bool words = !QueryTerms(query, false, &prefix).empty();
    if (query.sort == Sort::kDistance && query.has_place)
      order = fmt::format("dist_km(d.lat, d.lon, {}, {})", query.latitude, query.longitude);
    else if (query.sort == Sort::kRecent || !words)
      order = "d.published DESC";
    else if (query.sort == Sort::kFewestApplications)
      order = "d.applications";
    else
      order = "bm25(docs_fts, 3.0, 1.0), d.published DESC";
    auto ids = Ids("SELECT d.id " + from + " ORDER BY " + order + " LIMIT 20");
    if (!ids) return tl::unexpected(ids.error());
    page.ids = std::move(*ids);
    return page;
  }

  Result<std::vector<std::int64_t>> MatchIds(const Query& query) override {
    return Ids("SELECT d.id " + FromWhere(query) + " ORDER BY d.id");
  }

 private:
  std::string FromWhere(const Query& query) const {
    bool prefix = false;
    const auto stems = QueryTerms(query, false, &prefix);
    if (stems.empty()) return "FROM docs d WHERE " + SqlFilters(query);
    // Folded words: the tokenizer stems them (stemming a stem may change it).
    std::string match;
    for (std::size_t i = 0; i < stems.size(); ++i) {
      match += (i ? " " : "") + std::string("\"") + stems[i] + "\"";
      if (prefix && i + 1 == stems.size()) match += "*";
    }
    return "FROM docs_fts JOIN docs d ON d.id = docs_fts.rowid WHERE docs_fts MATCH '" + match +
           "' AND " + SqlFilters(query);
  }

  Result<std::vector<std::int64_t>> Ids(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      return Fail(ErrorCode::kInternal, fmt::format("{}: {}", sqlite3_errmsg(db_), sql));
    std::vector<std::int64_t> ids;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return Fail(ErrorCode::kInternal, sqlite3_errmsg(db_));
    return ids;
  }

  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "sqlite error";
      sqlite3_free(message);
      return Fail(ErrorCode::kInternal, text);
    }
    return {};
  }
  tl::unexpected<maplace::Error> Error(const char* what) const {
    return Fail(ErrorCode::kInternal, fmt::format("{}: {}", what, sqlite3_errmsg(db_)));
  }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<ReferenceEngine> MakeSqliteFts5() { return std::make_unique<SqliteFts5>(); }

}  // namespace maplace::search::bench
