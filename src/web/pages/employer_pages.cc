// Issue 5: employers' and CFAs' sign-up with their organisation, the organisation's details,
// the employers' offers (/employeur/offres), the public offer page (/offres/:id) with its
// report form, and the advisors' queue of organisations and reported offers
// (/conseil/organisations).
#include <fmt/format.h>

#include <regex>

#include "core/date.h"
#include "core/text.h"
#include "domain/aids/situation.h"
#include "domain/offers/offer_service.h"
#include "domain/people/organisation_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/application_pages.h"
#include "web/pages/form_support.h"
#include "web/pages/offer_facts.h"
#include "web/pages/staff_support.h"
#include "web/pages/young_pages.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using offers::Offer;
using offers::OfferInput;
using offers::OfferState;
using people::OrganisationKind;
using people::OrganisationStatus;
using people::Role;
using Dict = ctemplate::TemplateDictionary;
using Options = std::vector<std::pair<std::string, std::string>>;

constexpr char kOffers[] = "/employeur/offres";

// ---------- Form fields ----------

enum class FieldKind { kText, kNumber, kDate, kSelect, kTextarea };

struct Field {
  std::string id;
  std::string label;
  FieldKind kind = FieldKind::kText;
  bool required = true;
  std::string hint;
  Options options;  // selects: value, label
  std::string autocomplete = "off";
  std::string list;  // a datalist id
  int max = 200;
};

// Adds a field (partials/form_field.tpl) to `group`, with its value and error.
void AddField(Dict& group, const Field& f, const std::string& value,
              const std::map<std::string, std::string>& errors) {
  Dict* row = group.AddSectionDictionary("FIELD");
  Dict* d = row->AddIncludeDictionary("FORM_FIELD");
  d->SetFilename("partials/form_field.tpl");
  d->SetValue("ID", f.id);
  d->SetValue("LABEL", f.label);
  d->SetValue("VALUE", value);
  d->SetValue("MAX", std::to_string(f.max));
  if (!f.required) d->ShowSection("OPTIONAL");
  if (f.required) d->ShowSection("REQUIRED");
  if (!f.hint.empty()) d->SetValueAndShowSection("TEXT", f.hint, "HINT");
  auto error = errors.find(f.id);
  if (error != errors.end()) d->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  if (!f.hint.empty() || error != errors.end()) d->ShowSection("DESCRIBED");
  switch (f.kind) {
    case FieldKind::kSelect: {
      Dict* select = d->AddSectionDictionary("SELECT");
      for (const auto& [code, label] : f.options) {
        Dict* option = select->AddSectionDictionary("OPTION");
        option->SetValue("OPT_VALUE", code);
        option->SetValue("OPT_LABEL", label);
        if (code == value) option->ShowSection("SELECTED");
      }
      break;
    }
    case FieldKind::kTextarea:
      d->ShowSection("TEXTAREA");
      break;
    default: {
      Dict* input = d->AddSectionDictionary("INPUT");
      input->SetValue("TYPE", f.kind == FieldKind::kDate ? "date" : "text");
      input->SetValue("AC", f.autocomplete);
      if (f.kind == FieldKind::kNumber) input->ShowSection("NUMERIC");
      if (!f.list.empty()) input->SetValueAndShowSection("LIST_ID", f.list, "LIST");
      break;
    }
  }
}

Dict& AddGroup(Page& page, const std::string& legend) {
  Dict* group = page.dict().AddSectionDictionary("GROUP");
  group->SetValue("LEGEND", legend);
  return *group;
}

Options CommuneOptions(const WebServices& services) {
  Options out = {{"", "Choisissez une commune"}};
  auto communes = services.offers.Communes();
  if (!communes) return out;
  for (const auto& c : *communes)
    out.emplace_back(c.insee_code,
                     fmt::format("{} ({})", c.name,
                                 c.postal_codes.empty() ? c.insee_code : c.postal_codes.front()));
  return out;
}

std::string CommuneName(const WebServices& services, const std::string& code) {
  auto communes = services.offers.Communes();
  if (communes)
    for (const auto& c : *communes)
      if (c.insee_code == code) return c.name;
  return code;
}

Options HeadcountOptions() {
  Options out = {{"", "Choisissez"}};
  for (const char* code : {"0", "1-9", "10-49", "50-249", "250+"})
    out.emplace_back(code, std::string(people::HeadcountBandLabel(code)));
  return out;
}

Options LevelOptions() {
  return {{"", "Choisissez"},
          {"3", "Niveau 3 : CAP, BEP"},
          {"4", "Niveau 4 : bac, bac pro, BP"},
          {"5", "Niveau 5 : BTS, BUT en cours (bac + 2)"},
          {"6", "Niveau 6 : licence, BUT, bachelor (bac + 3)"},
          {"7", "Niveau 7 : master, diplôme d'ingénieur (bac + 5)"}};
}

std::string LevelLabel(int level) {
  for (const auto& [code, label] : LevelOptions())
    if (code == std::to_string(level)) return label;
  return "";
}

// ---------- Sign-up of an employer or a CFA ----------

people::OrganisationForm OrganisationFormFrom(const Request& request, OrganisationKind kind) {
  people::OrganisationForm form;
  form.kind = kind;
  form.name = request.Form("name");
  form.siret = request.Form("siret");
  form.uai = request.Form("uai");
  form.address = request.Form("address");
  form.commune_code = request.Form("commune_code");
  form.headcount = request.Form("headcount");
  form.idcc = request.Form("idcc");
  form.naf = request.Form("naf");
  return form;
}

