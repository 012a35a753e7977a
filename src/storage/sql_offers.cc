#include "storage/sql_offers.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using offers::Offer;
using offers::OfferReport;

void Prepare(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

constexpr char kColumns[] =
    "id, organisation_id, created_by, rome_code, title, level, contract, start_date, "
    "duration_months, positions, rhythm, description, commune_code, pause_after_applications, "
    "state, published_at, expires_at, reminder_sent_at, extension_token_hash, filled_channel, "
    "hidden, hidden_reason, applications, created_at, updated_at";

// Every column of a row, bound by reference to a statement.
struct OfferRow {
  long long id = 0, organisation = 0, created_by = 0, published = 0, expires = 0, reminded = 0,
            created = 0, updated = 0;
  int level = 0, duration = 0, positions = 0, pause = 0, hidden = 0, applications = 0;
  std::string rome, title, contract, start, rhythm, description, commune, state, token, channel,
      hidden_reason;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(rome));
    st.exchange(soci::into(title));
    st.exchange(soci::into(level));
    st.exchange(soci::into(contract));
    st.exchange(soci::into(start));
    st.exchange(soci::into(duration));
    st.exchange(soci::into(positions));
    st.exchange(soci::into(rhythm));
    st.exchange(soci::into(description));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(pause));
    st.exchange(soci::into(state));
    st.exchange(soci::into(published));
    st.exchange(soci::into(expires));
    st.exchange(soci::into(reminded));
    st.exchange(soci::into(token));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(hidden));
    st.exchange(soci::into(hidden_reason));
    st.exchange(soci::into(applications));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
  }

  Offer ToOffer() const {
    Offer o;
    o.id = id;
    o.organisation_id = organisation;
    o.created_by = created_by;
    o.input.rome_code = rome;
    o.input.title = title;
    o.input.level = level;
    o.input.contract =
        offers::ParseContractKind(contract).value_or(offers::ContractKind::kApprenticeship);
    o.input.start_date = start;
    o.input.duration_months = duration;
    o.input.positions = positions;
    o.input.rhythm = rhythm;
    o.input.description = description;
    o.input.commune_code = commune;
    o.input.pause_after_applications = pause;
    o.state = offers::ParseOfferState(state).value_or(offers::OfferState::kDraft);
    o.published_at = published;
    o.expires_at = expires;
    o.reminder_sent_at = reminded;
    o.extension_token_hash = token;
    o.filled_channel = channel;
    o.hidden = hidden != 0;
    o.hidden_reason = hidden_reason;
    o.applications = applications;
    o.created_at = created;
    o.updated_at = updated;
    return o;
  }
};

class SqlOffers final : public offers::OfferRepository {
 public:
  explicit SqlOffers(soci::session& sql) : sql_(sql) {}

