// Issue 5 §5: the CFAs' training catalogue. The CFA's space (/cfa/formations: list, new, edit,
// publish and withdraw, delete, a whole catalogue from a CSV file with its row errors, the CSV
// template), the public training page (/formations/:id) and the public CFA page (/cfas/:id).
// Another CFA's training is a 404.
#include <fmt/format.h>

#include <map>

#include "core/date.h"
#include "core/text.h"
#include "domain/trainings/training_service.h"
#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/form_support.h"
#include "web/pages/staff_support.h"
#include "web/pages/young_pages.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using people::OrganisationStatus;
using people::Role;
using trainings::Training;
using trainings::TrainingInput;
using Dict = ctemplate::TemplateDictionary;
using Options = std::vector<std::pair<std::string, std::string>>;

constexpr char kBase[] = "/cfa/formations";

std::optional<std::int64_t> IdParam(const Request& request) { return ParseId(request.Param("id")); }

// ---------- Form fields (partials/form_field.tpl) ----------

struct Field {
  std::string id;
  std::string label;
  bool required = true;
  std::string hint;
  Options options;  // a select when not empty
  bool numeric = false;
  std::string autocomplete = "off";
  std::string list;  // a datalist id
  int max = 200;
};

void AddField(Dict& group, const Field& f, const std::string& value,
              const std::map<std::string, std::string>& errors) {
  Dict* d = group.AddSectionDictionary("FIELD")->AddIncludeDictionary("FORM_FIELD");
  d->SetFilename("partials/form_field.tpl");
  d->SetValue("ID", f.id);
  d->SetValue("LABEL", f.label);
  d->SetValue("VALUE", value);
  d->SetValue("MAX", std::to_string(f.max));
  d->ShowSection(f.required ? "REQUIRED" : "OPTIONAL");
  if (!f.hint.empty()) d->SetValueAndShowSection("TEXT", f.hint, "HINT");
  auto error = errors.find(f.id);
  if (error != errors.end()) d->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
  if (!f.hint.empty() || error != errors.end()) d->ShowSection("DESCRIBED");
  if (!f.options.empty()) {
    Dict* select = d->AddSectionDictionary("SELECT");
    for (const auto& [code, label] : f.options) {
      Dict* option = select->AddSectionDictionary("OPTION");
      option->SetValue("OPT_VALUE", code);
      option->SetValue("OPT_LABEL", label);
      if (code == value) option->ShowSection("SELECTED");
    }
    return;
  }
  Dict* input = d->AddSectionDictionary("INPUT");
  input->SetValue("TYPE", f.autocomplete == "email" ? "email" : "text");
  input->SetValue("AC", f.autocomplete);
  if (f.numeric) input->ShowSection("NUMERIC");
  if (!f.list.empty()) input->SetValueAndShowSection("LIST_ID", f.list, "LIST");
}

Dict& AddGroup(Page& page, const std::string& legend) {
  Dict* group = page.dict().AddSectionDictionary("GROUP");
  group->SetValue("LEGEND", legend);
  return *group;
}

std::map<std::string, std::string> CommuneNames(const WebServices& services) {
  std::map<std::string, std::string> out;
  auto communes = services.offers.Communes();
  if (communes)
    for (const auto& c : *communes) out[c.insee_code] = c.name;
  return out;
}

Options CommuneOptions(const WebServices& services) {
  Options out = {{"", "Choisissez une commune"}};
  auto communes = services.offers.Communes();
  if (communes)
    for (const auto& c : *communes)
      out.emplace_back(c.insee_code,
                       fmt::format("{} ({})", c.name,
                                   c.postal_codes.empty() ? c.insee_code : c.postal_codes.front()));
  return out;
}

std::map<std::string, std::string> JobLabels(const WebServices& services) {
  std::map<std::string, std::string> out;
  auto jobs = services.jobs.Jobs();
  if (jobs)
    for (const auto& job : *jobs) out[job.code] = job.label;
  return out;
}

Options LevelOptions() {
  Options out = {{"", "Celui de la certification (référentiel)"}};
  for (int level = 3; level <= 8; ++level)
    out.emplace_back(std::to_string(level), trainings::LevelLabel(level));
  return out;
}

int IntOf(const std::string& value) {
  auto t = text::Trim(value);
  if (t.empty()) return 0;
  try {
    std::size_t used = 0;
    int n = std::stoi(std::string(t), &used);
    return used == t.size() ? n : -1;
  } catch (...) {
    return -1;
  }
}