void AddOrganisationFields(Page& page, const WebServices& services, const Request& request,
                           OrganisationKind kind, const people::Organisation* current,
                           const std::map<std::string, std::string>& errors) {
  auto value = [&](const char* name, const std::string& stored) {
    return request.method == "POST" || !current ? request.Form(name) : stored;
  };
  Dict& group = AddGroup(page, kind == OrganisationKind::kCfa ? "Votre CFA" : "Votre entreprise");
  AddField(group,
           {"name",
            kind == OrganisationKind::kCfa ? "Nom du CFA" : "Nom de l'entreprise",
            FieldKind::kText,
            true,
            "",
            {},
            "organization",
            "",
            120},
           value("name", current ? current->name : ""), errors);
  AddField(group,
           {"siret", "Numéro SIRET de l'établissement", FieldKind::kNumber, true,
            "14 chiffres, sur vos factures ou sur annuaire-entreprises.data.gouv.fr. "
            "Par exemple : 123 456 789 00012."},
           value("siret", current ? current->siret : ""), errors);
  if (kind == OrganisationKind::kCfa)
    AddField(group,
             {"uai",
              "Numéro UAI",
              FieldKind::kText,
              true,
              "7 chiffres et une lettre, par exemple 9720001A.",
              {},
              "off",
              "",
              8},
             value("uai", current ? current->uai : ""), errors);
  AddField(group,
           {"address",
            "Adresse de l'établissement",
            FieldKind::kText,
            true,
            "Numéro et rue.",
            {},
            "street-address"},
           value("address", current ? current->address : ""), errors);
  AddField(group,
           {"commune_code", "Commune", FieldKind::kSelect, true, "", CommuneOptions(services)},
           value("commune_code", current ? current->commune_code : ""), errors);
  AddField(group,
           {"headcount", "Nombre de salariés", FieldKind::kSelect, true,
            "Tout l'effectif, apprentis exclus.", HeadcountOptions()},
           value("headcount", current ? current->headcount : ""), errors);
  AddField(group,
           {"idcc",
            "Code IDCC de la convention collective",
            FieldKind::kNumber,
            false,
            "4 chiffres, sur vos bulletins de paie : il dit votre branche et votre OPCO.",
            {},
            "off",
            "",
            4},
           value("idcc", current ? current->idcc : ""), errors);
  AddField(
      group,
      {"naf", "Code NAF (APE)", FieldKind::kText, false, "Par exemple 56.10A.", {}, "off", "", 6},
      value("naf", current ? current->naf : ""), errors);
}

Response OrganisationSignUpPage(const Request& request, const WebServices& services,
                                OrganisationKind kind, const Error* error, int status) {
  const bool cfa = kind == OrganisationKind::kCfa;
  Page page(request, cfa ? "Inscrire mon CFA" : "Inscrire mon entreprise",
            "pages/organisation_signup.tpl");
  page.Form();
  std::map<std::string, std::string> errors;
  if (error) {
    page.Errors(*error);
    errors = error->fields;
  }
  page.Set("HEADING", cfa ? "Inscrire mon CFA" : "Inscrire mon entreprise");
  page.Set("ACTION", cfa ? "/inscription/cfa" : "/inscription/entreprise");
  page.Show(cfa ? "CFA" : "EMPLOYER");
  AddOrganisationFields(page, services, request, kind, nullptr, errors);
  Dict& you = AddGroup(page, "Vous");
  AddField(you, {"display_name", "Prénom et nom", FieldKind::kText, true, "", {}, "name", "", 80},
           request.Form("display_name"), errors);
  AddField(you,
           {"email",
            "Adresse e-mail professionnelle",
            FieldKind::kText,
            true,
            "Par exemple : prenom.nom@entreprise.fr",
            {},
            "email",
            "",
            254},
           request.Form("email"), errors);
  page.PasswordField("password", "Mot de passe", "new-password", true);
  return page.Render(services.templates, status);
}

// ---------- The organisation's details ----------

Response DetailsPage(const Request& request, const WebServices& services, const Error* error,
                     int status) {
  auto organisation = services.accounts.OrganisationOf(*request.actor);
  if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
  Page page(request, "Informations de l'organisation", "pages/organisation_details.tpl");
  page.Form();
  std::map<std::string, std::string> errors;
  if (error) {
    page.Errors(*error);
    errors = error->fields;
  }
  std::string info = InfoText(request.Query("info"));
  if (request.Query("info") == "details-enregistres") info = "Vos informations sont enregistrées.";
  if (!info.empty()) page.Notice("success", info);
  page.Set("NAME", organisation->name);
  page.Set("STATUS", people::OrganisationStatusLabel(organisation->status));
  page.Set("STATUS_CODE", people::OrganisationStatusCode(organisation->status));
  if (!organisation->status_reason.empty() &&
      organisation->status != OrganisationStatus::kValidated)
    page.dict().SetValueAndShowSection("REASON", organisation->status_reason, "HAS_REASON");
  if (organisation->status == OrganisationStatus::kPending) page.Show("PENDING");
  if (organisation->status == OrganisationStatus::kDetailsRequested) page.Show("DETAILS_REQUESTED");
  if (organisation->status == OrganisationStatus::kRefused) page.Show("REFUSED");
  if (!organisation->idcc.empty()) {
    auto title = services.organisations.AgreementTitle(organisation->idcc);
    if (title && !title->empty())
      page.dict().SetValueAndShowSection("AGREEMENT", *title, "HAS_AGREEMENT");
  }
  const bool admin = request.actor->membership->role == people::MemberRole::kAdmin;
  if (admin && organisation->status != OrganisationStatus::kRefused) {
    page.Show("CAN_EDIT");
    AddOrganisationFields(page, services, request, organisation->kind, &*organisation, errors);
  }
  return page.Render(services.templates, status);
}

// ---------- Offers: the form ----------

// "Personnel de cuisine (G1602)", "G1602" or an exact label → the code; "" otherwise.
std::string RomeCodeOf(const WebServices& services, const std::string& typed) {
  static const std::regex kCode("([A-Na-n][0-9]{4})\\)?\\s*$");
  std::smatch match;
  const std::string trimmed(text::Trim(typed));
  if (std::regex_search(trimmed, match, kCode)) {
    std::string code = match[1];
    code[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[0])));
    return code;
  }
  auto jobs = services.jobs.Jobs();
  if (jobs)
    for (const auto& job : *jobs)
      if (text::AsciiLower(job.label) == text::AsciiLower(trimmed)) return job.code;
  return trimmed.empty() ? "" : trimmed;
}

