#include "domain/review/annual_review.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/date.h"
#include "domain/contracts/figures.h"
#include "domain/conventions/convention.h"

namespace maplace::review {
namespace {

// 1 January of `year`, 00:00 in Martinique.
UnixSeconds YearStart(int year) {
  return MartiniqueMidnight(
      Date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}});
}

int YearOf(UnixSeconds t) { return static_cast<int>(MartiniqueDate(t).year()); }

WorkshopTotals Totals(const std::vector<workshops::SessionFigures>& sessions,
                      const std::set<std::int64_t>& organisations) {
  WorkshopTotals out;
  double rating_sum = 0;
  for (const auto& s : sessions) {
    ++out.sessions;
    out.registered += s.stats.registered;
    out.attended += s.stats.attended;
    out.ratings += s.stats.ratings;
    rating_sum += s.stats.average * s.stats.ratings;
  }
  out.organisations = static_cast<int>(organisations.size());
  if (out.ratings > 0) out.average = rating_sum / out.ratings;
  return out;
}

// Who of which organisation held a seat and was present, over the sessions of a year.
struct Attendance {
  std::map<std::int64_t, std::set<std::int64_t>> sessions_present;  // organisation -> sessions
  std::map<std::int64_t, int> registered, present;
  std::set<std::int64_t> organisations_present;
};

Result<Attendance> AttendanceIn(Repositories& repos, int year) {
  Attendance out;
  auto sessions = repos.workshops().SessionsBetween(YearStart(year), YearStart(year + 1));
  if (!sessions) return Fail(sessions.error());
  for (const auto& s : *sessions) {
    auto registrations = repos.workshops().Registrations(s.id);
    if (!registrations) return Fail(registrations.error());
    for (const auto& r : *registrations) {
      if (r.status != workshops::RegistrationStatus::kRegistered) continue;
      ++out.registered[r.organisation_id];
      if (!r.attended) continue;
      ++out.present[r.organisation_id];
      out.sessions_present[r.organisation_id].insert(s.id);
      out.organisations_present.insert(r.organisation_id);
    }
  }
  return out;
}

TensionChange ChangeOf(const jobs::FamilyTension& f) {
  return {f.fap_code,          f.fap_label,        f.projects,
          f.previous_projects, *f.share_difficult, *f.previous_share_difficult};
}

bool Sizeable(std::optional<std::int64_t> projects) { return projects.value_or(0) >= kMinProjects; }

Result<TensionEvolution> TensionIn(jobs::JobsService& jobs, int year) {
  TensionEvolution out;
  auto latest = jobs.Ranking({});
  if (!latest) return Fail(latest.error());
  const auto& years = latest->years;
  // The latest survey up to the review's year that has the survey of the year before.
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    if (*it <= year && std::find(years.begin(), years.end(), *it - 1) != years.end()) {
      out.survey_year = *it;
      out.previous_year = *it - 1;
      break;
    }
  }
  if (out.survey_year == 0) return out;
  auto areas = jobs.Areas();
  if (!areas) return Fail(areas.error());
  for (const auto& area : *areas) {
    auto ranking = jobs.Ranking({out.survey_year, area.code, std::nullopt});
    if (!ranking) return Fail(ranking.error());
    AreaTension a{area.code, area.short_name, {}, {}, {}, 0};
    std::vector<TensionChange> compared;
    for (const auto& f : ranking->families) {
      const bool in_tension =
          f.share_difficult && *f.share_difficult >= kTensionShare && Sizeable(f.projects);
      if (in_tension) ++a.in_tension;
      // Compared only where both surveys publish enough projects for a share to mean something.
      if (!f.share_difficult || !f.previous_share_difficult || !Sizeable(f.projects) ||
          !Sizeable(f.previous_projects))
        continue;
      compared.push_back(ChangeOf(f));
      if (in_tension && *f.previous_share_difficult < kTensionShare)
        a.newly.push_back(compared.back());
    }
    // Ties are broken by code, so that the same data always lists the same families.
    auto by_rise = [](const TensionChange& x, const TensionChange& y) {
      if (x.points() != y.points()) return x.points() > y.points();
      return x.fap_code < y.fap_code;
    };
    std::sort(compared.begin(), compared.end(), by_rise);
    for (const auto& c : compared) {
      if (c.points() > 0 && a.risers.size() < kChangesShown) a.risers.push_back(c);
    }
    for (auto it = compared.rbegin(); it != compared.rend(); ++it) {
      if (it->points() < 0 && a.fallers.size() < kChangesShown) a.fallers.push_back(*it);
    }
    std::sort(a.newly.begin(), a.newly.end(), [](const TensionChange& x, const TensionChange& y) {
      if (x.share != y.share) return x.share > y.share;
      return x.fap_code < y.fap_code;
    });
    out.areas.push_back(std::move(a));
  }
  std::sort(out.areas.begin(), out.areas.end(),
            [](const AreaTension& x, const AreaTension& y) { return x.code < y.code; });
  return out;
}

ContractFigures FiguresOf(const contracts::Counts& counts) {
  return {counts.started, counts.broken, counts.completed};
}