TrainingInput InputFrom(const Request& request) {
  TrainingInput in;
  in.rncp_code = request.Form("rncp_code");
  in.cfd_code = request.Form("cfd_code");
  in.level = IntOf(request.Form("level"));
  in.title = request.Form("title");
  in.rhythm = request.Form("rhythm");
  in.start_dates = trainings::SplitList(request.Form("start_dates"));
  in.duration_months = IntOf(request.Form("duration_months"));
  in.places = IntOf(request.Form("places"));
  in.commune_code = request.Form("commune_code");
  in.rome_codes = trainings::SplitList(request.Form("rome_codes"));
  in.contact_name = request.Form("contact_name");
  in.contact_email = request.Form("contact_email");
  in.contact_phone = request.Form("contact_phone");
  return in;
}

std::string FrenchDates(const std::vector<std::string>& dates) {
  std::string out;
  for (const auto& d : dates) {
    auto date = ParseIsoDate(d);
    if (!out.empty()) out += ", ";
    out += date ? FormatFrenchLongDate(*date) : d;
  }
  return out;
}

std::string CertificationCodes(const TrainingInput& in) {
  std::string out;
  if (!in.rncp_code.empty()) out = in.rncp_code;
  if (!in.cfd_code.empty()) out += (out.empty() ? "CFD " : " — CFD ") + in.cfd_code;
  return out;
}

// The facts of a training, for the CFA's page and the public one.
void FillFacts(Dict& d, const WebServices& services, const Training& t,
               const std::optional<trainings::Certification>& certification) {
  const TrainingInput& in = t.input;
  d.SetValue("ID", std::to_string(t.id));
  d.SetValue("TITLE", in.title);
  d.SetValue("CERTIFICATION", certification ? certification->label : in.title);
  d.SetValue("CODES", CertificationCodes(in));
  if (!in.rncp_code.empty()) d.SetValueAndShowSection("RNCP", in.rncp_code, "RNCP_LINK");
  d.SetValue("LEVEL", trainings::LevelLabel(in.level));
  d.SetValue("RHYTHM", in.rhythm.empty() ? "Non précisé" : in.rhythm);
  d.SetValue("DATES", FrenchDates(in.start_dates));
  d.SetValue("DURATION", fmt::format("{} mois", in.duration_months));
  d.SetValue("PLACES", std::to_string(in.places));
  auto communes = CommuneNames(services);
  auto commune = communes.find(in.commune_code);
  d.SetValue("COMMUNE", commune == communes.end() ? in.commune_code : commune->second);
  auto labels = JobLabels(services);
  for (const auto& code : in.rome_codes) {
    Dict* job = d.AddSectionDictionary("JOB");
    job->SetValue("ROME", code);
    auto label = labels.find(code);
    job->SetValue("JOB_LABEL", label == labels.end() ? code : label->second);
  }
  if (!in.contact_name.empty()) d.SetValueAndShowSection("CONTACT_NAME", in.contact_name, "NAME");
  if (!in.contact_email.empty())
    d.SetValueAndShowSection("CONTACT_EMAIL", in.contact_email, "EMAIL");
  if (!in.contact_phone.empty())
    d.SetValueAndShowSection("CONTACT_PHONE", in.contact_phone, "PHONE");
}

// ---------- The CFA's pages ----------

Response ListPage(const Request& request, const WebServices& services,
                  const trainings::ImportOutcome* refused, int status) {
  auto organisation = services.accounts.OrganisationOf(*request.actor);
  if (!organisation) return ErrorResponse(request, services.templates, organisation.error());
  auto list = services.trainings.ListOwn(*request.actor);
  if (!list) return ErrorResponse(request, services.templates, list.error());
  Page page(request, "Mes formations", "pages/cfa_trainings.tpl");
  page.Form();
  page.Set("ORGANISATION", organisation->name);
  page.Set("CFA_ID", std::to_string(organisation->id));
  const std::string info = request.Query("info");
  if (info == "import")
    page.Notice("success",
                fmt::format("Catalogue importé : {} formation(s) ajoutée(s), {} modifiée(s), {} "
                            "inchangée(s).",
                            request.Query("ajoutees"), request.Query("modifiees"),
                            request.Query("inchangees")));
  if (info == "formation-supprimee") page.Notice("success", "La formation est supprimée.");
  if (organisation->status != OrganisationStatus::kValidated)
    page.dict().SetValueAndShowSection(
        "STATUS", std::string(people::OrganisationStatusLabel(organisation->status)),
        "NOT_VALIDATED");
  if (refused) {
    Dict* errors = page.dict().AddSectionDictionary("IMPORT_ERRORS");
    errors->SetValue("N", std::to_string(refused->errors.size()));
    for (const auto& e : refused->errors)
      errors->AddSectionDictionary("ROW_ERROR")->SetValue("TEXT", e);
  }
  auto communes = CommuneNames(services);
  for (const auto& t : *list) {
    Dict* row = page.dict().AddSectionDictionary("TRAINING");
    row->SetValue("ID", std::to_string(t.id));
    row->SetValue("TITLE", t.input.title);
    row->SetValue("CODES", CertificationCodes(t.input));
    auto commune = communes.find(t.input.commune_code);
    row->SetValue("COMMUNE", commune == communes.end() ? t.input.commune_code : commune->second);
    row->SetValue("STATE", t.published ? "En ligne" : "Non publiée");
    row->SetValue("STATE_CODE", t.published ? "published" : "draft");
  }
  if (list->empty()) page.Show("NO_TRAINING");
  for (const auto& column : trainings::CsvColumns())
    page.dict().AddSectionDictionary("COLUMN")->SetValue("NAME", column);
  return page.Render(services.templates, status);
}