std::string RomeFieldValue(const WebServices& services, const std::string& code) {
  if (code.empty()) return "";
  auto jobs = services.jobs.Jobs();
  if (jobs)
    for (const auto& job : *jobs)
      if (job.code == code) return fmt::format("{} ({})", job.label, job.code);
  return code;
}

int IntOf(const std::string& value, int fallback) {
  const std::string trimmed(text::Trim(value));
  if (trimmed.empty() || trimmed.size() > 6 ||
      trimmed.find_first_not_of("-0123456789") != std::string::npos)
    return fallback;
  try {
    return std::stoi(trimmed);
  } catch (const std::exception&) {
    return fallback;
  }
}

OfferInput OfferInputFrom(const Request& request, const WebServices& services) {
  OfferInput in;
  in.rome_code = RomeCodeOf(services, request.Form("rome_code"));
  in.title = request.Form("title");
  in.level = IntOf(request.Form("level"), 0);
  in.contract = offers::ParseContractKind(request.Form("contract"))
                    .value_or(offers::ContractKind::kApprenticeship);
  in.start_date = request.Form("asap") == "1" ? "" : request.Form("start_date");
  in.duration_months = IntOf(request.Form("duration_months"), 0);
  // A number the form cannot read is refused by the service's range check.
  in.positions = IntOf(request.Form("positions"), -1);
  in.rhythm = request.Form("rhythm");
  in.description = request.Form("description");
  in.commune_code = request.Form("commune_code");
  in.pause_after_applications = IntOf(request.Form("pause_after_applications"), 0);
  if (!request.Form("pause_after_applications").empty() && in.pause_after_applications == 0)
    in.pause_after_applications = -1;
  return in;
}

Response OfferFormPage(const Request& request, const WebServices& services,
                       const std::optional<Offer>& offer, const Error* error, int status) {
  Page page(request, offer ? "Modifier l'offre" : "Nouvelle offre", "pages/offer_form.tpl");
  page.Form();
  std::map<std::string, std::string> errors;
  if (error) {
    page.Errors(*error);
    errors = error->fields;
  }
  const bool posted = request.method == "POST";
  OfferInput in = posted ? OfferInputFrom(request, services) : offer ? offer->input : OfferInput{};
  page.Set("HEADING", offer ? "Modifier l'offre" : "Nouvelle offre");
  page.Set("ACTION", offer ? fmt::format("{}/{}", kOffers, offer->id) : std::string(kOffers));
  page.Set("CANCEL", offer ? fmt::format("{}/{}", kOffers, offer->id) : std::string(kOffers));
  auto jobs = services.jobs.Jobs();
  if (jobs)
    for (const auto& job : *jobs)
      page.dict().AddSectionDictionary("JOB")->SetValue(
          "VALUE", fmt::format("{} ({})", job.label, job.code));

  Dict& job = AddGroup(page, "1. Le poste");
  AddField(job,
           {"rome_code",
            "Métier",
            FieldKind::kText,
            true,
            "Tapez quelques lettres puis choisissez dans la liste, par exemple « cuisine ».",
            {},
            "off",
            "metiers-rome",
            200},
           posted ? request.Form("rome_code") : RomeFieldValue(services, in.rome_code), errors);
  AddField(job,
           {"title",
            "Intitulé de l'offre",
            FieldKind::kText,
            true,
            "Ce que verront les candidats, par exemple « Apprenti(e) cuisinier(ère) ».",
            {},
            "off",
            "",
            120},
           in.title, errors);
  AddField(job,
           {"level", "Niveau du diplôme préparé", FieldKind::kSelect, true, "", LevelOptions()},
           in.level ? std::to_string(in.level) : "", errors);
  AddField(job,
           {"description",
            "Description du poste",
            FieldKind::kTextarea,
            true,
            "Les missions, l'équipe, ce que l'apprenti apprendra. 5 000 caractères au plus.",
            {},
            "off",
            "",
            5000},
           in.description, errors);

  Dict& contract = AddGroup(page, "2. Le contrat");
  AddField(contract,
           {"contract",
            "Type de contrat",
            FieldKind::kSelect,
            true,
            "",
            {{"apprentissage", "Contrat d'apprentissage"},
             {"professionnalisation", "Contrat de professionnalisation"}}},
           std::string(offers::ContractKindCode(in.contract)), errors);
  AddField(contract,
           {"start_date", "Date de début", FieldKind::kDate, false,
            "Laissez vide pour « dès que possible »."},
           in.start_date, errors);
  AddField(contract,
           {"duration_months",
            "Durée du contrat, en mois",
            FieldKind::kNumber,
            true,
            "De 6 à 36 mois, par exemple 24.",
            {},
            "off",
            "",
            2},
           in.duration_months ? std::to_string(in.duration_months) : "", errors);
  AddField(contract,
           {"positions", "Nombre de postes", FieldKind::kNumber, true, "", {}, "off", "", 2},
           posted ? request.Form("positions") : std::to_string(in.positions), errors);
  AddField(contract,
           {"rhythm",
            "Rythme de l'alternance",
            FieldKind::kText,
            false,
            "Par exemple « 2 jours au CFA / 3 jours en entreprise ».",
            {},
            "off",
            "",
            120},
           in.rhythm, errors);

  Dict& place = AddGroup(page, "3. Le lieu et les candidatures");
  AddField(place,
           {"commune_code", "Commune du lieu de travail", FieldKind::kSelect, true, "",
            CommuneOptions(services)},
           in.commune_code, errors);
  AddField(place,
           {"pause_after_applications",
            "Mettre l'offre en pause après … candidatures",
            FieldKind::kNumber,
            false,
            "Laissez vide pour ne jamais la mettre en pause automatiquement.",
            {},
            "off",
            "",
            3},
           in.pause_after_applications > 0 ? std::to_string(in.pause_after_applications) : "",
           errors);
  return page.Render(services.templates, status);
}

