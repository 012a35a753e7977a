// The aids simulators: « Quelles aides pour moi ? » for young people (a few questions at a
// time) and « Combien coûte un apprenti ? » for employers (one form). Both are GET forms whose
// answers travel in the query string: the address of any step or result is the link that
// resumes it, and no answer is stored on the server. Amounts come from aids::AidsService; this
// file only asks, checks the answers' form and says the results in French.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "web/error_response.h"
#include "web/french.h"
#include "web/page.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using Dict = ctemplate::TemplateDictionary;
using aids::Cents;
using Answers = std::map<std::string, std::string>;
using FieldErrors = std::map<std::string, std::string>;

constexpr char kYoungPath[] = "/simulateurs/mes-aides";
constexpr char kEmployerPath[] = "/simulateurs/cout-apprenti";
constexpr char kYoungTitle[] = "Quelles aides pour moi ?";
constexpr char kEmployerTitle[] = "Combien coûte un apprenti ?";
constexpr char kResult[] = "resultat";
constexpr std::size_t kMaxAnswerBytes = 40;

// ---------- French formatting ----------

std::string Ordinal(int n) { return n == 1 ? "1re" : fmt::format("{}e", n); }

std::string LongDate(Date date) { return FormatFrenchLongDate(date); }

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// ---------- Answers: the query string of the simulators ----------

// The keys either simulator understands; anything else in the query is ignored.
const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> keys = {
      "contrat",     "debut",     "fin",       "niveau",         "territoire", "naissance",
      "rqth",        "diplome",   "demandeur", "rsma",           "qpv",        "difficultes",
      "effectif",    "salaire",   "mobilite",  "mobilite_recue", "quotient",   "permis",
      "permis_aide", "locataire", "loyer",     "prive",          "npec",       "engagement"};
  return keys;
}

Answers AnswersFrom(const std::vector<std::pair<std::string, std::string>>& fields) {
  Answers answers;
  for (const auto& [key, value] : fields) {
    if (!KnownKeys().count(key) || answers.count(key)) continue;
    std::string clean(text::Trim(text::SingleLine(value)));
    if (clean.empty() || clean.size() > kMaxAnswerBytes) continue;
    answers[key] = std::move(clean);
  }
  return answers;
}

std::string Get(const Answers& answers, const std::string& key) {
  auto it = answers.find(key);
  return it == answers.end() ? "" : it->second;
}

std::string QueryOf(const Answers& answers) {
  std::string out;
  for (const auto& [key, value] : answers) {
    out += out.empty() ? "" : "&";
    out += text::UrlEncode(key) + "=" + text::UrlEncode(value);
  }
  return out;
}

// "2025-09-01" (what date inputs send) or "01/09/2025" (what people type without them).
using text::ParseEuros;  // "1 234,56" -> cents; zero is an amount here

