#include "storage/sql_young_people.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/sql_repositories.h"

namespace maplace::storage {
namespace {

using young_people::Favourite;
using young_people::FavouriteKind;
using young_people::Profile;
using young_people::SavedSearch;

class SqlYoungPeople final : public young_people::YoungPeopleRepository {
 public:
  explicit SqlYoungPeople(soci::session& sql) : sql_(sql) {}

  Status SaveProfile(const Profile& p) override {
    return Guard("save young profile", [&]() -> Status {
      const long long user = p.user_id, created = p.created_at, updated = p.updated_at;
      const int level = p.level, km = p.mobility_km, visible = p.visible_to_employers ? 1 : 0;
      sql_ << "INSERT INTO young_profiles (user_id, wishes, rome_code, level, commune_code, "
              "mobility_km, birth_date, phone, visible_to_employers, created_at, updated_at) "
              "VALUES (:u, :w, :r, :l, :c, :m, :b, :p, :v, :cr, :up) ON CONFLICT (user_id) DO "
              "UPDATE SET wishes = excluded.wishes, rome_code = excluded.rome_code, level = "
              "excluded.level, commune_code = excluded.commune_code, mobility_km = "
              "excluded.mobility_km, birth_date = excluded.birth_date, phone = excluded.phone, "
              "visible_to_employers = excluded.visible_to_employers, updated_at = "
              "excluded.updated_at",
          soci::use(user), soci::use(p.wishes), soci::use(p.rome_code), soci::use(level),
          soci::use(p.commune_code), soci::use(km), soci::use(p.birth_date), soci::use(p.phone),
          soci::use(visible), soci::use(created), soci::use(updated);
      return Ok();
    });
  }

  Result<Profile> FindProfile(std::int64_t user_id) override {
    return Guard("find young profile", [&]() -> Result<Profile> {
      Profile p;
      long long user = 0, created = 0, updated = 0;
      const long long key = user_id;
      int level = 0, km = 0, visible = 0;
      soci::statement st =
          (sql_.prepare << "SELECT user_id, wishes, rome_code, level, commune_code, mobility_km, "
                           "birth_date, phone, visible_to_employers, created_at, updated_at FROM "
                           "young_profiles WHERE user_id = :k",
           soci::into(user), soci::into(p.wishes), soci::into(p.rome_code), soci::into(level),
           soci::into(p.commune_code), soci::into(km), soci::into(p.birth_date),
           soci::into(p.phone), soci::into(visible), soci::into(created), soci::into(updated),
           soci::use(key));
      st.execute();
      if (!st.fetch()) return Fail(ErrorCode::kNotFound, "no profile");
      p.user_id = user;
      p.level = level;
      p.mobility_km = km;
      p.visible_to_employers = visible != 0;
      p.created_at = created;
      p.updated_at = updated;
      return p;
    });
  }