Result<std::vector<CfaSheet>> CfaSheets(Repositories& repos, int year,
                                        const contracts::YearFigures& contracts) {
  std::map<std::string, contracts::Counts> contracts_of;
  for (const auto& line : contracts.by_cfa) contracts_of[line.key] = line.counts;
  auto organisations = repos.organisations().List();
  if (!organisations) return Fail(organisations.error());
  auto communes = repos.jobs().Communes();
  if (!communes) return Fail(communes.error());
  std::map<std::string, std::string> commune_names;
  for (const auto& c : *communes) commune_names[c.insee_code] = c.name;
  auto trainings = repos.trainings().ListPublished();
  if (!trainings) return Fail(trainings.error());
  std::map<std::int64_t, int> trainings_of;
  for (const auto& t : *trainings) ++trainings_of[t.organisation_id];
  auto attendance = AttendanceIn(repos, year);
  if (!attendance) return Fail(attendance.error());

  std::vector<CfaSheet> out;
  for (const auto& o : *organisations) {
    if (o.kind != people::OrganisationKind::kCfa ||
        o.status != people::OrganisationStatus::kValidated)
      continue;
    CfaSheet sheet;
    sheet.organisation_id = o.id;
    sheet.name = o.name;
    if (auto c = commune_names.find(o.commune_code); c != commune_names.end())
      sheet.commune = c->second;
    sheet.trainings = trainings_of[o.id];
    auto relays = repos.offers().RelaysTo(o.id);
    if (!relays) return Fail(relays.error());
    for (const auto& r : *relays) {
      const int y = YearOf(r.relayed_at);
      if (y == year) ++sheet.offers_relayed;
      if (y == year - 1) ++sheet.offers_relayed_previous;
    }
    if (auto s = attendance->sessions_present.find(o.id); s != attendance->sessions_present.end())
      sheet.sessions_attended = static_cast<int>(s->second.size());
    sheet.people_registered = attendance->registered[o.id];
    sheet.people_present = attendance->present[o.id];
    sheet.contracts = FiguresOf(contracts_of[std::to_string(o.id)]);
    out.push_back(std::move(sheet));
  }
  std::sort(out.begin(), out.end(), [](const CfaSheet& a, const CfaSheet& b) {
    if (a.name != b.name) return a.name < b.name;
    return a.organisation_id < b.organisation_id;
  });
  return out;
}

}  // namespace

Result<AnnualReview> Assemble(const Sources& sources, const people::Actor& actor, int year,
                              Date today) {
  if (!people::IsStaff(actor.role))
    return Fail(ErrorCode::kPermissionDenied, "the year-end review is for the delegation's staff");
  if (year < 2020 || year > 2100)
    return FailFields("bad year", {{"annee", "Choisissez une année entre 2020 et 2100."}});
  AnnualReview review;
  review.year = year;
  review.dated = YearStart(year + 1) - 1;

  reporting::Filters filters;  // the whole territory: the review is the delegation's
  filters.year = year;
  auto results = reporting::Compute(sources.store, actor, filters, &sources.jobs);
  if (!results) return Fail(results.error());
  review.results = std::move(*results);
  const auto rules = sources.aids.rules();
  for (const auto& indicator : review.results) {
    if (indicator.id != "aids.paid") continue;
    review.aids_paid_cents = indicator.value;
    review.aids_paid_previous_cents = indicator.previous;
    for (auto part : indicator.breakdown) {
      for (const auto& aid : rules->aids)
        if (aid.id == part.key) part.label = aid.name;
      review.aids_paid.push_back(std::move(part));
    }
  }

  auto sessions = workshops::SessionsInYear(sources.store, year);
  if (!sessions) return Fail(sessions.error());
  auto before = workshops::SessionsInYear(sources.store, year - 1);
  if (!before) return Fail(before.error());
  review.sessions = std::move(*sessions);
  auto poec = poec::PoecOutcomesInYear(sources.store, year);
  if (!poec) return Fail(poec.error());
  review.poec = std::move(*poec);
  auto poec_before = poec::PoecOutcomesInYear(sources.store, year - 1);
  if (!poec_before) return Fail(poec_before.error());
  review.poec_previous = std::move(*poec_before);

  Status read = sources.store.Read([&](Repositories& repos) -> Status {
    auto now = AttendanceIn(repos, year);
    if (!now) return Fail(now.error());
    auto then = AttendanceIn(repos, year - 1);
    if (!then) return Fail(then.error());
    review.workshops = Totals(review.sessions, now->organisations_present);
    review.workshops_previous = Totals(*before, then->organisations_present);
    // Per CFA (the indicators give the totals). A contract running past `today` has not
    // completed yet.
    const Date last_day{std::chrono::year{year} / 12 / 31};
    auto contracts = contracts::FiguresOfYear(repos, year, today < last_day ? today : last_day);
    if (!contracts) return Fail(contracts.error());
    conventions::ConventionFilter in_force;
    in_force.year = year;
    auto conventions = repos.conventions().List(in_force);
    if (!conventions) return Fail(conventions.error());
    for (const auto& row : *conventions)
      review.conventions.push_back({row.partner_name, row.convention.object,
                                    row.convention.starts_on, row.convention.ends_on,
                                    row.commitments, row.commitments_met});
    std::sort(review.conventions.begin(), review.conventions.end(),
              [](const ConventionLine& a, const ConventionLine& b) {
                if (a.starts_on != b.starts_on) return a.starts_on < b.starts_on;
                return a.partner < b.partner;
              });
    auto cfas = CfaSheets(repos, year, *contracts);
    if (!cfas) return Fail(cfas.error());
    review.cfas = std::move(*cfas);
    return Ok();
  });
  if (!read) return Fail(read.error());

  auto tension = TensionIn(sources.jobs, year);
  if (!tension) return Fail(tension.error());
  review.tension = std::move(*tension);

  if (review.tension.survey_year == 0)
    review.not_available.push_back(
        "Évolution des métiers en tension : il faut deux enquêtes BMO consécutives, jusqu'à "
        "l'année du bilan.");
  return review;
}

}  // namespace maplace::review