  Result<std::int64_t> Create(const Offer& o) override {
    return Guard("create offer", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long organisation = o.organisation_id, created_by = o.created_by,
                      created = o.created_at, updated = o.updated_at;
      const std::string state(offers::OfferStateCode(o.state)),
          contract(offers::ContractKindCode(o.input.contract));
      sql_ << "INSERT INTO offers (organisation_id, created_by, rome_code, title, level, "
              "contract, start_date, duration_months, positions, rhythm, description, "
              "commune_code, pause_after_applications, state, created_at, updated_at) VALUES "
              "(:o, :b, :r, :t, :l, :c, :s, :d, :p, :rh, :de, :co, :pa, :st, :cr, :up) "
              "RETURNING id",
          soci::use(organisation), soci::use(created_by), soci::use(o.input.rome_code),
          soci::use(o.input.title), soci::use(o.input.level), soci::use(contract),
          soci::use(o.input.start_date), soci::use(o.input.duration_months),
          soci::use(o.input.positions), soci::use(o.input.rhythm), soci::use(o.input.description),
          soci::use(o.input.commune_code), soci::use(o.input.pause_after_applications),
          soci::use(state), soci::use(created), soci::use(updated), soci::into(id);
      // The lifecycle columns of a copy start at their defaults; set them when given.
      if (o.state != offers::OfferState::kDraft || o.published_at || o.expires_at) {
        Offer copy = o;
        copy.id = id;
        if (auto s = Update(copy); !s) return Fail(s.error());
      }
      return static_cast<std::int64_t>(id);
    });
  }

  Status Update(const Offer& o) override {
    return Guard("update offer", [&]() -> Status {
      const long long key = o.id, published = o.published_at, expires = o.expires_at,
                      reminded = o.reminder_sent_at, updated = o.updated_at;
      const int hidden = o.hidden ? 1 : 0;
      const std::string state(offers::OfferStateCode(o.state)),
          contract(offers::ContractKindCode(o.input.contract));
      soci::statement st =
          (sql_.prepare << "UPDATE offers SET rome_code = :r, title = :t, level = :l, "
                           "contract = :c, start_date = :s, duration_months = :d, "
                           "positions = :p, rhythm = :rh, description = :de, "
                           "commune_code = :co, pause_after_applications = :pa, state = :st, "
                           "published_at = :pu, expires_at = :ex, reminder_sent_at = :re, "
                           "extension_token_hash = :tok, filled_channel = :ch, hidden = :h, "
                           "hidden_reason = :hr, applications = :ap, updated_at = :up "
                           "WHERE id = :id",
           soci::use(o.input.rome_code), soci::use(o.input.title), soci::use(o.input.level),
           soci::use(contract), soci::use(o.input.start_date), soci::use(o.input.duration_months),
           soci::use(o.input.positions), soci::use(o.input.rhythm), soci::use(o.input.description),
           soci::use(o.input.commune_code), soci::use(o.input.pause_after_applications),
           soci::use(state), soci::use(published), soci::use(expires), soci::use(reminded),
           soci::use(o.extension_token_hash), soci::use(o.filled_channel), soci::use(hidden),
           soci::use(o.hidden_reason), soci::use(o.applications), soci::use(updated),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such offer");
      return Ok();
    });
  }

  Result<Offer> FindById(std::int64_t id) override {
    return Guard("find offer", [&]() -> Result<Offer> {
      auto found = Select("WHERE id = :k", static_cast<long long>(id), "");
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such offer");
      return found.front();
    });
  }

  Result<Offer> FindByExtensionToken(const std::string& token_hash) override {
    return Guard("find offer by token", [&]() -> Result<Offer> {
      if (token_hash.empty()) return Fail(ErrorCode::kNotFound, "no such offer");
      auto found = SelectByText("WHERE extension_token_hash = :k", token_hash);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such offer");
      return found.front();
    });
  }

  Result<std::vector<Offer>> ListByOrganisation(std::int64_t organisation_id) override {
    return Guard("list offers", [&]() -> Result<std::vector<Offer>> {
      return Select("WHERE organisation_id = :k", static_cast<long long>(organisation_id),
                    "ORDER BY id DESC");
    });
  }

  Result<std::vector<Offer>> ListOpen() override {
    return Guard("list open offers", [&]() -> Result<std::vector<Offer>> {
      return Select("WHERE state IN ('published', 'paused') AND hidden = 0 AND 0 = :k", 0,
                    "ORDER BY id");
    });
  }

  Result<std::vector<Offer>> ListAll() override {
    return Guard("list all offers", [&]() -> Result<std::vector<Offer>> {
      return Select("WHERE 0 = :k", 0, "ORDER BY id");
    });
  }

  Result<std::vector<Offer>> ListPublishedExpiringBy(UnixSeconds before) override {
    return Guard("list expiring offers", [&]() -> Result<std::vector<Offer>> {
      return Select("WHERE state = 'published' AND expires_at <= :k",
                    static_cast<long long>(before), "ORDER BY id");
    });
  }

  Status AddRelay(const offers::OfferRelay& r) override {
    return Guard("relay offer", [&]() -> Status {
      const long long offer = r.offer_id, cfa = r.cfa_organisation_id, by = r.relayed_by,
                      at = r.relayed_at;
      soci::statement st =
          (sql_.prepare << "INSERT INTO offer_relays (offer_id, cfa_organisation_id, relayed_by, "
                           "relayed_at) VALUES (:o, :c, :b, :a) ON CONFLICT DO NOTHING",
           soci::use(offer), soci::use(cfa), soci::use(by), soci::use(at));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kAlreadyExists, "relayed already");
      return Ok();
    });
  }

  Result<std::vector<offers::OfferRelay>> RelaysOf(std::int64_t offer_id) override {
    return Guard("relays of an offer", [&]() -> Result<std::vector<offers::OfferRelay>> {
      return Relays("offer_id = :k ORDER BY relayed_at, cfa_organisation_id", offer_id);
    });
  }

  Result<std::vector<offers::OfferRelay>> RelaysTo(std::int64_t cfa) override {
    return Guard("relays to a CFA", [&]() -> Result<std::vector<offers::OfferRelay>> {
      return Relays("cfa_organisation_id = :k ORDER BY relayed_at DESC, offer_id DESC", cfa);
    });
  }

  Result<std::int64_t> AddReport(const OfferReport& r) override {
    return Guard("add offer report", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long offer = r.offer_id, created = r.created_at;
      sql_ << "INSERT INTO offer_reports (offer_id, reason, details, created_at) "
              "VALUES (:o, :r, :d, :c) RETURNING id",
          soci::use(offer), soci::use(r.reason), soci::use(r.details), soci::use(created),
          soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Result<std::vector<OfferReport>> OpenReports() override {
    return Guard("list offer reports", [&]() -> Result<std::vector<OfferReport>> {
      OfferReport r;
      long long id = 0, offer = 0, created = 0;
      soci::statement st =
          (sql_.prepare << "SELECT id, offer_id, reason, details, created_at FROM offer_reports "
                           "WHERE resolved = 0 ORDER BY id",
           soci::into(id), soci::into(offer), soci::into(r.reason), soci::into(r.details),
           soci::into(created));
      st.execute();
      std::vector<OfferReport> out;
      while (st.fetch()) {
        r.id = id;
        r.offer_id = offer;
        r.created_at = created;
        out.push_back(r);
      }
      return out;
    });
  }

  Status ResolveReports(std::int64_t offer_id) override {
    return Guard("resolve offer reports", [&]() -> Status {
      const long long offer = offer_id;
      sql_ << "UPDATE offer_reports SET resolved = 1 WHERE offer_id = :o", soci::use(offer);
      return Ok();
    });
  }

 private:
  std::vector<offers::OfferRelay> Relays(const std::string& where, std::int64_t key) {
    const long long bound = key;
    long long offer = 0, cfa = 0, by = 0, at = 0;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT offer_id, cfa_organisation_id, relayed_by, "
                                     "relayed_at FROM offer_relays WHERE {}",
                                     where),
         soci::use(bound), soci::into(offer), soci::into(cfa), soci::into(by), soci::into(at));
    st.execute();
    std::vector<offers::OfferRelay> out;
    while (st.fetch()) out.push_back({offer, cfa, by, at});
    return out;
  }

  std::vector<Offer> Select(const std::string& where, long long key, const std::string& order) {
    OfferRow row;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(key));
    Prepare(st, fmt::format("SELECT {} FROM offers {} {}", kColumns, where, order));
    st.execute();
    std::vector<Offer> out;
    while (st.fetch()) out.push_back(row.ToOffer());
    return out;
  }
  std::vector<Offer> SelectByText(const std::string& where, const std::string& key) {
    OfferRow row;
    soci::statement st(sql_);
    row.Into(st);
    st.exchange(soci::use(key));
    Prepare(st, fmt::format("SELECT {} FROM offers {}", kColumns, where));
    st.execute();
    std::vector<Offer> out;
    while (st.fetch()) out.push_back(row.ToOffer());
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<offers::OfferRepository> MakeSqlOffers(soci::session& sql) {
  return std::make_unique<SqlOffers>(sql);
}

}  // namespace maplace::storage
