// Issue 8 §6: partner conventions, staff only. /conseil/conventions (filters, XLSX of the filtered
// list), a convention's page (terms, how much of the envelopes it funds was committed and paid,
// schedule, counterpart commitments and their follow-up), new and edit forms. Managers, finance
// and administrators set the terms and money; every staff member records progress.
#include <fmt/format.h>

#include <set>

#include "core/date.h"
#include "core/text.h"
#include "domain/conventions/convention_service.h"
#include "web/error_response.h"
#include "web/french.h"
#include "web/page.h"
#include "web/pages/staff_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using conventions::ConventionService;
using Dict = ctemplate::TemplateDictionary;
using people::Role;

constexpr char kBase[] = "/conseil/conventions";

template <typename F>
Handler WithId(const WebServices& services, F f) {
  return [&services, f](Request& request) {
    auto id = ParseId(request.Param("id"));
    if (!id) return ErrorResponse(request, services.templates, 404);
    return f(request, *id);
  };
}

std::string Percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "—";
  return fmt::format("{} %", (part * 100 + whole / 2) / whole);
}

// ---------- The list ----------

struct ListQuery {
  conventions::ConventionFilter filter;
  std::vector<std::pair<std::string, std::string>> values;  // as given, for the export link
};

ListQuery ListQueryOf(const Request& request) {
  ListQuery q;
  auto& f = q.filter;
  f.organisation_id = ParseId(request.Query("partner")).value_or(0);
  const std::string year = request.Query("year");
  if (year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit))
    f.year = std::stoi(year);
  const std::string period = request.Query("period");
  if (period == "current") f.period = conventions::Period::kCurrent;
  if (period == "upcoming") f.period = conventions::Period::kUpcoming;
  if (period == "ended") f.period = conventions::Period::kEnded;
  f.late = request.Query("late") == "1";
  f.q = request.Query("q");
  q.values = {{"partner", f.organisation_id ? std::to_string(f.organisation_id) : ""},
              {"year", f.year ? year : ""},
              {"period", f.period == conventions::Period::kAny ? "" : period},
              {"late", f.late ? "1" : ""},
              {"q", f.q}};
  return q;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  for (const auto& [key, value] : values) {
    if (value.empty()) continue;
    out += fmt::format("{}{}={}", out.empty() ? "?" : "&", key, text::UrlEncode(value));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> PartnerOptions(
    const std::vector<conventions::PartnerChoice>& partners, const char* none) {
  std::vector<std::pair<std::string, std::string>> out = {{"", none}};
  for (const auto& p : partners) out.emplace_back(std::to_string(p.id), p.name);
  return out;
}

Response ListPage(const Request& request, const WebServices& services) {
  ConventionService& service = *services.conventions;
  auto query = ListQueryOf(request);
  auto rows = service.List(*request.actor, query.filter);
  if (!rows) return ErrorResponse(request, services.templates, rows.error());
  auto partners = service.Partners(*request.actor);
  if (!partners) return ErrorResponse(request, services.templates, partners.error());
  Page page(request, "Conventions de partenariat", "pages/convention_list.tpl");
  Dict& d = page.dict();
  const auto& f = query.filter;
  if (ConventionService::CanEdit(request.actor->role)) d.ShowSection("CAN_EDIT");
  d.SetValue("Q", f.q);
  Options(d, "PARTNER_OPTION", PartnerOptions(*partners, "Tous les partenaires"),
          f.organisation_id ? std::to_string(f.organisation_id) : "");
  std::vector<std::pair<std::string, std::string>> years = {{"", "Toutes les années"}};
  const int this_year = static_cast<int>(service.Today().year());
  for (int y = this_year + 1; y >= this_year - 5; --y)
    years.emplace_back(std::to_string(y), std::to_string(y));
  Options(d, "YEAR_OPTION", years, f.year ? std::to_string(*f.year) : "");
  Options(
      d, "PERIOD_OPTION",
      {{"", "Toutes"}, {"current", "En cours"}, {"upcoming", "À venir"}, {"ended", "Terminées"}},
      query.values[2].second);
  if (f.late) d.ShowSection("LATE_CHECKED");
  d.SetValue("COUNT", FrenchCount(static_cast<std::int64_t>(rows->size())));
  d.SetValue("EXPORT", std::string(kBase) + ".xlsx" + QueryString(query.values));
  if (rows->empty())
    d.ShowSection("EMPTY");
  else
    d.ShowSection("ROWS");
  for (const auto& r : *rows) {
    const auto& c = r.convention;
    Dict* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("OBJECT", c.object);
    row->SetValue("REFERENCE", c.reference.empty() ? "—" : c.reference);
    row->SetValue("PARTNER", r.partner_name);
    row->SetValue("DATES", fmt::format("{} – {}", FormatFrenchDate(c.starts_on),
                                       FormatFrenchDate(c.ends_on)));
    row->SetValue("AMOUNT", Euros(c.amount_cents));
    row->SetValue("RECEIVED", Euros(r.received_cents));
    row->SetValue("COMMITMENTS", fmt::format("{} sur {}", r.commitments_met, r.commitments));
  }
  return page.Render(services.templates);
}

// ---------- The form ----------

conventions::ConventionInput InputOf(const Request& request) {
  conventions::ConventionInput in;
  in.organisation_id = ParseId(request.Form("organisation_id")).value_or(0);
  in.reference = request.Form("reference");
  in.object = request.Form("object");
  in.starts_on = request.Form("starts_on");
  in.ends_on = request.Form("ends_on");
  in.amount_cents = ParseEurosToCents(request.Form("amount"));
  for (const auto& [key, value] : request.form)
    if (key == "envelopes") in.envelope_ids.push_back(ParseId(value).value_or(0));
  in.notes = request.Form("notes");
  return in;
}

std::string AmountText(std::int64_t cents) {
  return cents % 100 == 0 ? std::to_string(cents / 100)
                          : fmt::format("{},{:02}", cents / 100, cents % 100);
}

// The form: empty, filled with a convention (`existing`), or as typed when refused (`error`).
Response FormPage(const Request& request, const WebServices& services,
                  const conventions::Convention* existing, const std::vector<std::int64_t>& linked,
                  const Error* error, int status) {
  ConventionService& service = *services.conventions;
  auto partners = service.Partners(*request.actor);
  if (!partners) return ErrorResponse(request, services.templates, partners.error());
  auto envelopes = service.Envelopes(*request.actor);
  if (!envelopes) return ErrorResponse(request, services.templates, envelopes.error());
  const bool editing = existing && existing->id != 0;
  Page page(request, editing ? "Modifier la convention" : "Nouvelle convention",
            "pages/convention_form.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  FieldErrors(d, error);
  const bool typed = error != nullptr;
  auto value = [&](const char* field, const std::string& stored) {
    return typed ? request.Form(field) : stored;
  };
  d.SetValue("HEADING", editing ? "Modifier la convention" : "Nouvelle convention");
  d.SetValue("ACTION", editing ? fmt::format("{}/{}/modifier", kBase, existing->id)
                               : std::string(kBase) + "/nouvelle");
  d.SetValue("CANCEL", editing ? fmt::format("{}/{}", kBase, existing->id) : std::string(kBase));
  if (editing) {
    d.ShowSection("FIXED_PARTNER");
    for (const auto& p : *partners)
      if (p.id == existing->organisation_id) d.SetValue("PARTNER_NAME", p.name);
  } else {
    d.ShowSection("CHOOSE_PARTNER");
    const std::string chosen =
        typed ? request.Form("organisation_id") : request.Query("partenaire");
    Options(d, "PARTNER_OPTION", PartnerOptions(*partners, "Choisissez un partenaire"), chosen);
  }
  d.SetValue("F_REFERENCE", value("reference", existing ? existing->reference : ""));
  d.SetValue("F_OBJECT", value("object", existing ? existing->object : ""));
  d.SetValue("F_STARTS_ON", value("starts_on", existing ? FormatIsoDate(existing->starts_on) : ""));
  d.SetValue("F_ENDS_ON", value("ends_on", existing ? FormatIsoDate(existing->ends_on) : ""));
  d.SetValue("F_AMOUNT", value("amount", existing ? AmountText(existing->amount_cents) : ""));
  d.SetValue("F_NOTES", value("notes", existing ? existing->notes : ""));
  std::set<std::string> checked;
  if (typed) {
    for (const auto& [key, v] : request.form)
      if (key == "envelopes") checked.insert(v);
  } else {
    for (std::int64_t id : linked) checked.insert(std::to_string(id));
  }
  if (envelopes->empty()) d.ShowSection("NO_ENVELOPE");
  for (const auto& e : *envelopes) {
    Dict* row = d.AddSectionDictionary("ENVELOPE");
    row->SetValue("ID", std::to_string(e.id));
    row->SetValue("LABEL",
                  fmt::format("{} ({}, alloué {})", e.label, e.year, Euros(e.allocated_cents)));
    if (checked.contains(std::to_string(e.id))) row->ShowSection("CHECKED");
  }
  return page.Render(services.templates, status);
}

// ---------- A convention ----------

Response SheetPage(const Request& request, const WebServices& services, std::int64_t id,
                   const Error* error, int status) {
  ConventionService& service = *services.conventions;
  auto sheet = service.Sheet(*request.actor, id);
  if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
  const auto& c = sheet->row.convention;
  Page page(request, c.object, "pages/convention.tpl");
  page.Form();
  if (error) page.Errors(*error);
  Dict& d = page.dict();
  // A refused progress shows its errors in its commitment's form only.
  const auto progress_of = ParseId(request.Form("commitment"));
  if (!progress_of) FieldErrors(d, error);
  static const std::map<std::string, std::string> infos = {
      {"convention-creee", "La convention est enregistrée."},
      {"convention-modifiee", "La convention est modifiée."},
      {"echeance-ajoutee", "L'échéance est ajoutée."},
      {"echeance-recue", "L'échéance est marquée comme reçue."},
      {"echeance-attendue", "L'échéance est de nouveau attendue."},
      {"engagement-ajoute", "L'engagement est ajouté."},
      {"suivi-enregistre", "Le suivi de l'engagement est enregistré."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  const bool can_edit = ConventionService::CanEdit(request.actor->role);
  if (can_edit) d.ShowSection("CAN_EDIT");
  d.SetValue("ID", std::to_string(c.id));
  d.SetValue("ID_CONVENTION", std::to_string(c.id));
  d.SetValue("OBJECT", c.object);
  d.SetValue("PARTNER", sheet->row.partner_name);
  d.SetValue("PARTNER_ID", std::to_string(c.organisation_id));
  d.SetValue("REFERENCE", c.reference.empty() ? "non indiquée" : c.reference);
  d.SetValue("STARTS", FormatFrenchDate(c.starts_on));
  d.SetValue("ENDS", FormatFrenchDate(c.ends_on));
  d.SetValue("AMOUNT", Euros(c.amount_cents));
  if (!c.notes.empty()) d.SetValueAndShowSection("NOTES", c.notes, "HAS_NOTES");

  // How much of the money went to aids: the envelopes' commitments and payments.
  if (sheet->envelopes.empty()) {
    d.ShowSection("NO_ENVELOPE");
  } else {
    Dict* use = d.AddSectionDictionary("USE");
    use->SetValue("COMMITTED", Euros(sheet->committed_cents));
    use->SetValue("PAID", Euros(sheet->paid_cents));
    use->SetValue("COMMITTED_SHARE", Percent(sheet->committed_cents, c.amount_cents));
    use->SetValue("PAID_SHARE", Percent(sheet->paid_cents, c.amount_cents));
    for (const auto& e : sheet->envelopes) {
      Dict* row = use->AddSectionDictionary("ENVELOPE");
      row->SetValue("LABEL", e.envelope.label);
      row->SetValue("YEAR", std::to_string(e.envelope.year));
      row->SetValue("ALLOCATED", Euros(e.envelope.allocated_cents));
      row->SetValue("COMMITTED", Euros(e.committed_cents));
      row->SetValue("PAID", Euros(e.paid_cents));
      row->SetValue("AVAILABLE", Euros(e.envelope.available_cents()));
    }
  }

  d.SetValue("SCHEDULED", Euros(sheet->scheduled_cents));
  d.SetValue("RECEIVED", Euros(sheet->row.received_cents));
  if (sheet->instalments.empty())
    d.ShowSection("NO_INSTALMENT");
  else
    d.ShowSection("HAS_INSTALMENTS");
  for (const auto& i : sheet->instalments) {
    Dict* row = d.AddSectionDictionary("INSTALMENT");
    row->SetValue("ID", std::to_string(i.id));
    row->SetValue("DUE", FormatFrenchDate(i.due_on));
    row->SetValue("AMOUNT", Euros(i.amount_cents));
    row->SetValue("STATE", i.received_on
                               ? fmt::format("reçue le {}", FormatFrenchDate(*i.received_on))
                               : std::string("attendue"));
    if (can_edit) {
      Dict* form = row->AddSectionDictionary("RECEIVE_FORM");
      form->SetValue("ID", std::to_string(i.id));
      form->SetValue("RECEIVED", i.received_on ? "0" : "1");
      form->SetValue("LABEL", i.received_on ? "Annuler la réception" : "Marquer reçue");
    }
  }

  const Date today = service.Today();
  std::vector<std::pair<std::string, std::string>> statuses;
  for (auto s : conventions::kCommitmentStatuses)
    statuses.emplace_back(std::string(conventions::CommitmentStatusCode(s)),
                          std::string(conventions::CommitmentStatusLabel(s)));
  if (sheet->commitments.empty()) d.ShowSection("NO_COMMITMENT");
  for (const auto& k : sheet->commitments) {
    Dict* row = d.AddSectionDictionary("COMMITMENT");
    row->SetValue("ID", std::to_string(k.id));
    row->SetValue("DESCRIPTION", k.description);
    row->SetValue("INDICATOR", k.indicator);
    row->SetValue("ACHIEVED", FrenchCount(k.achieved));
    row->SetValue("TARGET", FrenchCount(k.target));
    row->SetValue("SHARE", Percent(k.achieved, k.target));
    row->SetValue("DUE", FormatFrenchDate(k.due_on));
    row->SetValue("STATUS", std::string(conventions::CommitmentStatusLabel(k.status)));
    const bool open = k.status == conventions::CommitmentStatus::kPlanned ||
                      k.status == conventions::CommitmentStatus::kInProgress;
    if (open && k.due_on < today) row->ShowSection("LATE");
    Options(*row, "STATUS_OPTION", statuses,
            std::string(conventions::CommitmentStatusCode(k.status)));
    row->SetValue("F_ACHIEVED", std::to_string(k.achieved));
    if (error && progress_of == k.id) {
      row->ShowSection("PROGRESS_OPEN");
      for (const auto& [field, message] : error->fields)
        row->AddSectionDictionary("PROGRESS_ERRORS")->SetValue("MESSAGE", message);
    }
    for (const auto& f : sheet->follow_ups) {
      if (f.commitment_id != k.id) continue;
      Dict* entry = row->AddSectionDictionary("FOLLOW_UP");
      entry->SetValue("DATE", FormatFrenchDate(f.recorded_on));
      entry->SetValue("AUTHOR", f.author_name);
      entry->SetValue("ACHIEVED", FrenchCount(f.achieved));
      entry->SetValue("STATUS", std::string(conventions::CommitmentStatusLabel(f.status)));
      if (!f.note.empty()) entry->SetValueAndShowSection("NOTE", f.note, "HAS_NOTE");
    }
  }
  // The add forms keep what was typed when refused.
  for (const char* field :
       {"due_on", "instalment_amount", "description", "indicator", "target", "commitment_due_on"}) {
    std::string key = "F_" + std::string(field);
    for (auto& ch : key) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    d.SetValue(key, request.Form(field));
  }
  return page.Render(services.templates, status);
}

}  // namespace

void AddConventionPages(Router& router, const WebServices& services) {
  if (!services.conventions) return;
  ConventionService& service = *services.conventions;
  const auto staff = Access::Staff();
  const auto editors = Access::Roles({Role::kManager, Role::kFinance, Role::kAdmin});
  const std::string base = kBase;

  router.Get(base, staff, [&services](Request& request) { return ListPage(request, services); });
  router.Get(base + ".xlsx", staff, [&services, &service](Request& request) {
    auto bytes = service.Export(*request.actor, ListQueryOf(request).filter);
    if (!bytes) return ErrorResponse(request, services.templates, bytes.error());
    return Download(std::move(*bytes), kXlsxType, "conventions", "conventions");
  });

  router.Get(base + "/nouvelle", editors, [&services](Request& request) {
    return FormPage(request, services, nullptr, {}, nullptr, 200);
  });
  router.Post(base + "/nouvelle", editors, [&services, &service, base](Request& request) {
    auto id = service.Create(*request.actor, InputOf(request));
    if (id) return Redirect(fmt::format("{}/{}?info=convention-creee", base, *id));
    if (id.error().code == ErrorCode::kInvalidArgument)
      return FormPage(request, services, nullptr, {}, &id.error(), 422);
    return ErrorResponse(request, services.templates, id.error());
  });

  router.Get(base + "/:id", staff, WithId(services, [&services](Request& request, std::int64_t id) {
               return SheetPage(request, services, id, nullptr, 200);
             }));
  router.Get(base + "/:id/modifier", editors,
             WithId(services, [&services, &service](Request& request, std::int64_t id) {
               auto sheet = service.Sheet(*request.actor, id);
               if (!sheet) return ErrorResponse(request, services.templates, sheet.error());
               std::vector<std::int64_t> linked;
               for (const auto& e : sheet->envelopes) linked.push_back(e.envelope.id);
               return FormPage(request, services, &sheet->row.convention, linked, nullptr, 200);
             }));
  router.Post(base + "/:id/modifier", editors,
              WithId(services, [&services, &service, base](Request& request, std::int64_t id) {
                auto updated = service.Update(*request.actor, id, InputOf(request));
                if (updated)
                  return Redirect(fmt::format("{}/{}?info=convention-modifiee", base, id));
                if (updated.error().code != ErrorCode::kInvalidArgument)
                  return ErrorResponse(request, services.templates, updated.error());
                conventions::Convention shown;
                shown.id = id;
                auto sheet = service.Sheet(*request.actor, id);
                if (sheet) shown = sheet->row.convention;
                return FormPage(request, services, &shown, {}, &updated.error(), 422);
              }));

  // A refused form shows the convention's page again with the errors (422).
  auto refused = [&services](Request& request, std::int64_t id, const Error& error) {
    if (error.code == ErrorCode::kInvalidArgument)
      return SheetPage(request, services, id, &error, 422);
    return ErrorResponse(request, services.templates, error);
  };
  router.Post(base + "/:id/echeances", editors,
              WithId(services, [&service, refused, base](Request& request, std::int64_t id) {
                auto added = service.AddInstalment(
                    *request.actor, id,
                    {request.Form("due_on"), ParseEurosToCents(request.Form("instalment_amount"))});
                if (!added) return refused(request, id, added.error());
                return Redirect(fmt::format("{}/{}?info=echeance-ajoutee#echeancier", base, id));
              }));
  router.Post(
      base + "/echeances/:id/recue", editors,
      WithId(services, [&services, &service, base](Request& request, std::int64_t id) {
        const bool received = request.Form("received") != "0";
        auto changed = service.SetReceived(*request.actor, id, received);
        if (!changed) return ErrorResponse(request, services.templates, changed.error());
        const std::string back = request.Form("convention");
        return Redirect(fmt::format("{}/{}?info={}#echeancier", base, ParseId(back).value_or(0),
                                    received ? "echeance-recue" : "echeance-attendue"));
      }));
  router.Post(base + "/:id/engagements", editors,
              WithId(services, [&service, refused, base](Request& request, std::int64_t id) {
                auto added = service.AddCommitment(
                    *request.actor, id,
                    {request.Form("description"), request.Form("indicator"), request.Form("target"),
                     request.Form("commitment_due_on")});
                if (!added) return refused(request, id, added.error());
                return Redirect(fmt::format("{}/{}?info=engagement-ajoute#engagements", base, id));
              }));
  router.Post(base + "/engagements/:id/suivi", staff,
              WithId(services, [&service, refused, base](Request& request, std::int64_t id) {
                const auto convention = ParseId(request.Form("convention")).value_or(0);
                auto recorded = service.RecordProgress(
                    *request.actor, id,
                    {request.Form("achieved"), request.Form("status"), request.Form("note")});
                if (!recorded) return refused(request, convention, recorded.error());
                return Redirect(
                    fmt::format("{}/{}?info=suivi-enregistre#engagement-{}", base, convention, id));
              }));
}

}  // namespace maplace::web