std::optional<int> ParseCount(const std::string& value, int min, int max) {
  std::string digits;
  for (char c : value)
    if (c != ' ') digits += c;
  if (digits.empty() || digits.size() > 7 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int n = std::stoi(digits);
  if (n < min || n > max) return std::nullopt;
  return n;
}

// ---------- Choices ----------

struct Choice {
  std::string value;
  std::string label;
};

const std::vector<Choice>& Territories() {
  static const std::vector<Choice> list = {{"972", "Martinique"},
                                           {"971", "Guadeloupe"},
                                           {"973", "Guyane"},
                                           {"974", "La Réunion"},
                                           {"976", "Mayotte"},
                                           {"975", "Saint-Pierre-et-Miquelon"},
                                           {"hexagone", "Hexagone (France métropolitaine)"}};
  return list;
}

aids::Territory TerritoryOf(const std::string& code) {
  static const std::map<std::string, aids::Territory> map = {
      {"971", aids::Territory::kGuadeloupe},
      {"972", aids::Territory::kMartinique},
      {"973", aids::Territory::kGuyane},
      {"974", aids::Territory::kReunion},
      {"975", aids::Territory::kSaintPierreMiquelon},
      {"976", aids::Territory::kMayotte},
      {"hexagone", aids::Territory::kHexagone}};
  auto it = map.find(code);
  return it == map.end() ? aids::Territory::kMartinique : it->second;
}

std::string TerritoryLabel(const std::string& code) {
  for (const auto& c : Territories())
    if (c.value == code) return c.label;
  return "Martinique";
}

const std::vector<Choice>& Levels() {
  static const std::vector<Choice> list = {
      {"3", "Niveau 3 : CAP, BEP"},
      {"4", "Niveau 4 : bac, bac pro, BP"},
      {"5", "Niveau 5 : BTS, DEUST (bac + 2)"},
      {"6", "Niveau 6 : licence, BUT, bachelor (bac + 3)"},
      {"7", "Niveau 7 : master, diplôme d'ingénieur (bac + 5)"},
      {"8", "Niveau 8 : doctorat"}};
  return list;
}

// "niveau 4 (bac, bac pro, BP)", inside a sentence.
std::string LevelPhrase(const std::string& value) {
  for (const auto& c : Levels()) {
    if (c.value == value) {
      const auto colon = c.label.find(" : ");
      return "niveau " + value + " (" + c.label.substr(colon + 3) + ")";
    }
  }
  return "niveau " + value;
}

std::string LevelLabel(const std::string& value) {
  for (const auto& c : Levels())
    if (c.value == value) return c.label;
  return value;
}

const std::vector<Choice> kYesNo = {{"oui", "Oui"}, {"non", "Non"}};

bool IsChoice(const std::vector<Choice>& choices, const std::string& value) {
  return std::any_of(choices.begin(), choices.end(),
                     [&](const Choice& c) { return c.value == value; });
}

std::string ChoiceLabel(const std::vector<Choice>& choices, const std::string& value) {
  for (const auto& c : choices)
    if (c.value == value) return c.label;
  return value;
}

// ---------- Questions and their rendering (partials/sim_field.tpl) ----------

enum class Kind { kDate, kMoney, kCount, kSelect, kRadios, kCheckboxes };

struct Question {
  Kind kind;
  std::string name;  // the query key; for checkboxes, each choice's value is a key
  std::string label;
  std::string hint;
  std::vector<Choice> choices;
  std::string show_if;  // "locataire=oui": shown by the script only then; always without it
  std::string autocomplete = "off";
  std::string unit;  // after a money input: "€ par mois"
  bool optional = false;
};

void AddQuestion(Dict& parent, const Question& q, const Answers& answers,
                 const FieldErrors& errors) {
  Dict* section = parent.AddSectionDictionary("QUESTION");
  Dict* d = section->AddIncludeDictionary("FIELD");
  d->SetFilename("partials/sim_field.tpl");
  d->SetValue("ID", q.name);
  d->SetValue("LABEL", q.label + (q.optional ? " (facultatif)" : ""));
  d->SetValue("VALUE", Get(answers, q.name));
  d->SetValue("AUTOCOMPLETE", q.autocomplete);
  if (!q.show_if.empty()) {
    const auto eq = q.show_if.find('=');
    Dict* c = d->AddSectionDictionary("CONDITIONAL");
    c->SetValue("CONTROL", q.show_if.substr(0, eq));
    c->SetValue("WHEN", q.show_if.substr(eq + 1));
    d->ShowSection("CONDITIONAL_END");
  }
  const auto error = errors.find(q.name);
  const bool invalid = error != errors.end();
  std::vector<std::string> described;
  if (!q.hint.empty()) {
    d->SetValueAndShowSection("TEXT", q.hint, "HINT");
    described.push_back(q.name + "-hint");
  }
  if (invalid) {
    d->SetValueAndShowSection("MESSAGE", error->second, "INVALID");
    described.push_back(q.name + "-err");
  }
  if (!q.unit.empty()) {
    d->SetValueAndShowSection("UNIT", q.unit, "HAS_UNIT");
    described.push_back(q.name + "-unit");
  }
  if (!described.empty())
    d->SetValueAndShowSection("DESCRIBEDBY", Join(described, " "), "DESCRIBED");
  const bool group = q.kind == Kind::kRadios || q.kind == Kind::kCheckboxes;
  d->ShowSection(group ? "GROUP" : "SINGLE");
  switch (q.kind) {
    case Kind::kDate:
      d->ShowSection("DATE");
      break;
    case Kind::kMoney:
      d->ShowSection("MONEY");
      break;
    case Kind::kCount:
      d->ShowSection("COUNT");
      break;
    case Kind::kSelect:
      d->ShowSection("SELECT");
      // No silent default: an unanswered select says so.
      if (!IsChoice(q.choices, Get(answers, q.name))) {
        Dict* option = d->AddSectionDictionary("OPTION");
        option->SetValue("OPTION_VALUE", "");
        option->SetValue("OPTION_LABEL", "Choisissez dans la liste");
        option->ShowSection("SELECTED");
      }
      for (const auto& c : q.choices) {
        Dict* option = d->AddSectionDictionary("OPTION");
        option->SetValue("OPTION_VALUE", c.value);
        option->SetValue("OPTION_LABEL", c.label);
        if (c.value == Get(answers, q.name)) option->ShowSection("SELECTED");
      }
      break;
    case Kind::kRadios:
    case Kind::kCheckboxes:
      for (std::size_t i = 0; i < q.choices.size(); ++i) {
        const auto& c = q.choices[i];
        Dict* option = d->AddSectionDictionary("CHOICE");
        // The first input carries the question's id, so the error summary leads to it.
        option->SetValue("INPUT_ID", i == 0 ? q.name : q.name + "-" + c.value);
        option->SetValue("CHOICE_LABEL", c.label);
        if (q.kind == Kind::kRadios) {
          option->SetValue("TYPE", "radio");
          option->SetValue("INPUT_NAME", q.name);
          option->SetValue("CHOICE_VALUE", c.value);
          if (Get(answers, q.name) == c.value) option->ShowSection("CHECKED");
        } else {
          option->SetValue("TYPE", "checkbox");
          option->SetValue("INPUT_NAME", c.value);
          option->SetValue("CHOICE_VALUE", "oui");
          if (Get(answers, c.value) == "oui") option->ShowSection("CHECKED");
        }
      }
      break;
  }
}

// The query keys a question sets.
std::vector<std::string> KeysOf(const Question& q) {
  if (q.kind != Kind::kCheckboxes) return {q.name};
  std::vector<std::string> keys;
  for (const auto& c : q.choices) keys.push_back(c.value);
  return keys;
}

// Hidden inputs carrying every answer but those of `except`.
void KeepAnswers(Dict& dict, const Answers& answers, const std::set<std::string>& except) {
  for (const auto& [key, value] : answers) {
    if (except.count(key)) continue;
    Dict* keep = dict.AddSectionDictionary("KEEP");
    keep->SetValue("NAME", key);
    keep->SetValue("VALUE", value);
  }
}

// ---------- Checks shared by both simulators ----------

void RequireChoice(const Answers& a, const std::string& key, const std::vector<Choice>& choices,
                   const std::string& message, FieldErrors& errors) {
  if (!IsChoice(choices, Get(a, key))) errors[key] = message;
}

void CheckContractDates(const Answers& a, FieldErrors& errors) {
  const auto start = ParseTypedDate(Get(a, "debut"));
  const auto end = ParseTypedDate(Get(a, "fin"));
  if (!start) errors["debut"] = "Indiquez la date de début du contrat, par exemple 01/09/2025.";
  if (!end) errors["fin"] = "Indiquez la date de fin du contrat, par exemple 31/08/2027.";
  if (start && end && *end <= *start)
    errors["fin"] = "La fin du contrat doit venir après son début.";
}

void CheckBirthDate(const Answers& a, FieldErrors& errors, bool apprentice_speaks) {
  const auto birth = ParseTypedDate(Get(a, "naissance"));
  const auto start = ParseTypedDate(Get(a, "debut"));
  if (!birth) {
    errors["naissance"] = apprentice_speaks
                              ? "Indiquez votre date de naissance, par exemple 15/03/2006."
                              : "Indiquez la date de naissance de l'apprenti, par exemple "
                                "15/03/2006.";
    return;
  }
  if (start && (AgeOn(*birth, *start) < 14 || AgeOn(*birth, *start) > 70))
    errors["naissance"] =
        "Cette date de naissance donnerait moins de 14 ans ou plus de 70 ans au début du "
        "contrat : vérifiez-la.";
}

void CheckOptionalEuros(const Answers& a, const std::string& key, Cents max,
                        const std::string& example, FieldErrors& errors) {
  const std::string value = Get(a, key);
  if (value.empty()) return;
  const auto cents = ParseEuros(value);
  if (!cents || *cents > max)
    errors[key] = "Écrivez un montant en euros, par exemple " + example + ".";
}

bool Overseas(const Answers& a) {
  return aids::IsOverseas(TerritoryOf(Get(a, "territoire").empty() ? "972" : Get(a, "territoire")));
}

std::optional<int> AgeAtStart(const Answers& a) {
  const auto birth = ParseTypedDate(Get(a, "naissance"));
  const auto start = ParseTypedDate(Get(a, "debut"));
  if (!birth || !start) return std::nullopt;
  return AgeOn(*birth, *start);
}

// ---------- « Quelles aides pour moi ? »: the steps ----------

struct Step {
  const char* id;
  const char* heading;
  const char* intro;
};

const std::vector<Step>& Steps() {
  static const std::vector<Step> steps = {
      {"contrat", "Votre contrat",
       "Les dates et le diplôme préparé décident de votre salaire et des aides."},
      {"vous", "Vous", "Votre âge compte pour le salaire ; votre parcours pour certaines aides."},
      {"employeur", "Votre employeur",
       "Certaines aides dépendent de la taille de l'entreprise. Si vous ne savez pas, laissez "
       "vide."},
      {"deplacements", "Vos déplacements",
       "Des aides existent pour partir vous former ailleurs et pour passer le permis."},
      {"logement", "Votre logement", "Action Logement aide les apprentis qui paient un loyer."},
  };
  return steps;
}

int StepIndex(const std::string& id) {
  const auto& steps = Steps();
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (id == steps[i].id) return static_cast<int>(i);
  return -1;
}

// The questions of a step, given the answers so far: only those that matter.
std::vector<Question> QuestionsOf(const std::string& step, const Answers& a) {
  std::vector<Question> q;
  if (step == "contrat") {
    q.push_back({Kind::kRadios,
                 "contrat",
                 "Quel contrat signez-vous ?",
                 "",
                 {{"apprentissage", "Contrat d'apprentissage"},
                  {"professionnalisation", "Contrat de professionnalisation"}}});
    q.push_back({Kind::kDate, "debut", "Date de début du contrat", "Par exemple : 01/09/2025"});
    q.push_back({Kind::kDate, "fin", "Date de fin du contrat",
                 "Le dernier jour du contrat, par exemple : 31/08/2027"});
    q.push_back({Kind::kSelect, "niveau", "Niveau du diplôme préparé", "", Levels()});
    q.push_back({Kind::kSelect, "territoire", "Où se déroule le contrat ?", "", Territories()});
  } else if (step == "vous") {
    q.push_back({Kind::kDate,
                 "naissance",
                 "Votre date de naissance",
                 "Par exemple : 15/03/2006",
                 {},
                 "",
                 "bday"});
    q.push_back(
        {Kind::kRadios, "rqth", "Êtes-vous reconnu travailleur handicapé (RQTH) ?", "", kYesNo});
    std::vector<Choice> diplomas = {{"aucun", "Aucun diplôme"}};
    for (const auto& level : Levels()) diplomas.push_back(level);
    q.push_back({Kind::kSelect, "diplome", "Votre diplôme le plus élevé", "", diplomas});
    if (Get(a, "contrat") == "professionnalisation")
      q.push_back({Kind::kRadios, "demandeur",
                   "Êtes-vous inscrit comme demandeur d'emploi à France Travail ?", "", kYesNo});
    if (Overseas(a))
      q.push_back({Kind::kCheckboxes,
                   "parcours",
                   "Votre situation",
                   "Cochez ce qui vous concerne, ou rien.",
                   {{"rsma",
                     "Je viens du RSMA, d'une école de la 2e chance ou de la Garantie "
                     "jeunes"},
                    {"qpv", "J'habite un quartier prioritaire de la ville"},
                    {"difficultes", "J'ai des difficultés sociales (logement, santé, argent…)"}}});
  } else if (step == "employeur") {
    q.push_back({Kind::kCount,
                 "effectif",
                 "Nombre de salariés de l'entreprise",
                 "Si vous ne savez pas, laissez vide : nous compterons moins de 250 salariés.",
                 {},
                 "",
                 "off",
                 "",
                 true});
    q.push_back({Kind::kMoney,
                 "salaire",
                 "Salaire brut mensuel prévu au contrat",
                 "Seulement s'il est écrit dans votre contrat. Sinon, laissez vide : nous "
                 "calculerons le minimum légal.",
                 {},
                 "",
                 "off",
                 "€ brut par mois",
                 true});
  } else if (step == "deplacements") {
    if (Overseas(a)) {
      q.push_back({Kind::kRadios,
                   "mobilite",
                   "Une partie de votre formation ou de votre travail aura-t-elle lieu hors de "
                   "votre territoire ?",
                   "",
                   {{"non", "Non"},
                    {"hexagone", "Oui, dans l'Hexagone"},
                    {"outre-mer", "Oui, dans un autre territoire d'outre-mer"}}});
      q.push_back({Kind::kRadios, "mobilite_recue",
                   "Si oui : avez-vous déjà reçu une aide à la mobilité pour ce contrat ?", "",
                   kYesNo, "mobilite=hexagone|outre-mer"});
      q.push_back({Kind::kMoney,
                   "quotient",
                   "Si oui : quotient familial annuel de votre foyer",
                   "Il figure sur l'avis d'imposition ; LADOM le demande. Laissez vide si vous ne "
                   "le connaissez pas.",
                   {},
                   "mobilite=hexagone|outre-mer",
                   "off",
                   "€ par an",
                   true});
    }
    if (auto age = AgeAtStart(a); age && *age >= 18) {
      q.push_back({Kind::kRadios, "permis", "Préparez-vous le permis de conduire B ?", "", kYesNo});
      q.push_back({Kind::kRadios, "permis_aide",
                   "Si oui : avez-vous déjà reçu l'aide au permis des apprentis ?", "", kYesNo,
                   "permis=oui"});
    }
  } else if (step == "logement") {
    q.push_back({Kind::kRadios, "locataire",
                 "Payez-vous un loyer pour un logement près de votre travail ou de votre CFA ?", "",
                 kYesNo});
    q.push_back({Kind::kMoney,
                 "loyer",
                 "Si oui : loyer mensuel, aides au logement déduites",
                 "Par exemple : 350",
                 {},
                 "locataire=oui",
                 "off",
                 "€ par mois",
                 true});
    q.push_back({Kind::kRadios,
                 "prive",
                 "Si oui : votre employeur est-il une entreprise privée hors agriculture ?",
                 "Mobili-jeune est réservé aux salariés de ces entreprises.",
                 {{"oui", "Oui"}, {"non", "Non"}, {"nsp", "Je ne sais pas"}},
                 "locataire=oui"});
  }
  return q;
}

bool Applies(const std::string& step, const Answers& a) { return !QuestionsOf(step, a).empty(); }

// The problems of a step's answers, by key; empty when it can be left.
FieldErrors Validate(const std::string& step, const Answers& a) {
  FieldErrors e;
  if (step == "contrat") {
    RequireChoice(a, "contrat", QuestionsOf("contrat", a)[0].choices,
                  "Choisissez le type de contrat.", e);
    CheckContractDates(a, e);
    RequireChoice(a, "niveau", Levels(), "Choisissez le niveau du diplôme préparé.", e);
    RequireChoice(a, "territoire", Territories(), "Choisissez où se déroule le contrat.", e);
  } else if (step == "vous") {
    CheckBirthDate(a, e, true);
    RequireChoice(a, "rqth", kYesNo, "Répondez oui ou non.", e);
    if (!Get(a, "diplome").empty() && Get(a, "diplome") != "aucun" &&
        !IsChoice(Levels(), Get(a, "diplome")))
      e["diplome"] = "Choisissez votre diplôme le plus élevé.";
    if (Get(a, "contrat") == "professionnalisation")
      RequireChoice(a, "demandeur", kYesNo, "Répondez oui ou non.", e);
  } else if (step == "employeur") {
    if (!Get(a, "effectif").empty() && !ParseCount(Get(a, "effectif"), 1, 1000000))
      e["effectif"] = "Écrivez un nombre de salariés, par exemple 8, ou laissez vide.";
    CheckOptionalEuros(a, "salaire", 10000000, "850 ou 1 200,50", e);
  } else if (step == "deplacements") {
    if (Overseas(a)) {
      RequireChoice(a, "mobilite", QuestionsOf("deplacements", a)[0].choices,
                    "Choisissez une réponse.", e);
      if (Get(a, "mobilite") == "hexagone" || Get(a, "mobilite") == "outre-mer") {
        RequireChoice(a, "mobilite_recue", kYesNo, "Répondez oui ou non.", e);
        CheckOptionalEuros(a, "quotient", 100000000, "12 000", e);
      }
    }
    if (auto age = AgeAtStart(a); age && *age >= 18) {
      RequireChoice(a, "permis", kYesNo, "Répondez oui ou non.", e);
      if (Get(a, "permis") == "oui")
        RequireChoice(a, "permis_aide", kYesNo, "Répondez oui ou non.", e);
    }
  } else if (step == "logement") {
    RequireChoice(a, "locataire", kYesNo, "Répondez oui ou non.", e);
    if (Get(a, "locataire") == "oui") CheckOptionalEuros(a, "loyer", 10000000, "350", e);
  }
  return e;
}

// The situation the young person's answers describe (they have passed Validate()).
aids::Situation YoungSituation(const Answers& a) {
  aids::Situation s;
  s.territory = TerritoryOf(Get(a, "territoire"));
  auto& c = s.contract;
  c.kind = Get(a, "contrat") == "professionnalisation" ? aids::ContractKind::kProfessionalisation
                                                       : aids::ContractKind::kApprenticeship;
  c.starts_on = *ParseTypedDate(Get(a, "debut"));
  c.concluded_on = c.starts_on;
  c.ends_on = *ParseTypedDate(Get(a, "fin"));
  c.certification_level = std::stoi(Get(a, "niveau"));
  if (auto pay = ParseEuros(Get(a, "salaire"))) c.monthly_gross_cents = *pay;
  s.date = c.starts_on;
  auto& p = s.apprentice;
  p.birth_date = *ParseTypedDate(Get(a, "naissance"));
  p.rqth = Get(a, "rqth") == "oui";
  if (IsChoice(Levels(), Get(a, "diplome"))) p.highest_level_held = std::stoi(Get(a, "diplome"));
  p.job_seeker = c.kind == aids::ContractKind::kProfessionalisation && Get(a, "demandeur") == "oui";
  const bool overseas = aids::IsOverseas(s.territory);
  p.from_rsma_e2c_or_garantie_jeunes = overseas && Get(a, "rsma") == "oui";
  p.lives_in_qpv = overseas && Get(a, "qpv") == "oui";
  p.social_difficulties = overseas && Get(a, "difficultes") == "oui";
  const bool adult = AgeOn(p.birth_date, c.starts_on) >= 18;
  p.preparing_driving_licence = adult && Get(a, "permis") == "oui";
  p.received_driving_licence_aid = p.preparing_driving_licence && Get(a, "permis_aide") == "oui";
  p.tenant = Get(a, "locataire") == "oui";
  if (p.tenant) {
    if (auto rent = ParseEuros(Get(a, "loyer"))) p.monthly_rent_cents = *rent;
  }
  s.employer.headcount = ParseCount(Get(a, "effectif"), 1, 1000000).value_or(1);
  s.employer.private_non_agricultural = !(p.tenant && Get(a, "prive") == "non");
  if (overseas && (Get(a, "mobilite") == "hexagone" || Get(a, "mobilite") == "outre-mer")) {
    s.mobility.destination = Get(a, "mobilite") == "hexagone"
                                 ? aids::MobilityDestination::kHexagone
                                 : aids::MobilityDestination::kOtherOverseas;
    s.mobility.already_received_for_this_contract = Get(a, "mobilite_recue") == "oui";
    if (auto quotient = ParseEuros(Get(a, "quotient"))) p.household_quotient_cents = *quotient;
  }
  return s;
}

// The engine names situation fields ("contract.ends_on"); the forms name answers.
std::string AnswerKeyOf(const std::string& field) {
  static const std::map<std::string, std::string> map = {
      {"contract.starts_on", "debut"},
      {"contract.concluded_on", "debut"},
      {"contract.ends_on", "fin"},
      {"contract.certification_level", "niveau"},
      {"contract.monthly_gross_cents", "salaire"},
      {"apprentice.birth_date", "naissance"},
      {"apprentice.monthly_rent_cents", "loyer"},
      {"apprentice.household_quotient_cents", "quotient"},
      {"employer.headcount", "effectif"},
      {"funding.npec_yearly_cents", "npec"},
      {"territory", "territoire"},
      {"date", "debut"}};
  auto it = map.find(field);
  return it == map.end() ? "" : it->second;
}

std::string StepOfKey(const std::string& key, const Answers& a) {
  for (const auto& step : Steps()) {
    for (const auto& q : QuestionsOf(step.id, a)) {
      for (const auto& k : KeysOf(q))
        if (k == key) return step.id;
    }
  }
  return Steps().front().id;
}

// ---------- Results shared by both simulators ----------

struct Voice {
  bool apprentice;  // "vous avez 19 ans" rather than "l'apprenti a 19 ans"
};

std::string WhyPercent(const aids::PayPeriod& p, Voice voice) {
  const std::string base = p.base_is_agreement_minimum ? "du salaire minimum de la convention "
                                                         "collective"
                                                       : "du SMIC";
  return voice.apprentice
             ? fmt::format("{} % {} car vous avez {} ans et êtes en {} année de contrat.",
                           p.percent, base, p.age, Ordinal(p.contract_year))
             : fmt::format("{} % {} car l'apprenti a {} ans et est en {} année de contrat.",
                           p.percent, base, p.age, Ordinal(p.contract_year));
}

std::string PeriodText(aids::Periodicity period) {
  switch (period) {
    case aids::Periodicity::kOnce:
      return "en une fois";
    case aids::Periodicity::kMonthlyFirstYear:
      return "par mois, la 1re année";
    case aids::Periodicity::kMonthly:
      return "par mois";
    case aids::Periodicity::kYearly:
      return "par an";
    case aids::Periodicity::kPerNight:
      return "par nuit";
  }
  return "";
}

std::string AmountText(const aids::Aid& aid) {
  if (aid.amount_cents == 0 && aid.total_cents == 0) return "Montant non renseigné";
  const std::string up_to = aid.amount_is_maximum ? "jusqu'à " : "";
  if (aid.period == aids::Periodicity::kMonthlyFirstYear)  // the amount is the year's
    return up_to + Euros(aid.amount_cents) + " sur la 1re année, versés chaque mois";
  std::string text = up_to + Euros(aid.amount_cents) + " " + PeriodText(aid.period);
  if (aid.period != aids::Periodicity::kOnce && aid.total_cents > 0)
    text += ", soit " + Euros(aid.total_cents) + " sur le contrat";
  return text;
}

// What to do next for an aid, as the heading that groups it: who to ask, or that the
// employer receives it.
std::string NextStepOf(const aids::Aid& aid, Voice voice) {
  if (aid.id.rfind("opco-", 0) == 0)  // the training's funding: nobody has to ask for it
    return voice.apprentice ? "Votre formation, payée par l'OPCO à votre CFA"
                            : "La formation, payée par l'OPCO au CFA";
  if (aid.beneficiary == aids::Beneficiary::kEmployer)
    return voice.apprentice ? "Versées à votre employeur" : "Versées à l'employeur";
  const auto mentions = [](const std::string& s, const char* what) {
    return s.find(what) != std::string::npos;
  };
  if (aid.beneficiary == aids::Beneficiary::kCfa || mentions(aid.payer, "CFA") ||
      mentions(aid.how_to_ask, "votre CFA") || mentions(aid.how_to_ask, "Le CFA"))
    return voice.apprentice ? "À demander à votre CFA" : "À demander par le CFA de l'apprenti";
  std::string who = aid.payer.substr(0, std::min(aid.payer.find(" ("), aid.payer.find(",")));
  if (who.empty()) who = aid.payer;
  return "À demander à " + who;
}

void FillLegalRefs(Dict& dict, const std::vector<std::string>& refs) {
  if (!refs.empty()) dict.SetValueAndShowSection("REFS_TEXT", Join(refs, " ; "), "REFS");
}

void FillLines(Dict& dict, const char* section, const std::vector<std::string>& lines) {
  for (const auto& line : lines) dict.AddSectionDictionary(section)->SetValue("TEXT", line);
}

// partials/sim_pay.tpl: each pay period with why its minimum is what it is.
void FillPay(Dict& parent, const aids::Evaluation& e, Voice voice) {
  Dict* pay = parent.AddIncludeDictionary("PAY");
  pay->SetFilename("partials/sim_pay.tpl");
  for (const auto& p : e.pay) {
    Dict* d = pay->AddSectionDictionary("PERIOD");
    d->SetValue("FROM", LongDate(p.from));
    d->SetValue("TO", LongDate(p.to));
    d->SetValue("YEAR", Ordinal(p.contract_year));
    d->SetValue("AGE", std::to_string(p.age));
    d->SetValue("NET", Euros(p.net_monthly_cents));
    d->SetValue("GROSS", Euros(p.gross_monthly_cents));
    d->SetValue("MINIMUM", Euros(p.minimum_monthly_cents));
    d->SetValue("COST", Euros(p.employer_monthly_cost_cents));
    if (!voice.apprentice) d->ShowSection("EMPLOYER");
    d->SetValue("WHY", WhyPercent(p, voice) + " " +
                           fmt::format("Base : {} brut par mois.", Euros(p.base_monthly_cents)));
    if (p.gross_monthly_cents > p.minimum_monthly_cents) d->ShowSection("ABOVE_MINIMUM");
    FillLines(*d, "LINE", p.explanation);
    FillLegalRefs(*d, p.legal_refs);
  }
}

// How the result offers « Demander cette aide » for the aids people request here
// (aid_requests::IsRequestable): a form for young people, employers and CFAs, a link to log in
// for visitors, nothing for staff.
struct Asking {
  const Request* request = nullptr;
  std::string simulator;  // "mes-aides" or "cout-apprenti"
  Answers answers;
  std::string result_path;  // where a visitor comes back after logging in
  std::set<std::string> requestable;
};

Asking AskingFor(const Request& request, const WebServices& services, std::string simulator,
                 const Answers& answers, std::string result_path) {
  Asking asking{&request, std::move(simulator), answers, std::move(result_path), {}};
  for (const auto& definition : services.aids.rules()->aids)
    if (aid_requests::IsRequestable(definition)) asking.requestable.insert(definition.id);
  return asking;
}

void FillAsk(Dict& d, const aids::Aid& aid, const Asking& asking) {
  if (!aid.eligible || aid.amount_cents <= 0 || !asking.requestable.count(aid.id)) return;
  const auto& actor = asking.request->actor;
  if (!actor) {
    d.SetValueAndShowSection(
        "LOGIN_HREF", "/connexion?retour=" + text::UrlEncode(asking.result_path), "ASK_LOGIN");
    return;
  }
  const bool organisation =
      actor->role == people::Role::kEmployer || actor->role == people::Role::kCfa;
  if (actor->role != people::Role::kYoungPerson && !organisation) return;
  Dict* ask = d.AddSectionDictionary("ASK");
  ask->SetValue("CSRF", asking.request->CsrfToken());
  ask->SetValue("SIMULATOR", asking.simulator);
  ask->SetValue("ASK_AID", aid.id);
  if (organisation) ask->ShowSection("BENEFICIARY");
  KeepAnswers(*ask, asking.answers, {});
}

void FillAid(Dict& group, const aids::Aid& aid, const Asking& asking) {
  Dict* d = group.AddSectionDictionary("AID");
  FillAsk(*d, aid, asking);
  d->SetValue("AID_ID", aid.id);
  d->SetValue("NAME", aid.name);
  d->SetValue("AMOUNT", AmountText(aid));
  d->SetValue("PAYER", aid.payer);
  d->SetValue("HOW", aid.how_to_ask);
  if (!aid.conditions.empty()) d->ShowSection("HAS_CONDITIONS");
  for (const auto& c : aid.conditions) {
    Dict* cd = d->AddSectionDictionary("CONDITION");
    cd->SetValue("TEXT", c.sentence);
    cd->SetValue("STATE", c.met ? "met" : "missed");
    cd->SetValue("MARK", c.met ? "\u2713" : "\u2717");
    cd->SetValue("STATE_TEXT", c.met ? "Condition remplie" : "Condition non remplie");
    if (!c.legal_refs.empty())
      cd->SetValueAndShowSection("CREFS", Join(c.legal_refs, " ; "), "CONDITION_REFS");
  }
  FillLines(*d, "LINE", aid.explanation);
  FillLegalRefs(*d, aid.legal_refs);
}

// partials/sim_aids.tpl: the aids that apply, grouped by what to do next, then the others
// with the conditions they miss.
void FillAids(Dict& parent, const aids::Evaluation& e, Voice voice, const Asking& asking) {
  Dict* list = parent.AddIncludeDictionary("AIDS");
  list->SetFilename("partials/sim_aids.tpl");
  std::vector<std::string> order;
  std::map<std::string, std::vector<const aids::Aid*>> groups;
  std::vector<const aids::Aid*> not_eligible;
  for (const auto& aid : e.aids) {
    if (!aid.eligible) {
      not_eligible.push_back(&aid);
      continue;
    }
    const std::string key = NextStepOf(aid, voice);
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(&aid);
  }
  // A young person reads first what they ask for themselves; an employer, its own aids; the
  // training's funding comes last.
  std::stable_partition(order.begin(), order.end(), [&](const std::string& k) {
    return (k.rfind("Versées", 0) == 0) != voice.apprentice;
  });
  std::stable_partition(order.begin(), order.end(),
                        [](const std::string& k) { return k.find("OPCO") == std::string::npos; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    Dict* g = list->AddSectionDictionary("GROUP");
    g->SetValue("HEADING", order[i]);
    g->SetValue("GROUP_ID", fmt::format("groupe-{}", i + 1));
    for (const auto* aid : groups[order[i]]) FillAid(*g, *aid, asking);
  }
  if (order.empty()) list->ShowSection("NO_AIDS");
  if (!not_eligible.empty()) {
    Dict* n = list->AddSectionDictionary("NOT_ELIGIBLE");
    n->SetValue("COUNT", std::to_string(not_eligible.size()));
    for (const auto* aid : not_eligible) FillAid(*n, *aid, asking);
  }
}

// partials/sim_checks.tpl: the contract checks that failed and the engine's warnings.
void FillChecks(Dict& parent, const aids::Evaluation& e) {
  Dict* checks = parent.AddIncludeDictionary("CHECKS");
  checks->SetFilename("partials/sim_checks.tpl");
  std::vector<std::string> seen;
  for (const auto& check : e.checks) {
    if (check.ok) continue;
    Dict* d = checks->AddSectionDictionary("CHECK");
    d->SetValue("TEXT", check.sentence);
    FillLegalRefs(*d, check.legal_refs);
    seen.push_back(check.sentence);
  }
  for (const auto& warning : e.warnings) {
    if (std::find(seen.begin(), seen.end(), warning) != seen.end()) continue;
    checks->AddSectionDictionary("CHECK")->SetValue("TEXT", warning);
    seen.push_back(warning);
  }
  if (!seen.empty()) checks->ShowSection("CHECKS");
}

// The « keep this result » block: link, print, and the e-mail form (partials/sim_keep.tpl).
void FillKeep(Page& page, const Request& request, const std::string& simulator,
              const Answers& answers, const std::string& link, const FieldErrors& errors,
              const std::string& email) {
  page.Form();
  Dict* d = page.dict().AddIncludeDictionary("KEEP_RESULT");
  d->SetFilename("partials/sim_keep.tpl");
  d->SetValue("CSRF", request.CsrfToken());
  d->SetValue("LINK", link);
  d->SetValue("SIMULATOR", simulator);
  d->SetValue("EMAIL", email);
  KeepAnswers(*d, answers, {});
  if (auto it = errors.find("email"); it != errors.end()) {
    d->SetValueAndShowSection("MESSAGE", it->second, "INVALID");
  }
  if (request.Query("envoi") == "ok") d->ShowSection("SENT");
}

// ---------- « Quelles aides pour moi ? »: pages ----------

std::string YoungLink(const Site& site, const Answers& answers) {
  return site.public_url + kYoungPath + "?" + QueryOf(answers) + "&aller=" + kResult;
}

void AddAnswer(Dict& dict, const std::string& label, const std::string& value) {
  Dict* d = dict.AddSectionDictionary("ANSWER");
  d->SetValue("LABEL", label);
  d->SetValue("VALUE", value);
}

std::string AnswerText(const Question& q, const Answers& a) {
  if (q.kind == Kind::kCheckboxes) {
    std::vector<std::string> ticked;
    for (const auto& c : q.choices)
      if (Get(a, c.value) == "oui") ticked.push_back(c.label);
    return ticked.empty() ? "Rien de coché" : Join(ticked, " ; ");
  }
  const std::string value = Get(a, q.name);
  if (value.empty()) return q.kind == Kind::kCount ? "Je ne sais pas" : "Non renseigné";
  if (q.kind == Kind::kDate) {
    auto date = ParseTypedDate(value);
    return date ? FormatFrenchDate(*date) : value;
  }
  if (q.kind == Kind::kMoney) {
    auto cents = ParseEuros(value);
    return cents ? Euros(*cents) : value;
  }
  if (!q.choices.empty()) return ChoiceLabel(q.choices, value);
  return value;
}

// The answers, step by step, with a link to change each step.
void FillYoungAnswers(Dict& content, const Answers& a) {
  for (const auto& step : Steps()) {
    if (!Applies(step.id, a)) continue;
    Dict* s = content.AddSectionDictionary("ANSWER_STEP");
    s->SetValue("HEADING", step.heading);
    s->SetValue("HREF", std::string(kYoungPath) + "?" + QueryOf(a) + "&aller=" + step.id);
    for (const auto& q : QuestionsOf(step.id, a)) {
      if (!q.show_if.empty()) {
        const auto eq = q.show_if.find('=');
        const std::string wanted = q.show_if.substr(eq + 1);
        const std::string have = Get(a, q.show_if.substr(0, eq));
        if (have.empty() || (wanted != have && wanted.find(have + "|") == std::string::npos &&
                             wanted.find("|" + have) == std::string::npos))
          continue;
      }
      std::string label = q.label;
      if (label.rfind("Si oui : ", 0) == 0) {
        label = label.substr(9);
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      }
      AddAnswer(*s, label, AnswerText(q, a));
    }
  }
}

Response YoungStep(const Request& request, const WebServices& services, const Answers& answers,
                   const std::string& step_id, const FieldErrors& errors) {
  const auto& templates = services.templates;
  std::vector<const Step*> applicable;
  for (const auto& step : Steps())
    if (Applies(step.id, answers)) applicable.push_back(&step);
  const Step* step = &Steps()[StepIndex(step_id)];
  const auto position = std::find(applicable.begin(), applicable.end(), step) - applicable.begin();
  Page page(request,
            fmt::format("{} — {} (étape {} sur {})", kYoungTitle, step->heading, position + 1,
                        applicable.size()),
            "pages/simulator_step.tpl");
  page.Set("SIMULATOR", kYoungTitle);
  page.Set("ACTION", kYoungPath);
  page.Set("STEP", step->id);
  page.Set("NUMBER", std::to_string(position + 1));
  page.Set("TOTAL", std::to_string(applicable.size()));
  page.Set("HEADING", step->heading);
  page.Set("INTRO", step->intro);
  if (position > 0) page.Show("PREVIOUS");
  page.Set("NEXT_LABEL",
           position + 1 == static_cast<long>(applicable.size()) ? "Voir mes aides" : "Continuer");
  std::set<std::string> own;
  const auto questions = QuestionsOf(step->id, answers);
  for (const auto& q : questions)
    for (const auto& key : KeysOf(q)) own.insert(key);
  KeepAnswers(page.dict(), answers, own);
  if (!errors.empty()) {
    page.Errors(Error{ErrorCode::kInvalidArgument, "", errors});
  }
  // The usual answers are preselected: most contracts here are apprenticeships in Martinique.
  Answers shown = answers;
  shown.emplace("contrat", "apprentissage");
  shown.emplace("territoire", "972");
  for (const auto& q : questions) AddQuestion(page.dict(), q, shown, errors);
  if (position == 0) page.Show("RESUME_NOTE");
  return page.Render(templates, errors.empty() ? 200 : 422);
}

Response YoungResult(const Request& request, const WebServices& services, const Answers& answers,
                     const aids::Evaluation& e, const FieldErrors& mail_errors = {},
                     const std::string& email = "", int status = 200) {
  Page page(request, std::string(kYoungTitle) + " — Votre résultat",
            "pages/simulator_young_result.tpl");
  const Voice voice{true};
  const bool apprenticeship = Get(answers, "contrat") != "professionnalisation";
  page.Set("CONTRACT",
           apprenticeship ? "contrat d'apprentissage" : "contrat de professionnalisation");
  page.Set("FROM", LongDate(*ParseTypedDate(Get(answers, "debut"))));
  page.Set("TO", LongDate(*ParseTypedDate(Get(answers, "fin"))));
  page.Set("LEVEL", LevelPhrase(Get(answers, "niveau")));
  page.Set("TERRITORY", TerritoryLabel(Get(answers, "territoire")));
  if (!e.pay.empty()) {
    page.Set("FIRST_NET", Euros(e.pay.front().net_monthly_cents));
    page.Set("FIRST_GROSS", Euros(e.pay.front().gross_monthly_cents));
    page.Set("FIRST_WHY", WhyPercent(e.pay.front(), voice));
  }
  page.Set("SMIC", Euros(e.smic_monthly_cents));
  if (Get(answers, "effectif").empty()) page.Show("HEADCOUNT_ASSUMED");
  FillPay(page.dict(), e, voice);
  FillChecks(page.dict(), e);
  page.Form();
  FillAids(page.dict(), e, voice,
           AskingFor(request, services, "mes-aides", answers,
                     std::string(kYoungPath) + "?" + QueryOf(answers) + "&aller=" + kResult));
  FillYoungAnswers(page.dict(), answers);
  FillKeep(page, request, "mes-aides", answers, YoungLink(services.site, answers), mail_errors,
           email);
  if (!mail_errors.empty()) page.Errors(Error{ErrorCode::kInvalidArgument, "", mail_errors});
  return page.Render(services.templates, status);
}

// Validates every step before `target` and evaluates the result: the first step with a
// problem is shown with its messages instead.
struct YoungOutcome {
  std::string step;  // a step to show, or kResult
  FieldErrors errors;
  std::optional<aids::Evaluation> evaluation;
};

Result<YoungOutcome> YoungWalk(const WebServices& services, const Answers& answers,
                               const std::string& target) {
  const int target_index = target == kResult ? static_cast<int>(Steps().size()) : StepIndex(target);
  for (const auto& step : Steps()) {
    if (StepIndex(step.id) >= target_index) break;
    if (!Applies(step.id, answers)) continue;
    auto errors = Validate(step.id, answers);
    if (!errors.empty()) return YoungOutcome{step.id, errors, std::nullopt};
  }
  if (target != kResult) {
    // A step that does not apply to these answers: the next one that does.
    for (const auto& step : Steps())
      if (StepIndex(step.id) >= target_index && Applies(step.id, answers))
        return YoungOutcome{step.id, {}, std::nullopt};
    return YoungWalk(services, answers, kResult);
  }
  auto evaluation = services.aids.Simulate(YoungSituation(answers));
  if (!evaluation) {
    if (evaluation.error().code != ErrorCode::kInvalidArgument)
      return tl::unexpected(evaluation.error());
    FieldErrors errors;
    std::string first_step;
    for (const auto& [field, message] : evaluation.error().fields) {
      std::string key = AnswerKeyOf(field);
      if (key.empty()) key = "debut";
      errors.emplace(key, message);
      const std::string step = StepOfKey(key, answers);
      if (first_step.empty() || StepIndex(step) < StepIndex(first_step)) first_step = step;
    }
    if (errors.empty()) errors["debut"] = evaluation.error().message;
    if (first_step.empty()) first_step = "contrat";
    // Only the messages of the step shown: the others come back when it is left.
    std::erase_if(errors, [&](const auto& e) { return StepOfKey(e.first, answers) != first_step; });
    if (errors.empty()) errors["debut"] = "Ces dates ne permettent pas de faire le calcul.";
    return YoungOutcome{first_step, errors, std::nullopt};
  }
  return YoungOutcome{kResult, {}, std::move(*evaluation)};
}

Response YoungPage(const Request& request, const WebServices& services) {
  const Answers answers = AnswersFrom(request.query);
  const std::string current = request.Query("etape");
  const std::string go = request.Query("aller");
  const bool known_current = StepIndex(current) >= 0;
  std::string target = Steps().front().id;
  if (go == kResult || StepIndex(go) >= 0) {
    target = go;
  } else if (go == "precedent" && known_current) {
    // Back: the last step before this one that applies; answers are not checked.
    std::string previous = Steps().front().id;
    for (const auto& step : Steps())
      if (StepIndex(step.id) < StepIndex(current) && Applies(step.id, answers)) previous = step.id;
    return YoungStep(request, services, answers, previous, {});
  } else if (go == "suivant" && known_current) {
    target = kResult;
    for (const auto& step : Steps()) {
      if (StepIndex(step.id) > StepIndex(current) && Applies(step.id, answers)) {
        target = step.id;
        break;
      }
    }
  }
  // Going back to a step never shows errors; a first visit has none to show.
  if (target != kResult && StepIndex(target) <= StepIndex(current) && go != "suivant")
    return YoungStep(request, services, answers, target, {});
  auto outcome = YoungWalk(services, answers, target);
  if (!outcome) return ErrorResponse(request, services.templates, outcome.error());
  if (outcome->step == kResult)
    return YoungResult(request, services, answers, *outcome->evaluation);
  // A fresh link (nothing answered yet) starts without messages.
  if (answers.empty()) outcome->errors.clear();
  return YoungStep(request, services, answers, outcome->step, outcome->errors);
}

// ---------- « Combien coûte un apprenti ? » ----------

std::vector<Question> EmployerQuestions() {
  std::vector<Question> q;
  q.push_back({Kind::kDate, "debut", "Date de début du contrat", "Par exemple : 01/09/2025"});
  q.push_back({Kind::kDate, "fin", "Date de fin du contrat",
               "Le dernier jour du contrat, par exemple : 31/08/2027"});
  q.push_back(
      {Kind::kDate, "naissance", "Date de naissance de l'apprenti", "Par exemple : 15/03/2006"});
  q.push_back({Kind::kSelect, "niveau", "Niveau du diplôme préparé", "", Levels()});
  q.push_back({Kind::kCount, "effectif", "Nombre de salariés de l'entreprise",
               "Tout l'effectif, apprentis exclus. Par exemple : 8"});
  q.push_back({Kind::kRadios, "engagement",
               "Si 250 salariés ou plus : l'entreprise s'engage-t-elle à atteindre 5 % "
               "d'alternants ?",
               "L'aide de l'État n'est versée aux grandes entreprises qu'à cette condition.",
               kYesNo, "effectif=250+"});
  q.push_back({Kind::kSelect, "territoire", "Où se déroule le contrat ?", "", Territories()});
  q.push_back({Kind::kRadios, "rqth", "L'apprenti est-il reconnu travailleur handicapé (RQTH) ?",
               "", kYesNo});
  q.push_back({Kind::kMoney,
               "salaire",
               "Salaire brut mensuel prévu",
               "Laissez vide pour calculer avec le minimum légal.",
               {},
               "",
               "off",
               "€ brut par mois",
               true});
  q.push_back({Kind::kMoney,
               "npec",
               "Niveau de prise en charge (NPEC) de la formation",
               "Le montant annuel que l'OPCO verse au CFA pour ce diplôme ; le CFA le connaît. "
               "Laissez vide si vous ne le savez pas.",
               {},
               "",
               "off",
               "€ par an",
               true});
  return q;
}

FieldErrors ValidateEmployer(const Answers& a) {
  FieldErrors e;
  CheckContractDates(a, e);
  CheckBirthDate(a, e, false);
  RequireChoice(a, "niveau", Levels(), "Choisissez le niveau du diplôme préparé.", e);
  if (!ParseCount(Get(a, "effectif"), 1, 1000000))
    e["effectif"] = "Écrivez le nombre de salariés, par exemple 8.";
  RequireChoice(a, "territoire", Territories(), "Choisissez où se déroule le contrat.", e);
  if (!Get(a, "rqth").empty()) RequireChoice(a, "rqth", kYesNo, "Répondez oui ou non.", e);
  CheckOptionalEuros(a, "salaire", 10000000, "850 ou 1 200,50", e);
  CheckOptionalEuros(a, "npec", 100000000, "7 500", e);
  return e;
}

aids::Situation EmployerSituation(const Answers& a) {
  aids::Situation s;
  s.territory = TerritoryOf(Get(a, "territoire"));
  auto& c = s.contract;
  c.starts_on = *ParseTypedDate(Get(a, "debut"));
  c.concluded_on = c.starts_on;
  c.ends_on = *ParseTypedDate(Get(a, "fin"));
  c.certification_level = std::stoi(Get(a, "niveau"));
  if (auto pay = ParseEuros(Get(a, "salaire"))) c.monthly_gross_cents = *pay;
  s.date = c.starts_on;
  s.apprentice.birth_date = *ParseTypedDate(Get(a, "naissance"));
  s.apprentice.rqth = Get(a, "rqth") == "oui";
  s.employer.headcount = *ParseCount(Get(a, "effectif"), 1, 1000000);
  s.employer.commits_to_alternance_quota =
      s.employer.headcount >= 250 && Get(a, "engagement") == "oui";
  if (auto npec = ParseEuros(Get(a, "npec"))) s.funding.npec_yearly_cents = *npec;
  return s;
}

Response EmployerPage(const Request& request, const WebServices& services, const Answers& a,
                      const FieldErrors& mail_errors = {}, const std::string& email = "",
                      int mail_status = 200) {
  Page page(request, kEmployerTitle, "pages/simulator_employer.tpl");
  // The fragment survives the GET submission: on a phone the result shows, not the form.
  page.Set("ACTION", std::string(kEmployerPath) + "#resultat");
  const bool asked = request.Query("calcul") == "1" || !a.empty();
  FieldErrors errors = asked ? ValidateEmployer(a) : FieldErrors{};
  Answers shown = a;
  if (shown.empty()) shown = {{"territoire", "972"}, {"niveau", "4"}, {"rqth", "non"}};
  std::optional<aids::Evaluation> evaluation;
  if (asked && errors.empty()) {
    auto result = services.aids.Simulate(EmployerSituation(a));
    if (!result && result.error().code != ErrorCode::kInvalidArgument)
      return ErrorResponse(request, services.templates, result.error());
    if (!result) {
      for (const auto& [field, message] : result.error().fields) {
        const std::string key = AnswerKeyOf(field);
        errors.emplace(key.empty() ? "debut" : key, message);
      }
      if (errors.empty()) errors["debut"] = result.error().message;
    } else {
      evaluation = std::move(*result);
    }
  }
  if (!errors.empty()) page.Errors(Error{ErrorCode::kInvalidArgument, "", errors});
  for (const auto& q : EmployerQuestions()) {
    Question question = q;
    // The commitment question matters only from 250 employees; the script shows it then.
    if (question.name == "engagement") question.show_if = "effectif=250+";
    AddQuestion(page.dict(), question, shown, errors);
  }
  if (!evaluation) return page.Render(services.templates, errors.empty() ? 200 : 422);

  const aids::Evaluation& e = *evaluation;
  const Voice voice{false};
  Dict* r = page.dict().AddSectionDictionary("RESULT");
  r->SetValue("FROM", LongDate(*ParseTypedDate(Get(a, "debut"))));
  r->SetValue("TO", LongDate(*ParseTypedDate(Get(a, "fin"))));
  r->SetValue("TERRITORY", TerritoryLabel(Get(a, "territoire")));
  r->SetValue("LEVEL", LevelPhrase(Get(a, "niveau")));
  r->SetValue("TOTAL_COST", Euros(e.employer_total_cost_cents));
  r->SetValue("TOTAL_AIDS", Euros(e.employer_total_aids_cents));
  r->SetValue("TOTAL_REMAINING", Euros(e.employer_remaining_cost_cents));
  Cents opco = 0, gross = 0;
  for (const auto& y : e.years) {
    Dict* d = r->AddSectionDictionary("YEAR");
    d->SetValue("YEAR", Ordinal(y.contract_year));
    d->SetValue("FROM", FormatFrenchDate(y.from));
    d->SetValue("TO", FormatFrenchDate(y.to));
    d->SetValue("GROSS", Euros(y.gross_cents));
    d->SetValue("COST", Euros(y.employer_cost_cents));
    d->SetValue("AIDS", Euros(y.aids_cents));
    d->SetValue("REMAINING", Euros(y.remaining_cost_cents));
    d->SetValue("OPCO", y.opco_funding_cents == 0 && Get(a, "npec").empty()
                            ? "non chiffré"
                            : Euros(y.opco_funding_cents));
    opco += y.opco_funding_cents;
    gross += y.gross_cents;
  }
  r->SetValue("TOTAL_GROSS", Euros(gross));
  r->SetValue("TOTAL_OPCO", opco == 0 && Get(a, "npec").empty() ? "non chiffré" : Euros(opco));
  if (Get(a, "npec").empty()) r->ShowSection("NO_NPEC");
  FillPay(*r, e, voice);
  FillChecks(*r, e);
  page.Form();
  FillAids(*r, e, voice,
           AskingFor(request, services, "cout-apprenti", a,
                     std::string(kEmployerPath) + "?" + QueryOf(a) + "&calcul=1"));
  for (const auto& q : EmployerQuestions()) {
    if (q.name == "engagement" && ParseCount(Get(a, "effectif"), 1, 1000000).value_or(0) < 250)
      continue;
    std::string label = q.label;
    if (label.rfind("Si 250 salariés ou plus : ", 0) == 0) {
      label = label.substr(std::string_view("Si 250 salariés ou plus : ").size());
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    }
    AddAnswer(*r, label, AnswerText(q, a));
  }
  const std::string link =
      services.site.public_url + kEmployerPath + "?" + QueryOf(a) + "&calcul=1";
  FillKeep(page, request, "cout-apprenti", a, link, mail_errors, email);
  // The keep block belongs in the result section.
  return page.Render(services.templates, mail_errors.empty() ? 200 : mail_status);
}

// ---------- The mail ----------

std::string YoungMail(const Answers& a, const aids::Evaluation& e, const std::string& link) {
  const Voice voice{true};
  std::string body = fmt::format(
      "Bonjour,\n\nVoici le résultat de votre simulation « {} » sur Ici c'est ma place.\n\n"
      "Votre contrat : {} du {} au {}, {}, {}.\n\nVOTRE SALAIRE\n",
      kYoungTitle,
      Get(a, "contrat") == "professionnalisation" ? "contrat de professionnalisation"
                                                  : "contrat d'apprentissage",
      FormatFrenchDate(*ParseTypedDate(Get(a, "debut"))),
      FormatFrenchDate(*ParseTypedDate(Get(a, "fin"))), LevelLabel(Get(a, "niveau")),
      TerritoryLabel(Get(a, "territoire")));
  for (const auto& p : e.pay) {
    body += fmt::format("- du {} au {} : {} net par mois ({} brut). {}\n", FormatFrenchDate(p.from),
                        FormatFrenchDate(p.to), Euros(p.net_monthly_cents),
                        Euros(p.gross_monthly_cents), WhyPercent(p, voice));
  }
  body += "\nVOS AIDES\n";
  bool any = false;
  for (const auto& aid : e.aids) {
    if (!aid.eligible) continue;
    any = true;
    body += fmt::format("- {} : {}. {}.\n  {}\n", aid.name, AmountText(aid), NextStepOf(aid, voice),
                        aid.how_to_ask);
  }
  if (!any) body += "- Aucune aide ne correspond à ces réponses.\n";
  bool warned = false;
  for (const auto& check : e.checks) {
    if (check.ok) continue;
    if (!warned) body += "\nÀ VÉRIFIER\n";
    warned = true;
    body += "- " + check.sentence + "\n";
  }
  body += fmt::format(
      "\nLe détail, les conditions de chaque aide et vos réponses (modifiables) :\n{}\n\n"
      "Ce résultat est une simulation : il ne vaut pas accord des organismes qui versent les "
      "aides.\n",
      link);
  return body;
}

std::string EmployerMail(const Answers& a, const aids::Evaluation& e, const std::string& link) {
  std::string body = fmt::format(
      "Bonjour,\n\nVoici le résultat de votre simulation « {} » sur Ici c'est ma place.\n\n"
      "Contrat d'apprentissage du {} au {}, {}, {}, entreprise de {} salarié(s).\n\n"
      "ANNÉE PAR ANNÉE\n",
      kEmployerTitle, FormatFrenchDate(*ParseTypedDate(Get(a, "debut"))),
      FormatFrenchDate(*ParseTypedDate(Get(a, "fin"))), LevelLabel(Get(a, "niveau")),
      TerritoryLabel(Get(a, "territoire")), Get(a, "effectif"));
  for (const auto& y : e.years) {
    body += fmt::format(
        "- {} année ({} au {}) : salaire brut {}, coût employeur {}, aides {}, reste à charge "
        "{} ; prise en charge de la formation par l'OPCO {}\n",
        Ordinal(y.contract_year), FormatFrenchDate(y.from), FormatFrenchDate(y.to),
        Euros(y.gross_cents), Euros(y.employer_cost_cents), Euros(y.aids_cents),
        Euros(y.remaining_cost_cents), Euros(y.opco_funding_cents));
  }
  body += fmt::format("Sur tout le contrat : coût {}, aides {}, reste à charge {}.\n\nAIDES\n",
                      Euros(e.employer_total_cost_cents), Euros(e.employer_total_aids_cents),
                      Euros(e.employer_remaining_cost_cents));
  for (const auto& aid : e.aids) {
    if (!aid.eligible) continue;
    body += fmt::format("- {} : {}. {}\n", aid.name, AmountText(aid), aid.how_to_ask);
  }
  for (const auto& check : e.checks)
    if (!check.ok) body += "À vérifier : " + check.sentence + "\n";
  body += fmt::format(
      "\nLe détail de chaque montant et vos réponses (modifiables) :\n{}\n\n"
      "Ce résultat est une simulation : il ne vaut pas accord des organismes qui versent les "
      "aides.\n",
      link);
  return body;
}

Response SendResult(Request& request, const WebServices& services) {
  const std::string simulator = request.Form("simulateur");
  const Answers answers = AnswersFrom(request.form);
  const std::string email = request.Form("email");
  // The result the mail reports is computed again here: the mail says only what the
  // simulator says, whatever the form carried.
  const bool young = simulator == "mes-aides";
  if (!young && simulator != "cout-apprenti")
    return ErrorResponse(request, services.templates, 400);
  Result<aids::Evaluation> evaluation = Fail(ErrorCode::kInvalidArgument, "incomplete answers");
  if (young) {
    auto walk = YoungWalk(services, answers, kResult);
    if (!walk) return ErrorResponse(request, services.templates, walk.error());
    if (walk->evaluation) evaluation = std::move(*walk->evaluation);
  } else if (ValidateEmployer(answers).empty()) {
    evaluation = services.aids.Simulate(EmployerSituation(answers));
  }
  if (!evaluation) {
    if (evaluation.error().code != ErrorCode::kInvalidArgument)
      return ErrorResponse(request, services.templates, evaluation.error());
    return HtmlError(request, services.templates, 422,
                     "Les réponses de la simulation sont incomplètes : refaites-la, puis "
                     "demandez l'envoi.");
  }
  const std::string link =
      young ? YoungLink(services.site, answers)
            : services.site.public_url + kEmployerPath + "?" + QueryOf(answers) + "&calcul=1";
  const std::string subject =
      std::string("Votre simulation « ") + (young ? kYoungTitle : kEmployerTitle) + " »";
  auto sent = services.visitor_mail.Send(
      email, subject,
      young ? YoungMail(answers, *evaluation, link) : EmployerMail(answers, *evaluation, link),
      request.client_address);
  if (sent) {
    const std::string back =
        young ? std::string(kYoungPath) + "?" + QueryOf(answers) + "&aller=" + kResult +
                    "&envoi=ok#garder"
              : std::string(kEmployerPath) + "?" + QueryOf(answers) + "&calcul=1&envoi=ok#garder";
    return Redirect(back);
  }
  const Error& error = sent.error();
  if (error.code != ErrorCode::kInvalidArgument && error.code != ErrorCode::kResourceExhausted)
    return ErrorResponse(request, services.templates, error);
  FieldErrors errors = {{"email", error.fields.count("email") ? error.fields.at("email")
                                                              : "Adresse e-mail incorrecte."}};
  const int status = error.code == ErrorCode::kResourceExhausted ? 429 : 422;
  // The page is rendered for the answers posted, as if it had been asked by GET.
  Request shown = request;
  shown.query.clear();
  for (const auto& [key, value] : answers) shown.query.emplace_back(key, value);
  Response response =
      young ? YoungResult(shown, services, answers, *evaluation, errors, email, status)
            : EmployerPage(shown, services, answers, errors, email, status);
  if (status == 429 && error.fields.count("retry_after"))
    response.Header("Retry-After", error.fields.at("retry_after"));
  return response;
}

// « Demander cette aide »: the request starts from the answers posted, evaluated again
// here and by the service; no amount comes from the form.
Response AskForAid(Request& request, const WebServices& services) {
  const std::string simulator = request.Form("simulateur");
  const Answers answers = AnswersFrom(request.form);
  const bool young = simulator == "mes-aides";
  if (!young && simulator != "cout-apprenti")
    return ErrorResponse(request, services.templates, 400);
  std::optional<aids::Situation> situation;
  if (young) {
    auto walk = YoungWalk(services, answers, kResult);
    if (!walk) return ErrorResponse(request, services.templates, walk.error());
    if (walk->evaluation) situation = YoungSituation(answers);
  } else if (ValidateEmployer(answers).empty()) {
    situation = EmployerSituation(answers);
  }
  if (!situation)
    return HtmlError(request, services.templates, 422,
                     "Les réponses de la simulation sont incomplètes : refaites-la, puis "
                     "demandez l'aide.");
  aid_requests::StartInput input;
  input.aid_id = request.Form("aide");
  input.situation = *situation;
  input.beneficiary_name = request.Form("beneficiary_name");
  auto started = services.aid_requests.StartRequest(*request.actor, input);
  if (started) return Redirect(fmt::format("/mes-demandes/{}?info=creee", started->request.id));
  const Error& error = started.error();
  if (error.code == ErrorCode::kUnavailable || error.code == ErrorCode::kInternal)
    return ErrorResponse(request, services.templates, error);
  std::string text = error.message;
  if (!error.fields.empty()) text = error.fields.begin()->second;
  const std::string back =
      young ? std::string(kYoungPath) + "?" + QueryOf(answers) + "&aller=" + kResult + "#aides"
            : std::string(kEmployerPath) + "?" + QueryOf(answers) + "&calcul=1#resultat";
  Page page(request, "Demande impossible", "pages/message.tpl");
  page.Set("HEADING", "Cette demande ne peut pas être faite").Set("TEXT", text);
  auto* link = page.dict().AddSectionDictionary("LINK");
  link->SetValue("HREF", back);
  link->SetValue("LABEL", "Revenir au résultat");
  return page.Render(services.templates, HttpStatusFor(error.code));
}

}  // namespace

void AddSimulatorPages(Router& router, const WebServices& services) {
  router.Get("/simulateurs", Access::Public(), [&services](Request& request) {
    return Page(request, "Les simulateurs", "pages/simulators.tpl").Render(services.templates);
  });
  router.Get(kYoungPath, Access::Public(),
             [&services](Request& request) { return YoungPage(request, services); });
  router.Get(kEmployerPath, Access::Public(), [&services](Request& request) {
    return EmployerPage(request, services, AnswersFrom(request.query));
  });
  router.Post("/simulateurs/envoyer", Access::Public(),
              [&services](Request& request) { return SendResult(request, services); });
  router.Post(
      "/simulateurs/demander",
      Access::Roles({people::Role::kYoungPerson, people::Role::kEmployer, people::Role::kCfa}),
      [&services](Request& request) { return AskForAid(request, services); });
}

}  // namespace maplace::web
