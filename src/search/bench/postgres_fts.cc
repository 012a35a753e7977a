// PostgreSQL full-text search as a reference engine: a GIN index over a tsvector of the same
// stems the index uses (computed here, 'simple' configuration), title weighted A, body B.
// The 'french' configuration would stem alone and keep accents, so match sets would differ.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <random>

#include "search/analyzer.h"
#include "search/bench/reference.h"

namespace maplace::search::bench {
namespace {

std::string Stems(std::string_view text) {
  std::string out;
  for (const auto& token : Analyze(text)) (out += out.empty() ? "" : " ") += token.stem;
  return out;
}

// COPY text format: escape backslash, tab, newline.
void AppendCopyField(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
}

class PostgresFts final : public ReferenceEngine {
 public:
  explicit PostgresFts(std::string url) : url_(std::move(url)) {
    schema_ = fmt::format("search_bench_{}", std::random_device{}() % 1000000);
  }
  ~PostgresFts() override {
    if (conn_ != nullptr) {
      Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      PQfinish(conn_);
    }
  }
  std::string name() const override { return "PostgreSQL FTS"; }

  Status Build(const std::vector<Document>& documents) override {
    conn_ = PQconnectdb(url_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK)
      return Fail(ErrorCode::kUnavailable, PQerrorMessage(conn_));
    const std::string setup = fmt::format(
        "SET client_min_messages = warning; CREATE SCHEMA {0}; SET search_path = {0};"
        "CREATE TABLE docs (id bigint PRIMARY KEY, kind int, level int, contract int, area text, "
        "sector text, rome text, start int, lat float8, lon float8, published bigint, "
        "applications int, title_stems text, body_stems text, tsv tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('simple', title_stems), 'A') || "
        "setweight(to_tsvector('simple', body_stems), 'B')) STORED);"
        "CREATE FUNCTION dist_km(float8, float8, float8, float8) RETURNS float8 IMMUTABLE "
        "LANGUAGE sql AS $$ SELECT 2 * 6371 * asin(least(1, sqrt(sin(radians($3 - $1) / 2) ^ 2 "
        "+ cos(radians($1)) * cos(radians($3)) * sin(radians($4 - $2) / 2) ^ 2))) $$;",
        schema_);
    if (auto done = Exec(setup); !done) return done;
    PGresult* copy = PQexec(conn_,
                            "COPY docs (id, kind, level, contract, area, sector, rome, start, lat, "
                            "lon, published, applications, title_stems, body_stems) FROM STDIN");
    if (PQresultStatus(copy) != PGRES_COPY_IN) {
      PQclear(copy);
      return Fail(ErrorCode::kInternal, PQerrorMessage(conn_));
    }
    PQclear(copy);
    std::string buffer;
    for (const auto& d : documents) {
      const std::string rome = d.rome_codes.empty() ? "" : d.rome_codes[0];
      buffer += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t", d.id,
                            static_cast<int>(d.kind), d.level, static_cast<int>(d.contract), d.area,
                            rome.substr(0, 1), rome, d.start_day, d.latitude, d.longitude,
                            d.published_at, d.applications);
      AppendCopyField(buffer, Stems(d.title));
      buffer += '\t';
      AppendCopyField(buffer, Stems(d.text));
      buffer += '\n';
      if (buffer.size() > (1 << 20)) {
        if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1)
          return Fail(ErrorCode::kInternal, PQerrorMessage(conn_));
        buffer.clear();
      }
    }
    if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1 ||
        PQputCopyEnd(conn_, nullptr) != 1)
      return Fail(ErrorCode::kInternal, PQerrorMessage(conn_));
    PGresult* end = PQgetResult(conn_);
    const bool ok = PQresultStatus(end) == PGRES_COMMAND_OK;
    PQclear(end);
    if (!ok) return Fail(ErrorCode::kInternal, PQerrorMessage(conn_));
    return Exec(
        "CREATE INDEX docs_tsv ON docs USING gin (tsv); CREATE INDEX docs_lat ON docs (lat);"
        "ANALYZE docs;");
  }

  Result<Page> Search(const Query& query) override {
    Page page;
    const std::string from = FromWhere(query);
    auto count = Ids("SELECT count(*) " + from);
    if (!count) return tl::unexpected(count.error());
    page.total = count->empty() ? 0 : static_cast<std::uint32_t>((*count)[0]);
    if (page.total == 0) return page;
    bool prefix = false;
    const bool words = !QueryTerms(query, true, &prefix).empty();
    std::string order;
    if (query.sort == Sort::kDistance && query.has_place)
      order = fmt::format("dist_km(d.lat, d.lon, {}, {})", query.latitude, query.longitude);
    else if (query.sort == Sort::kRecent || !words)
      order = "d.published DESC";
    else if (query.sort == Sort::kFewestApplications)
      order = "d.applications";
    else
      order = "ts_rank(d.tsv, q) DESC, d.published DESC";
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
    const auto stems = QueryTerms(query, true, &prefix);
    if (stems.empty()) return "FROM docs d WHERE " + SqlFilters(query);
    std::string tsquery;
    for (std::size_t i = 0; i < stems.size(); ++i) {
      tsquery += (i ? " & " : "") + stems[i];
      if (prefix && i + 1 == stems.size()) tsquery += ":*";
    }
    return "FROM docs d, to_tsquery('simple', '" + tsquery + "') q WHERE d.tsv @@ q AND " +
           SqlFilters(query);
  }

  Result<std::vector<std::int64_t>> Ids(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
      std::string message = PQerrorMessage(conn_);
      PQclear(result);
      return Fail(ErrorCode::kInternal, message + sql);
    }
    std::vector<std::int64_t> ids;
    const int rows = PQntuples(result);
    ids.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) ids.push_back(std::stoll(PQgetvalue(result, i, 0)));
    PQclear(result);
    return ids;
  }

  Status Exec(const std::string& sql) {
    PGresult* result = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      return Fail(ErrorCode::kInternal, PQerrorMessage(conn_));
    return {};
  }

  std::string url_;
  std::string schema_;
  PGconn* conn_ = nullptr;
};

}  // namespace

std::unique_ptr<ReferenceEngine> MakePostgresFts(const std::string& url) {
  return std::make_unique<PostgresFts>(url);
}

}  // namespace maplace::search::bench