// ---------- Offers: the apprentice's cost ----------

// The cost and aids of an apprentice of 18 to 20 for this offer, as the simulator computes
// them; a link opens the full simulator with the same answers.
void FillCost(Dict& dict, const WebServices& services, const Offer& offer,
              const people::Organisation& organisation, UnixSeconds now) {
  Dict* cost = dict.AddSectionDictionary("COST");
  if (offer.input.contract != offers::ContractKind::kApprenticeship) {
    cost->ShowSection("NOT_APPRENTICESHIP");
    return;
  }
  const Date today = TodayIn(now);
  Date start = today;
  if (auto date = ParseIsoDate(offer.input.start_date); date && Days(*date) >= Days(today))
    start = *date;
  else
    start = FirstOfNextMonth(today);
  const Date end = AddDays(AddMonths(start, offer.input.duration_months), -1);
  const Date birth = AddYears(start, -19);
  const std::string territory = offer.input.commune_code.rfind("97", 0) == 0
                                    ? offer.input.commune_code.substr(0, 3)
                                    : "hexagone";
  aids::Situation s;
  s.territory = aids::TerritoryFromCode(territory).value_or(aids::Territory::kMartinique);
  s.contract.starts_on = s.contract.concluded_on = start;
  s.contract.ends_on = end;
  s.contract.certification_level = offer.input.level;
  s.date = start;
  s.apprentice.birth_date = birth;
  s.employer.headcount = people::HeadcountForAids(organisation.headcount);
  auto evaluation = services.aids.Simulate(s);
  const std::string link = fmt::format(
      "/simulateurs/cout-apprenti?debut={}&fin={}&naissance={}&niveau={}&effectif={}&"
      "territoire={}&rqth=non&calcul=1#resultat",
      FormatIsoDate(start), FormatIsoDate(end), FormatIsoDate(birth), offer.input.level,
      s.employer.headcount, territory);
  cost->SetValue("LINK", link);
  if (!evaluation) {
    cost->ShowSection("NO_ESTIMATE");
    return;
  }
  Dict* shown = cost->AddSectionDictionary("ESTIMATE");
  shown->SetValue("FROM", FormatFrenchDate(start));
  shown->SetValue("TO", FormatFrenchDate(end));
  shown->SetValue("TOTAL_COST", Euros(evaluation->employer_total_cost_cents));
  shown->SetValue("TOTAL_AIDS", Euros(evaluation->employer_total_aids_cents));
  shown->SetValue("REMAINING", Euros(evaluation->employer_remaining_cost_cents));
  shown->SetValue("MONTHLY_GROSS", Euros(evaluation->gross_monthly_cents));
  for (const auto& aid : evaluation->aids) {
    if (!aid.eligible || aid.beneficiary != aids::Beneficiary::kEmployer) continue;
    Dict* row = shown->AddSectionDictionary("AID");
    row->SetValue("NAME", aid.name);
    row->SetValue("AMOUNT", aid.total_cents > 0 ? Euros(aid.total_cents) : Euros(aid.amount_cents));
  }
}

// ---------- Offers: facts shared by the employer's and the public page ----------

void FillFacts(Dict& d, const WebServices& services, const Offer& offer) {
  d.SetValue("ID", std::to_string(offer.id));
  d.SetValue("TITLE", offer.input.title);
  d.SetValue("ROME", offer.input.rome_code);
  d.SetValue("JOB", RomeFieldValue(services, offer.input.rome_code));
  d.SetValue("LEVEL", LevelLabel(offer.input.level));
  d.SetValue("CONTRACT", std::string(offers::ContractKindLabel(offer.input.contract)));
  if (auto date = ParseIsoDate(offer.input.start_date))
    d.SetValue("START", FormatFrenchLongDate(*date));
  else
    d.SetValue("START", "Dès que possible");
  d.SetValue("DURATION", fmt::format("{} mois", offer.input.duration_months));
  d.SetValue("POSITIONS", offer.input.positions == 1
                              ? std::string("1 poste")
                              : fmt::format("{} postes", offer.input.positions));
  d.SetValue("RHYTHM", offer.input.rhythm.empty() ? "À définir avec le CFA" : offer.input.rhythm);
  d.SetValue("COMMUNE", CommuneName(services, offer.input.commune_code));
  for (const auto& paragraph : [&] {
         std::vector<std::string> out;
         std::string current;
         for (char c : offer.input.description + "\n") {
           if (c == '\n') {
             if (!text::Trim(current).empty()) out.emplace_back(text::Trim(current));
             current.clear();
           } else if (c != '\r') {
             current.push_back(c);
           }
         }
         return out;
       }())
    d.AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", paragraph);
}

// ---------- Offers: the employer's pages ----------

std::optional<std::int64_t> IdParam(const Request& request) { return ParseId(request.Param("id")); }