Response FormPage(const Request& request, const WebServices& services,
                  const std::optional<Training>& training, const Error* error, int status) {
  const std::string heading = training ? "Modifier la formation" : "Nouvelle formation";
  Page page(request, heading, "pages/training_form.tpl");
  page.Form();
  std::map<std::string, std::string> errors;
  if (error) {
    page.Errors(*error);
    errors = error->fields;
  }
  const bool posted = request.method == "POST";
  const TrainingInput in = posted     ? InputFrom(request)
                           : training ? training->input
                                      : TrainingInput{};
  auto form_value = [&](const char* field, const std::string& stored) {
    return posted ? request.Form(field) : stored;
  };
  page.Set("HEADING", heading);
  page.Set("ACTION", training ? fmt::format("{}/{}", kBase, training->id) : std::string(kBase));
  page.Set("CANCEL", training ? fmt::format("{}/{}", kBase, training->id) : std::string(kBase));
  for (const auto& [code, label] : JobLabels(services))
    page.dict().AddSectionDictionary("JOB")->SetValue("VALUE", code);

  Dict& cert = AddGroup(page, "1. La certification préparée");
  AddField(cert,
           {"rncp_code", "Code RNCP", false,
            "Par exemple RNCP37859. Indiquez le code RNCP, le code CFD, ou les deux."},
           in.rncp_code, errors);
  AddField(
      cert,
      {"cfd_code", "Code CFD (Éducation nationale)", false, "8 caractères, par exemple 50022137."},
      in.cfd_code, errors);
  AddField(cert,
           {"level", "Niveau", false,
            "Laissez « celui de la certification » s'il figure au référentiel Certif Info.",
            LevelOptions()},
           in.level > 0 ? std::to_string(in.level) : "", errors);
  AddField(cert,
           {"title",
            "Intitulé de la formation",
            true,
            "Ce que verront les jeunes, par exemple « CAP Cuisine ».",
            {},
            false,
            "off",
            "",
            150},
           in.title, errors);
  AddField(cert,
           {"rome_codes",
            "Métiers visés (codes ROME)",
            false,
            "Séparés par des espaces, par exemple « G1602 G1603 ». Ceux de la certification "
            "s'appliquent quand le référentiel les connaît.",
            {},
            false,
            "off",
            "metiers-rome",
            60},
           form_value("rome_codes", trainings::JoinList(in.rome_codes)), errors);

  Dict& organisation = AddGroup(page, "2. L'organisation");
  AddField(organisation,
           {"start_dates",
            "Dates de rentrée",
            true,
            "Une ou plusieurs, séparées par des espaces : 2027-09-01 ou 01/09/2027.",
            {},
            false,
            "off",
            "",
            140},
           form_value("start_dates", trainings::JoinList(in.start_dates)), errors);
  AddField(
      organisation,
      {"duration_months",
       "Durée, en mois",
       true,
       "De 6 à 48 mois, par exemple 24.",
       {},
       true,
       "off",
       "",
       2},
      form_value("duration_months", in.duration_months ? std::to_string(in.duration_months) : ""),
      errors);
  AddField(organisation, {"places", "Nombre de places", true, "", {}, true, "off", "", 3},
           form_value("places", in.places ? std::to_string(in.places) : ""), errors);
  AddField(organisation,
           {"rhythm",
            "Rythme de l'alternance",
            false,
            "Par exemple « 2 semaines au CFA / 2 semaines en entreprise ».",
            {},
            false,
            "off",
            "",
            150},
           in.rhythm, errors);
  AddField(organisation,
           {"commune_code", "Commune du lieu de formation", true, "", CommuneOptions(services)},
           in.commune_code, errors);

  Dict& contact = AddGroup(page, "3. Le contact");
  AddField(contact, {"contact_name", "Nom du contact", false, "", {}, false, "name", "", 100},
           in.contact_name, errors);
  AddField(contact,
           {"contact_email",
            "E-mail",
            false,
            "Un e-mail ou un téléphone au moins.",
            {},
            false,
            "email",
            "",
            254},
           in.contact_email, errors);
  AddField(contact, {"contact_phone", "Téléphone", false, "", {}, false, "tel", "", 20},
           in.contact_phone, errors);
  return page.Render(services.templates, status);
}

