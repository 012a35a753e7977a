#include "search/bench/bench.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <ostream>
#include <thread>

#include "search/bench/corpus.h"
#include "search/bench/reference.h"
#include "search/index.h"

namespace maplace::search {
namespace {

using Clock = std::chrono::steady_clock;
using bench::BenchQuery;
using bench::QueryClass;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of the calling thread: on a machine shared with other work, the cost of a query on
// one core, where wall time also counts the time others held the core.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Resident memory of this process, from /proc/self/statm.
std::size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// Resident memory gained since `before` (negative when memory was given back).
double MegabytesSince(std::size_t before) {
  return (static_cast<double>(ResidentBytes()) - static_cast<double>(before)) / 1e6;
}

struct Latencies {
  std::vector<double> ms;      // wall
  std::vector<double> cpu_ms;  // this thread's CPU time
  double total_seconds = 0;

  template <typename F>
  auto Time(F&& f) {
    const auto start = Clock::now();
    const double cpu_start = ThreadCpuMs();
    auto result = f();
    cpu_ms.push_back(ThreadCpuMs() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    return result;
  }
  double Percentile(double p, bool cpu = false) const {
    std::vector<double> sorted = cpu ? cpu_ms : ms;
    if (sorted.empty()) return 0;
    std::sort(sorted.begin(), sorted.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
  }
  double PerSecond() const {
    return total_seconds > 0 ? static_cast<double>(ms.size()) / total_seconds : 0;
  }
};

struct EngineRow {
  std::string name;
  std::size_t queries = 0;
  Latencies latencies;
  double build_seconds = 0;
  double memory_mb = 0;
  std::string note;
};

Query ExactOnly(Query q) {
  q.matching = Matching{false, false, false, false};
  q.widen_when_empty = false;
  return q;
}

bool Comparable(const BenchQuery& b) {
  return b.kind == QueryClass::kWords || b.kind == QueryClass::kWordsAndFilters;
}

}  // namespace

int RunBenchmark(const BenchmarkOptions& options, std::ostream& out) {
  const auto corpus_start = Clock::now();
  const bench::Corpus corpus = bench::MakeCorpus(options.offers, options.trainings);
  const auto queries = bench::MakeQueries(options.queries);
  const double corpus_seconds = Seconds(corpus_start);
  const unsigned threads = options.build_threads
                               ? options.build_threads
                               : std::max(1u, std::thread::hardware_concurrency());

  out << fmt::format(
      "Search benchmark: {} offers + {} trainings (generated in {:.1f} s), {} queries, index "
      "built on {} thread(s), queries on one thread.\n\n",
      options.offers, options.trainings, corpus_seconds, queries.size(), threads);
  out.flush();

  // maplace
  std::vector<EngineRow> rows;
  EngineRow ours{.name = "maplace index"};
  const auto rss_before = ResidentBytes();
  auto build_start = Clock::now();
  Index index(Synonyms::Builtin(), 0);  // the engine itself: no cached answers
  index.SetJobTitles(corpus.job_titles);
  index.Upsert(corpus.documents, threads);
  ours.build_seconds = Seconds(build_start);
  ours.memory_mb = MegabytesSince(rss_before);
  ours.note =
      fmt::format("index's own count {:.0f} MB", static_cast<double>(index.MemoryBytes()) / 1e6);

  std::uint64_t checksum = 0;
  for (const auto& q : queries) checksum += index.Search(q.query).total;  // warm-up
  std::map<QueryClass, Latencies> by_class;
  const auto run_start = Clock::now();
  for (const auto& q : queries) {
    const auto results = ours.latencies.Time([&] { return index.Search(q.query); });
    checksum += results.total + results.hits.size();
    by_class[q.kind].ms.push_back(ours.latencies.ms.back());
    by_class[q.kind].cpu_ms.push_back(ours.latencies.cpu_ms.back());
  }
  ours.latencies.total_seconds = Seconds(run_start);
  ours.queries = queries.size();
  rows.push_back(ours);

  // The same sample the references run, for a fair ratio.
  const std::size_t sample = std::min(options.reference_queries, queries.size());
  Latencies ours_on_sample;
  {
    const auto start_all = Clock::now();
    for (std::size_t i = 0; i < sample; ++i) {
      checksum += ours_on_sample.Time([&] { return index.Search(queries[i].query); }).total;
    }
    ours_on_sample.total_seconds = Seconds(start_all);
  }

  // References
  std::vector<std::unique_ptr<bench::ReferenceEngine>> references;
  if (options.sqlite) references.push_back(bench::MakeSqliteFts5());
  if (!options.postgres_url.empty())
    references.push_back(bench::MakePostgresFts(options.postgres_url));
  int exit_code = 0;
  std::vector<std::string> equality_lines;
  for (auto& engine : references) {
    EngineRow row{.name = engine->name()};
    const auto before = ResidentBytes();
    const auto start = Clock::now();
    if (auto built = engine->Build(corpus.documents); !built) {
      out << engine->name() << ": " << built.error().message << "\n";
      return 1;
    }
    row.build_seconds = Seconds(start);
    row.memory_mb = MegabytesSince(before);
    const auto run = Clock::now();
    std::size_t failures = 0;
    for (std::size_t i = 0; i < sample; ++i) {
      auto page = row.latencies.Time([&] { return engine->Search(queries[i].query); });
      if (!page) ++failures;
    }
    row.latencies.total_seconds = Seconds(run);
    row.queries = sample;
    if (engine->name().starts_with("PostgreSQL"))
      row.note = "CPU: this client only; memory: the server's is not counted";
    if (failures) row.note += fmt::format(" {} queries failed", failures);

    // Match sets, exact stems only, on the queries every engine can express.
    std::size_t compared = 0, equal = 0;
    for (std::size_t i = 0; i < sample; ++i) {
      if (!Comparable(queries[i])) continue;
      const Query exact = ExactOnly(queries[i].query);
      auto theirs = engine->MatchIds(exact);
      if (!theirs) continue;
      const auto mine = index.MatchIds(exact);
      ++compared;
      if (mine == *theirs) {
        ++equal;
      } else if (compared - equal <= 3) {
        equality_lines.push_back(fmt::format("  {}: query «{}» maplace {} ids, {} {} ids",
                                             engine->name(), queries[i].query.text, mine.size(),
                                             engine->name(), theirs->size()));
      }
    }
    if (equal != compared) exit_code = 1;
    equality_lines.insert(equality_lines.end(),
                          fmt::format("- {}: {} of {} comparable queries (plain words, words + "
                                      "filters) return the same match set as maplace",
                                      engine->name(), equal, compared));
    rows.push_back(std::move(row));
  }

  out << "| engine | queries | p50 CPU (ms) | p99 CPU (ms) | p50 wall (ms) | p99 wall (ms) | "
         "queries/s (wall) | build (s) | memory (RSS delta, MB) | note |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  auto print = [&](const EngineRow& r) {
    out << fmt::format(
        "| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.0f} | {:.1f} | {:.0f} | {} |\n", r.name,
        r.queries, r.latencies.Percentile(0.5, true), r.latencies.Percentile(0.99, true),
        r.latencies.Percentile(0.5), r.latencies.Percentile(0.99), r.latencies.PerSecond(),
        r.build_seconds, r.memory_mb, r.note);
  };
  for (const auto& r : rows) print(r);
  if (!references.empty()) {
    EngineRow sample_row{
        .name = "maplace index, reference sample", .queries = sample, .latencies = ours_on_sample};
    print(sample_row);
  }
  out << "\nmaplace by query class (all queries):\n\n| class | queries | p50 CPU (ms) | p99 CPU "
         "(ms) | p50 wall (ms) | p99 wall (ms) |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& [kind, latencies] : by_class)
    out << fmt::format("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n",
                       bench::QueryClassName(kind), latencies.ms.size(),
                       latencies.Percentile(0.5, true), latencies.Percentile(0.99, true),
                       latencies.Percentile(0.5), latencies.Percentile(0.99));
  if (!references.empty()) {
    out << "\n";
    for (std::size_t i = 1; i < rows.size(); ++i)
      out << fmt::format(
          "- {} p50 is {:.0f}× maplace's on the same {} queries (p99 {:.0f}×; wall time)\n",
          rows[i].name,
          rows[i].latencies.Percentile(0.5) / std::max(1e-6, ours_on_sample.Percentile(0.5)),
          sample,
          rows[i].latencies.Percentile(0.99) / std::max(1e-6, ours_on_sample.Percentile(0.99)));
    for (const auto& line : equality_lines) out << line << "\n";
  }
  out << fmt::format("\n(checksum {})\n", checksum);
  return exit_code;
}

}  // namespace maplace::search