Response OffersListPage(const Request& request, const WebServices& services) {
  auto organisation = services.accounts.OrganisationOf(*request.actor);
  if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
  auto list = services.offers.ListOwn(*request.actor);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  Page page(request, "Mes offres", "pages/employer_offers.tpl");
  std::string info = InfoText(request.Query("info"));
  if (request.Query("info") == "offre-cloturee") info = "L'offre est clôturée.";
  if (!info.empty()) page.Notice("success", info);
  page.Set("ORGANISATION", organisation->name);
  if (organisation->status != OrganisationStatus::kValidated) {
    Dict* waiting = page.dict().AddSectionDictionary("NOT_VALIDATED");
    waiting->SetValue("STATUS", std::string(people::OrganisationStatusLabel(organisation->status)));
    if (organisation->status == OrganisationStatus::kDetailsRequested)
      waiting->SetValueAndShowSection("REASON", organisation->status_reason, "DETAILS");
    if (organisation->status == OrganisationStatus::kRefused)
      waiting->SetValueAndShowSection("REASON", organisation->status_reason, "REFUSED");
  }
  std::map<OfferState, int> counts;
  for (const auto& offer : *list) {
    ++counts[offer.state];
    Dict* row = page.dict().AddSectionDictionary("OFFER");
    row->SetValue("ID", std::to_string(offer.id));
    row->SetValue("TITLE", offer.input.title);
    row->SetValue("STATE", offer.hidden ? "Masquée par la délégation"
                                        : std::string(offers::OfferStateLabel(offer.state)));
    row->SetValue("STATE_CODE",
                  offer.hidden ? "hidden" : std::string(offers::OfferStateCode(offer.state)));
    row->SetValue("APPLICATIONS", std::to_string(offer.applications));
    row->SetValue("UNTIL", offers::IsOpen(offer.state) ? FrenchDay(offer.expires_at) : "—");
  }
  if (list->empty()) page.Show("NO_OFFER");
  for (auto state : {OfferState::kDraft, OfferState::kPublished, OfferState::kPaused,
                     OfferState::kExpired, OfferState::kFilled, OfferState::kClosed}) {
    if (!counts[state]) continue;
    Dict* count = page.dict().AddSectionDictionary("COUNT");
    count->SetValue("LABEL", std::string(offers::OfferStateLabel(state)));
    count->SetValue("N", std::to_string(counts[state]));
  }
  return page.Render(services.templates);
}

Response ManagePage(const Request& request, const WebServices& services, std::int64_t id,
                    const Error* error, int status) {
  auto offer = services.offers.Get(*request.actor, id);
  if (!offer) return ErrorResponse(request, services.templates, offer.error());
  auto organisation = services.accounts.OrganisationOf(*request.actor);
  if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
  Page page(request, offer->input.title, "pages/offer_manage.tpl");
  page.Form();
  if (error) {
    for (const auto& [field, message] : error->fields)
      if (field != "duplicates") page.Notice("error", message);
    if (error->fields.empty()) page.Notice("error", "Cette action n'a pas pu être faite.");
  }
  const std::string info_code = request.Query("info");
  const std::map<std::string, std::string> infos = {
      {"offre-creee", "Votre brouillon est enregistré. Relisez-le, puis publiez-le."},
      {"offre-modifiee", "Vos modifications sont enregistrées."},
      {"offre-publiee", "Votre offre est en ligne pour 60 jours."},
      {"offre-dupliquee", "Voici la copie, en brouillon : modifiez-la puis publiez-la."},
      {"offre-prolongee", "Votre offre est prolongée de 60 jours."},
      {"offre-en-pause", "Votre offre est en pause : elle ne reçoit plus de candidatures."},
      {"offre-reprise", "Votre offre est de nouveau en ligne."},
      {"offre-pourvue", "Félicitations ! L'offre est marquée pourvue."}};
  if (auto it = infos.find(info_code); it != infos.end()) page.Notice("success", it->second);
  FillFacts(page.dict(), services, *offer);
  page.Set("ORGANISATION", organisation->name);
  page.Set("STATE", offers::OfferStateLabel(offer->state));
  page.Set("BASE", fmt::format("{}/{}", kOffers, offer->id));
  if (offer->hidden)
    page.dict().SetValueAndShowSection("HIDDEN_REASON", offer->hidden_reason, "HIDDEN");
  if (offers::IsOpen(offer->state))
    page.dict().SetValueAndShowSection("UNTIL", FrenchDay(offer->expires_at), "ONLINE");
  const OfferState s = offer->state;
  const bool over = s == OfferState::kFilled || s == OfferState::kClosed;
  if (!over) page.Show("CAN_EDIT");
  if (s == OfferState::kDraft) {
    if (organisation->status == OrganisationStatus::kValidated) {
      Dict* publish = page.dict().AddSectionDictionary("CAN_PUBLISH");
      auto check = services.offers.CheckBeforePublishing(*request.actor, offer->id);
      if (check && !check->duplicates.empty()) {
        Dict* dup = publish->AddSectionDictionary("DUPLICATES");
        for (const auto& other : check->duplicates) {
          Dict* row = dup->AddSectionDictionary("DUPLICATE");
          row->SetValue("DUP_ID", std::to_string(other.id));
          row->SetValue("DUP_TITLE", other.input.title);
        }
      }
    } else {
      page.dict().SetValueAndShowSection(
          "WHY", std::string(people::OrganisationStatusLabel(organisation->status)),
          "CANNOT_PUBLISH");
    }
  }
  if (s == OfferState::kPublished || s == OfferState::kExpired) page.Show("CAN_EXTEND");
  if (s == OfferState::kPublished) page.Show("CAN_PAUSE");
  if (s == OfferState::kPaused) page.Show("CAN_RESUME");
  if (s == OfferState::kPublished || s == OfferState::kPaused || s == OfferState::kExpired) {
    Dict* fill = page.dict().AddSectionDictionary("CAN_FILL");
    for (const auto& [code, label] : offers::FillChannels()) {
      Dict* option = fill->AddSectionDictionary("CHANNEL");
      option->SetValue("CODE", std::string(code));
      option->SetValue("LABEL", std::string(label));
    }
  }
  if (!over) page.Show("CAN_CLOSE");
  if (s == OfferState::kPublished && !offer->hidden) page.Show("PUBLIC_LINK");
  FillCost(page.dict(), services, *offer, *organisation, std::time(nullptr));
  return page.Render(services.templates, status);
}