Response ManagePage(const Request& request, const WebServices& services, std::int64_t id,
                    const Error* error, int status) {
  auto training = services.trainings.Get(*request.actor, id);
  if (!training) return ErrorResponse(request, services.templates, training.error());
  Page page(request, training->input.title, "pages/training_manage.tpl");
  page.Form();
  if (error)
    for (const auto& [field, message] : error->fields) page.Notice("error", message);
  static const std::map<std::string, std::string> kInfos = {
      {"formation-creee", "La formation est enregistrée. Relisez-la, puis publiez-la."},
      {"formation-modifiee", "Vos modifications sont enregistrées."},
      {"formation-publiee",
       "La formation est en ligne : les jeunes la trouvent dans la recherche."},
      {"formation-retiree", "La formation n'est plus en ligne."}};
  if (auto it = kInfos.find(request.Query("info")); it != kInfos.end())
    page.Notice("success", it->second);
  FillFacts(page.dict(), services, *training, std::nullopt);
  page.Set("BASE", fmt::format("{}/{}", kBase, id));
  page.Set("STATE", training->published ? "En ligne" : "Non publiée");
  page.Show(training->published ? "PUBLISHED" : "UNPUBLISHED");
  return page.Render(services.templates, status);
}

template <typename Action>
Response TrainingAction(Request& request, const WebServices& services, const char* info,
                        Action action) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(request, services.templates, 404);
  auto done = action(*id);
  if (done) return Redirect(fmt::format("{}/{}?info={}", kBase, *id, info));
  if (done.error().code == ErrorCode::kFailedPrecondition)
    return ManagePage(request, services, *id, &done.error(), 409);
  return ErrorResponse(request, services.templates, done.error());
}

// ---------- Public pages ----------

Response PublicTrainingPage(const Request& request, const WebServices& services, std::int64_t id) {
  auto shown = services.trainings.GetPublished(id);
  if (!shown) return ErrorResponse(request, services.templates, shown.error());
  Page page(request, shown->training.input.title, "pages/training_public.tpl");
  FillFacts(page.dict(), services, shown->training, shown->certification);
  page.Set("CFA", shown->cfa.name);
  page.Set("CFA_ID", std::to_string(shown->cfa.id));
  auto communes = CommuneNames(services);
  auto cfa_commune = communes.find(shown->cfa.commune_code);
  if (cfa_commune != communes.end())
    page.dict().SetValueAndShowSection("CFA_COMMUNE", cfa_commune->second, "CFA_PLACE");
  // No source of insertion rates (InserJeunes) is imported yet.
  page.Set("INSERTION", "non connu");
  AddFavouriteButton(page.dict(), request, LoadFavouriteKeys(request, services),
                     young_people::FavouriteKind::kTraining, id, shown->training.input.title,
                     fmt::format("/formations/{}", id));
  return page.Render(services.templates);
}

Response PublicCfaPage(const Request& request, const WebServices& services, std::int64_t id) {
  auto cfa = services.trainings.GetCfa(id);
  if (!cfa) return ErrorResponse(request, services.templates, cfa.error());
  const auto& [organisation, list] = *cfa;
  Page page(request, organisation.name, "pages/cfa_public.tpl");
  page.Set("NAME", organisation.name);
  page.Set("CFA_ID", std::to_string(id));
  auto communes = CommuneNames(services);
  auto commune = communes.find(organisation.commune_code);
  if (!organisation.address.empty())
    page.dict().SetValueAndShowSection("ADDRESS", organisation.address, "HAS_ADDRESS");
  if (commune != communes.end())
    page.dict().SetValueAndShowSection("COMMUNE", commune->second, "HAS_COMMUNE");
  if (!organisation.uai.empty())
    page.dict().SetValueAndShowSection("UAI", organisation.uai, "HAS_UAI");
  for (const auto& t : list) {
    Dict* row = page.dict().AddSectionDictionary("TRAINING");
    row->SetValue("ID", std::to_string(t.id));
    row->SetValue("TITLE", t.input.title);
    row->SetValue("LEVEL", trainings::LevelLabel(t.input.level));
    auto site = communes.find(t.input.commune_code);
    row->SetValue("COMMUNE", site == communes.end() ? t.input.commune_code : site->second);
    row->SetValue("DATES", FrenchDates(t.input.start_dates));
  }
  if (list.empty()) page.Show("NO_TRAINING");
  return page.Render(services.templates);
}

}  // namespace