  Result<std::int64_t> AddFavourite(const Favourite& f) override {
    return Guard("add favourite", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long owner = f.owner_id, target = f.target_id, created = f.created_at;
      const std::string kind(young_people::FavouriteKindCode(f.kind));
      sql_ << "INSERT INTO young_favourites (owner_id, kind, target_id, created_at) VALUES (:o, "
              ":k, :t, :c) RETURNING id",
          soci::use(owner), soci::use(kind), soci::use(target), soci::use(created), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status RemoveFavourite(std::int64_t owner_id, FavouriteKind kind,
                         std::int64_t target_id) override {
    return Guard("remove favourite", [&]() -> Status {
      const long long owner = owner_id, target = target_id;
      const std::string code(young_people::FavouriteKindCode(kind));
      soci::statement st = (sql_.prepare << "DELETE FROM young_favourites WHERE owner_id = :o "
                                            "AND kind = :k AND target_id = :t",
                            soci::use(owner), soci::use(code), soci::use(target));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such favourite");
      return Ok();
    });
  }

  Result<std::vector<Favourite>> ListFavourites(std::int64_t owner_id) override {
    return Guard("list favourites", [&]() -> Result<std::vector<Favourite>> {
      long long id = 0, owner = 0, target = 0, created = 0;
      const long long key = owner_id;
      std::string kind;
      soci::statement st = (sql_.prepare << "SELECT id, owner_id, kind, target_id, created_at FROM "
                                            "young_favourites WHERE owner_id = :k ORDER BY id DESC",
                            soci::into(id), soci::into(owner), soci::into(kind), soci::into(target),
                            soci::into(created), soci::use(key));
      st.execute();
      std::vector<Favourite> out;
      while (st.fetch()) {
        out.push_back(Favourite{
            id, owner, young_people::ParseFavouriteKind(kind).value_or(FavouriteKind::kOffer),
            target, created});
      }
      return out;
    });
  }

  Result<std::int64_t> AddSearch(const SavedSearch& s) override {
    return Guard("add saved search", [&]() -> Result<std::int64_t> {
      long long id = 0;
      const long long owner = s.owner_id, created = s.created_at, digest = s.last_digest_at;
      const int alerts = s.alerts ? 1 : 0;
      sql_ << "INSERT INTO saved_searches (owner_id, name, query, alerts, created_at, "
              "last_digest_at) VALUES (:o, :n, :q, :a, :c, :d) RETURNING id",
          soci::use(owner), soci::use(s.name), soci::use(s.query), soci::use(alerts),
          soci::use(created), soci::use(digest), soci::into(id);
      return static_cast<std::int64_t>(id);
    });
  }

  Status UpdateSearch(const SavedSearch& s) override {
    return Guard("update saved search", [&]() -> Status {
      const long long key = s.id, digest = s.last_digest_at;
      const int alerts = s.alerts ? 1 : 0;
      soci::statement st =
          (sql_.prepare << "UPDATE saved_searches SET name = :n, query = :q, alerts = :a, "
                           "last_digest_at = :d WHERE id = :id",
           soci::use(s.name), soci::use(s.query), soci::use(alerts), soci::use(digest),
           soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such saved search");
      return Ok();
    });
  }

  Status DeleteSearch(std::int64_t id) override {
    return Guard("delete saved search", [&]() -> Status {
      const long long key = id;
      soci::statement st =
          (sql_.prepare << "DELETE FROM saved_searches WHERE id = :id", soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) return Fail(ErrorCode::kNotFound, "no such saved search");
      return Ok();
    });
  }

  Result<SavedSearch> FindSearch(std::int64_t id) override {
    return Guard("find saved search", [&]() -> Result<SavedSearch> {
      auto found = Select("WHERE id = :k", id);
      if (found.empty()) return Fail(ErrorCode::kNotFound, "no such saved search");
      return found.front();
    });
  }
  Result<std::vector<SavedSearch>> ListSearches(std::int64_t owner_id) override {
    return Guard("list saved searches", [&]() -> Result<std::vector<SavedSearch>> {
      return Select("WHERE owner_id = :k ORDER BY id DESC", owner_id);
    });
  }
  Result<std::vector<SavedSearch>> ListAlertSearches() override {
    return Guard("list alert searches", [&]() -> Result<std::vector<SavedSearch>> {
      return Select("WHERE alerts = :k ORDER BY owner_id, id", 1);
    });
  }

 private:
  std::vector<SavedSearch> Select(const std::string& where, std::int64_t key_value) {
    SavedSearch s;
    long long id = 0, owner = 0, created = 0, digest = 0, key = key_value;
    int alerts = 0;
    soci::statement st =
        (sql_.prepare << fmt::format("SELECT id, owner_id, name, query, alerts, created_at, "
                                     "last_digest_at FROM saved_searches {}",
                                     where),
         soci::into(id), soci::into(owner), soci::into(s.name), soci::into(s.query),
         soci::into(alerts), soci::into(created), soci::into(digest), soci::use(key));
    st.execute();
    std::vector<SavedSearch> out;
    while (st.fetch()) {
      s.id = id;
      s.owner_id = owner;
      s.alerts = alerts != 0;
      s.created_at = created;
      s.last_digest_at = digest;
      out.push_back(s);
    }
    return out;
  }

  soci::session& sql_;
};

}  // namespace

std::unique_ptr<young_people::YoungPeopleRepository> MakeSqlYoungPeople(soci::session& sql) {
  return std::make_unique<SqlYoungPeople>(sql);
}

}  // namespace maplace::storage