// Runs an action on the offer of the path, then goes back to its page with `info`, or shows
// the page again with the refusal.
template <typename Action>
Response OfferAction(Request& request, const WebServices& services, const char* info,
                     Action action) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto done = action(*id);
  if (done) return Redirect(fmt::format("{}/{}?info={}", kOffers, *id, info));
  const Error& error = done.error();
  if (error.code == ErrorCode::kFailedPrecondition || error.code == ErrorCode::kInvalidArgument)
    return ManagePage(request, services, *id, &error, HttpStatusFor(error.code));
  return ErrorResponse(request, services.templates, error);
}

// ---------- The public offer page ----------

Response PublicOfferPage(const Request& request, const WebServices& services, std::int64_t id,
                         const Error* error, int status) {
  auto shown = services.offers.GetPublished(id);
  if (!shown) return ErrorResponse(request, services.templates, shown.error());
  Page page(request, shown->offer.input.title, "pages/offer_public.tpl");
  page.Form();
  FillFacts(page.dict(), services, shown->offer);
  page.Set("ORGANISATION", shown->organisation_name);
  page.Set("ORGANISATION_ID", std::to_string(shown->offer.organisation_id));
  page.Set("PUBLISHED", FrenchDay(shown->offer.published_at));
  page.Set("UNTIL", FrenchDay(shown->offer.expires_at));
  if (request.Query("info") == "signalement-envoye")
    page.Notice("success", "Merci : votre signalement est transmis à la délégation.");
  std::map<std::string, std::string> errors;
  if (error) {
    page.Errors(*error);
    errors = error->fields;
  }
  Options reasons = {{"", "Choisissez une raison"}};
  for (const auto& [code, label] : offers::ReportReasons()) reasons.emplace_back(code, label);
  Dict& report = AddGroup(page, "Signaler cette offre");
  AddField(report, {"reason", "Ce qui ne va pas", FieldKind::kSelect, true, "", reasons},
           request.Form("reason"), errors);
  AddField(report,
           {"details",
            "Précisions",
            FieldKind::kTextarea,
            false,
            "Obligatoire pour « Autre raison ». 1 000 caractères au plus.",
            {},
            "off",
            "",
            1000},
           request.Form("details"), errors);
  if (error) page.Show("REPORT_OPEN");
  AddApplySection(page.dict(), request, services, id);
  AddFavouriteButton(page.dict(), request, LoadFavouriteKeys(request, services),
                     young_people::FavouriteKind::kOffer, id, shown->offer.input.title,
                     fmt::format("/offres/{}", id));
  return page.Render(services.templates, status);
}

// ---------- The advisors' queue ----------

Response QueuePage(const Request& request, const WebServices& services, const Error* error,
                   int status) {
  auto queue = services.organisations.Queue(*request.actor);
  if (!queue) return ErrorResponse(request, services.templates, queue.error());
  auto reported = services.offers.ReportedOffers(*request.actor);
  if (!reported) return ErrorResponse(request, services.templates, reported.error());
  Page page(request, "Organisations et offres signalées", "pages/moderation.tpl");
  page.Form();
  if (error)
    for (const auto& [field, message] : error->fields) page.Notice("error", message);
  const std::map<std::string, std::string> infos = {
      {"organisation-validee", "L'organisation est validée ; ses membres sont prévenus."},
      {"precisions-demandees", "Votre demande de précisions est envoyée."},
      {"organisation-refusee", "L'organisation est refusée ; ses membres sont prévenus."},
      {"offre-masquee", "L'offre est masquée ; l'employeur est prévenu."},
      {"signalements-classes", "Les signalements sont classés sans suite."}};
  if (auto it = infos.find(request.Query("info")); it != infos.end())
    page.Notice("success", it->second);
  if (queue->empty()) page.Show("NO_ORGANISATION");
  for (const auto& item : *queue) {
    const auto& o = item.organisation;
    Dict* row = page.dict().AddSectionDictionary("ORGANISATION");
    row->SetValue("ID", std::to_string(o.id));
    row->SetValue("NAME", o.name);
    row->SetValue("KIND", o.kind == OrganisationKind::kCfa ? "CFA" : "Employeur");
    row->SetValue("SIRET", o.siret);
    if (!o.uai.empty()) row->SetValueAndShowSection("UAI", o.uai, "HAS_UAI");
    row->SetValue("ADDRESS", o.address);
    row->SetValue("COMMUNE", CommuneName(services, o.commune_code));
    row->SetValue("HEADCOUNT", std::string(people::HeadcountBandLabel(o.headcount)));
    row->SetValue("IDCC", o.idcc.empty() ? "non indiqué" : o.idcc);
    if (!item.agreement_title.empty())
      row->SetValueAndShowSection("AGREEMENT", item.agreement_title, "HAS_AGREEMENT");
    row->SetValue("NAF", o.naf.empty() ? "non indiqué" : o.naf);
    if (services.crm)  // issue 8: the branch and OPCO of the IDCC
      if (auto branch = services.crm->BranchOf(o.idcc); branch && *branch)
        row->SetValueAndShowSection(
            "BRANCH", fmt::format("{} ({})", (*branch)->name, crm::OpcoLabel((*branch)->opco)),
            "HAS_BRANCH");
    row->SetValue("STATUS", std::string(people::OrganisationStatusLabel(o.status)));
    row->SetValue("SINCE", FrenchDay(o.created_at));
    if (o.status == OrganisationStatus::kDetailsRequested)
      row->SetValueAndShowSection("REASON", o.status_reason, "ASKED");
    for (const auto& member : item.members) {
      Dict* m = row->AddSectionDictionary("MEMBER");
      m->SetValue("MEMBER_NAME", member.user.display_name);
      m->SetValue("MEMBER_EMAIL", member.user.email);
    }
  }
  if (reported->empty()) page.Show("NO_REPORT");
  for (const auto& item : *reported) {
    Dict* row = page.dict().AddSectionDictionary("REPORTED");
    row->SetValue("ID", std::to_string(item.offer.offer.id));
    row->SetValue("TITLE", item.offer.offer.input.title);
    row->SetValue("ORGANISATION", item.offer.organisation_name);
    if (item.offer.offer.state == OfferState::kPublished && !item.offer.offer.hidden)
      row->ShowSection("VISIBLE");
    else
      row->ShowSection("NOT_VISIBLE");
    for (const auto& report : item.reports) {
      Dict* r = row->AddSectionDictionary("REPORT");
      r->SetValue("REASON", std::string(offers::ReportReasonLabel(report.reason)));
      r->SetValue("DETAILS", report.details);
      r->SetValue("WHEN", FrenchDay(report.created_at));
    }
  }
  return page.Render(services.templates, status);
}