void AddTrainingPages(Router& router, const WebServices& services) {
  const auto cfas = Access::Roles({Role::kCfa});

  router.Get(kBase, cfas,
             [&services](Request& request) { return ListPage(request, services, nullptr, 200); });
  router.Get(std::string(kBase) + "/modele.csv", cfas, [](Request&) {
    return Download(trainings::CsvTemplate(), "text/csv; charset=utf-8", "modele-catalogue.csv",
                    "modele-catalogue");
  });
  router.Post(
      std::string(kBase) + "/import", cfas,
      [&services](Request& request) {
        const UploadedFile* file = nullptr;
        for (const auto& f : request.files)
          if (f.field == "catalogue" && !f.filename.empty()) file = &f;
        trainings::ImportOutcome outcome;
        if (file == nullptr) {
          outcome.errors.push_back("Choisissez le fichier CSV de votre catalogue.");
        } else {
          auto done = services.trainings.ImportCsv(*request.actor, file->bytes);
          if (!done) return ErrorResponse(request, services.templates, done.error());
          outcome = std::move(*done);
        }
        if (!outcome.errors.empty()) return ListPage(request, services, &outcome, 422);
        return Redirect(fmt::format("{}?info=import&ajoutees={}&modifiees={}&inchangees={}", kBase,
                                    outcome.created, outcome.updated, outcome.unchanged));
      },
      BodyKind::kMultipart);
  router.Get(std::string(kBase) + "/nouvelle", cfas, [&services](Request& request) {
    return FormPage(request, services, std::nullopt, nullptr, 200);
  });
  router.Post(kBase, cfas, [&services](Request& request) {
    auto id = services.trainings.Create(*request.actor, InputFrom(request));
    if (id) return Redirect(fmt::format("{}/{}?info=formation-creee", kBase, *id));
    if (id.error().code == ErrorCode::kInvalidArgument)
      return FormPage(request, services, std::nullopt, &id.error(), 422);
    return ErrorResponse(request, services.templates, id.error());
  });
  router.Get(std::string(kBase) + "/:id", cfas, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    return ManagePage(request, services, *id, nullptr, 200);
  });
  router.Get(std::string(kBase) + "/:id/modifier", cfas, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto training = services.trainings.Get(*request.actor, *id);
    if (!training) return ErrorResponse(request, services.templates, training.error());
    return FormPage(request, services, *training, nullptr, 200);
  });
  router.Post(std::string(kBase) + "/:id", cfas, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto done = services.trainings.Edit(*request.actor, *id, InputFrom(request));
    if (done) return Redirect(fmt::format("{}/{}?info=formation-modifiee", kBase, *id));
    if (done.error().code == ErrorCode::kInvalidArgument) {
      auto training = services.trainings.Get(*request.actor, *id);
      if (!training) return ErrorResponse(request, services.templates, training.error());
      return FormPage(request, services, *training, &done.error(), 422);
    }
    return ErrorResponse(request, services.templates, done.error());
  });
  router.Post(std::string(kBase) + "/:id/publier", cfas, [&services](Request& request) {
    return TrainingAction(request, services, "formation-publiee", [&](std::int64_t id) {
      return services.trainings.Publish(*request.actor, id);
    });
  });
  router.Post(std::string(kBase) + "/:id/retirer", cfas, [&services](Request& request) {
    return TrainingAction(request, services, "formation-retiree", [&](std::int64_t id) {
      return services.trainings.Unpublish(*request.actor, id);
    });
  });
  router.Post(std::string(kBase) + "/:id/supprimer", cfas, [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    auto done = services.trainings.Delete(*request.actor, *id);
    if (!done) return ErrorResponse(request, services.templates, done.error());
    return Redirect(std::string(kBase) + "?info=formation-supprimee");
  });

  router.Get("/formations/:id", Access::Public(), [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    return PublicTrainingPage(request, services, *id);
  });
  router.Get("/cfas/:id", Access::Public(), [&services](Request& request) {
    auto id = IdParam(request);
    if (!id) return ErrorResponse(request, services.templates, 404);
    return PublicCfaPage(request, services, *id);
  });
}

}  // namespace maplace::web