template <typename Action>
Response QueueAction(Request& request, const WebServices& services, const char* info,
                     Action action) {
  auto id = ParseId(request.Param("id"));
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto done = action(*id);
  if (done) return Redirect(fmt::format("/conseil/organisations?info={}", info));
  const Error& error = done.error();
  if (error.code == ErrorCode::kFailedPrecondition || error.code == ErrorCode::kInvalidArgument)
    return QueuePage(request, services, &error, HttpStatusFor(error.code));
  return ErrorResponse(request, services.templates, error);
}

Response MessagePage(const Request& request, const Templates& templates, const std::string& title,
                     const std::string& text, const std::string& href, const std::string& label,
                     int status = 200) {
  Page page(request, title, "pages/message.tpl");
  page.Set("HEADING", title).Set("TEXT", text);
  auto* link = page.dict().AddSectionDictionary("LINK");
  link->SetValue("HREF", href);
  link->SetValue("LABEL", label);
  return page.Render(templates, status);
}

}  // namespace

void FillOfferFacts(ctemplate::TemplateDictionary& dict, const WebServices& services,
                    const offers::Offer& offer) {
  FillFacts(dict, services, offer);
}

void AddEmployerPages(Router& router, const WebServices& services) {
  const Templates& templates = services.templates;
  const auto employers = Access::Roles({Role::kEmployer});
  const auto members = Access::Roles({Role::kEmployer, Role::kCfa});
  const auto moderators = Access::Roles({Role::kAdvisor, Role::kManager, Role::kAdmin});

  // Sign-up of an employer or a CFA with its organisation.
  for (const auto& entry : {std::pair{"/inscription/entreprise", OrganisationKind::kEmployer},
                            std::pair{"/inscription/cfa", OrganisationKind::kCfa}}) {
    const std::string path = entry.first;
    const OrganisationKind kind = entry.second;
    router.Get(path, Access::Public(), [&services, kind](Request& request) {
      if (request.actor) return Redirect("/espace");
      return OrganisationSignUpPage(request, services, kind, nullptr, 200);
    });
    router.Post(path, Access::Public(), [&services, kind](Request& request) {
      auto done = services.accounts.SignUpOrganisation(
          OrganisationFormFrom(request, kind), request.Form("email"), request.Form("display_name"),
          request.Form("password"), request.client_address);
      if (done) return Redirect("/inscription/envoyee");
      if (done.error().code == ErrorCode::kInvalidArgument)
        return OrganisationSignUpPage(request, services, kind, &done.error(), 422);
      return ErrorResponse(request, services.templates, done.error());
    });
  }

  router.Get("/organisation/details", members, [&services](Request& request) {
    if (!request.actor->membership) return ErrorResponse(request, services.templates, 404);
    return DetailsPage(request, services, nullptr, 200);
  });
  router.Post("/organisation/details", members, [&services](Request& request) {
    if (!request.actor->membership) return ErrorResponse(request, services.templates, 404);
    auto organisation = services.accounts.OrganisationOf(*request.actor);
    if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
    auto done = services.organisations.UpdateDetails(
        *request.actor, OrganisationFormFrom(request, organisation->kind));
    if (done) return Redirect("/organisation/details?info=details-enregistres");
    if (done.error().code == ErrorCode::kInvalidArgument ||
        done.error().code == ErrorCode::kFailedPrecondition)
      return DetailsPage(request, services, &done.error(), HttpStatusFor(done.error().code));
    return ErrorResponse(request, services.templates, done.error());
  });

  // The employer's offers.
  router.Get(kOffers, employers,
             [&services](Request& request) { return OffersListPage(request, services); });
  router.Get(std::string(kOffers) + "/nouvelle", employers, [&services](Request& request) {
    return OfferFormPage(request, services, std::nullopt, nullptr, 200);
  });
  router.Post(kOffers, employers, [&services](Request& request) {
    auto id = services.offers.CreateDraft(*request.actor, OfferInputFrom(request, services));
    if (id) return Redirect(fmt::format("{}/{}?info=offre-creee", kOffers, *id));
    if (id.error().code == ErrorCode::kInvalidArgument)
      return OfferFormPage(request, services, std::nullopt, &id.error(), 422);
    return ErrorResponse(request, services.templates, id.error());
  });
  router.Get(std::string(kOffers) + "/:id", employers, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    return ManagePage(request, services, *id, nullptr, 200);
  });
  router.Get(std::string(kOffers) + "/:id/modifier", employers, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto offer = services.offers.Get(*request.actor, *id);
    if (!offer) return ErrorResponse(request, services.templates, offer.error());
    return OfferFormPage(request, services, *offer, nullptr, 200);
  });
  router.Post(std::string(kOffers) + "/:id", employers, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto done = services.offers.Edit(*request.actor, *id, OfferInputFrom(request, services));
    if (done) return Redirect(fmt::format("{}/{}?info=offre-modifiee", kOffers, *id));
    if (done.error().code == ErrorCode::kInvalidArgument) {
      auto offer = services.offers.Get(*request.actor, *id);
      if (!offer) return ErrorResponse(request, services.templates, offer.error());
      return OfferFormPage(request, services, *offer, &done.error(), 422);
    }
    if (done.error().code == ErrorCode::kFailedPrecondition)
      return ManagePage(request, services, *id, &done.error(), 409);
    return ErrorResponse(request, services.templates, done.error());
  });
  router.Post(std::string(kOffers) + "/:id/publier", employers, [&services](Request& request) {
    return OfferAction(request, services, "offre-publiee", [&](std::int64_t id) {
      return services.offers.Publish(*request.actor, id, request.Form("confirmer") == "1");
    });
  });
  router.Post(std::string(kOffers) + "/:id/dupliquer", employers, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto copy = services.offers.Duplicate(*request.actor, *id);
    if (!copy) return ErrorResponse(request, services.templates, copy.error());
    return Redirect(fmt::format("{}/{}?info=offre-dupliquee", kOffers, *copy));
  });
  router.Post(std::string(kOffers) + "/:id/prolonger", employers, [&services](Request& request) {
    return OfferAction(request, services, "offre-prolongee",
                       [&](std::int64_t id) { return services.offers.Extend(*request.actor, id); });
  });
  router.Post(std::string(kOffers) + "/:id/pause", employers, [&services](Request& request) {
    return OfferAction(request, services, "offre-en-pause",
                       [&](std::int64_t id) { return services.offers.Pause(*request.actor, id); });
  });
  router.Post(std::string(kOffers) + "/:id/reprendre", employers, [&services](Request& request) {
    return OfferAction(request, services, "offre-reprise",
                       [&](std::int64_t id) { return services.offers.Resume(*request.actor, id); });
  });
  router.Post(std::string(kOffers) + "/:id/pourvue", employers, [&services](Request& request) {
    return OfferAction(request, services, "offre-pourvue", [&](std::int64_t id) {
      return services.offers.MarkFilled(*request.actor, id, request.Form("channel"));
    });
  });
  router.Post(std::string(kOffers) + "/:id/cloturer", employers, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto done = services.offers.Close(*request.actor, *id);
    if (done) return Redirect(std::string(kOffers) + "?info=offre-cloturee");
    if (done.error().code == ErrorCode::kFailedPrecondition)
      return ManagePage(request, services, *id, &done.error(), 409);
    return ErrorResponse(request, services.templates, done.error());
  });

  // The one-click extension of the reminder mail: opening the link changes nothing (a mail
  // scanner may open it); the button does.
  router.Get("/offres/prolonger", Access::Public(), [&templates](Request& request) {
    Page page(request, "Prolonger mon offre", "pages/confirm.tpl");
    page.Form();
    page.Set("HEADING", "Prolonger mon offre")
        .Set("TEXT",
             "Le poste est toujours à pourvoir ? Votre offre restera en ligne 60 jours "
             "de plus.")
        .Set("ACTION", "/offres/prolonger")
        .Set("BUTTON", "Prolonger de 60 jours")
        .Set("TOKEN", request.Query("jeton"));
    return page.Render(templates);
  });
  router.Post("/offres/prolonger", Access::Public(), [&services](Request& request) {
    auto offer = services.offers.ExtendByLink(request.Form("jeton"));
    if (!offer) return ErrorResponse(request, services.templates, offer.error());
    return MessagePage(request, services.templates, "Offre prolongée",
                       fmt::format("Votre offre « {} » reste en ligne jusqu'au {}.",
                                   offer->input.title, FrenchDay(offer->expires_at)),
                       fmt::format("/offres/{}", offer->id), "Voir l'offre");
  });

  // The public offer page and its report form.
  router.Get("/offres/:id", Access::Public(), [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    return PublicOfferPage(request, services, *id, nullptr, 200);
  });
  router.Post("/offres/:id/signaler", Access::Public(), [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    // One report per offer and visitor, a few per address an hour (issue 5 §6).
    const std::string visitor =
        request.actor ? fmt::format("user:{}", request.actor->user_id) : request.anon_csrf_cookie;
    auto done = services.offers.Report(*id, request.Form("reason"), request.Form("details"),
                                       request.client_address, visitor);
    if (done) return Redirect(fmt::format("/offres/{}?info=signalement-envoye", *id));
    const auto code = done.error().code;
    if (code == ErrorCode::kInvalidArgument || code == ErrorCode::kAlreadyExists ||
        code == ErrorCode::kResourceExhausted)
      return PublicOfferPage(request, services, *id, &done.error(), HttpStatusFor(code));
    return ErrorResponse(request, services.templates, done.error());
  });

  // The advisors' queue.
  router.Get("/conseil/organisations", moderators,
             [&services](Request& request) { return QueuePage(request, services, nullptr, 200); });
  router.Post("/conseil/organisations/:id/valider", moderators, [&services](Request& request) {
    return QueueAction(request, services, "organisation-validee", [&](std::int64_t id) {
      return services.organisations.Validate(*request.actor, id, request.client_address);
    });
  });
  router.Post("/conseil/organisations/:id/precisions", moderators, [&services](Request& request) {
    return QueueAction(request, services, "precisions-demandees", [&](std::int64_t id) {
      return services.organisations.RequestDetails(*request.actor, id, request.Form("message"),
                                                   request.client_address);
    });
  });
  router.Post("/conseil/organisations/:id/refuser", moderators, [&services](Request& request) {
    return QueueAction(request, services, "organisation-refusee", [&](std::int64_t id) {
      return services.organisations.Refuse(*request.actor, id, request.Form("message"),
                                           request.client_address);
    });
  });
  router.Post("/conseil/offres/:id/masquer", moderators, [&services](Request& request) {
    return QueueAction(request, services, "offre-masquee", [&](std::int64_t id) {
      return services.offers.Hide(*request.actor, id, request.Form("reason"));
    });
  });
  router.Post("/conseil/offres/:id/classer", moderators, [&services](Request& request) {
    return QueueAction(request, services, "signalements-classes", [&](std::int64_t id) {
      return services.offers.DismissReports(*request.actor, id);
    });
  });
}

}  // namespace maplace::web
