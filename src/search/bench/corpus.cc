#include "search/bench/corpus.h"

#include <array>
#include <random>

namespace maplace::search::bench {
namespace {

struct Job {
  const char* rome;
  std::vector<const char*> titles;  // masculine / feminine / variants
  std::vector<const char*> words;   // the vocabulary of its descriptions
  std::vector<const char*> trainings;
};

// About forty jobs young people apply for in alternance, with their ROME codes.
const std::vector<Job>& Jobs() {
  static const std::vector<Job> jobs = {
      {"H2913",
       {"Soudeur", "Soudeuse", "Soudeur TIG", "Soudeuse MIG MAG", "Soudeur industriel"},
       {"soudure à l'arc", "pièces métalliques", "lecture de plans", "chaudronnerie", "inox",
        "atelier"},
       {"CAP Réalisations industrielles en chaudronnerie",
        "Titre professionnel Soudeur assembleur"}},
      {"H2911",
       {"Chaudronnier", "Chaudronnière", "Tuyauteur industriel"},
       {"tôlerie", "assemblage", "découpe plasma", "cintrage", "atelier", "structures métalliques"},
       {"Bac pro Technicien en chaudronnerie industrielle"}},
      {"G1602",
       {"Cuisinier", "Cuisinière", "Commis de cuisine", "Chef de partie"},
       {"cuisine traditionnelle", "produits frais", "restaurant", "mise en place", "hygiène HACCP",
        "cuisine créole"},
       {"CAP Cuisine", "BP Arts de la cuisine", "Bac pro Cuisine"}},
      {"G1803",
       {"Serveur", "Serveuse", "Commis de salle", "Chef de rang"},
       {"service en salle", "accueil des clients", "restaurant", "terrasse", "encaissement",
        "brasserie"},
       {"CAP Commercialisation et services en HCR",
        "Bac pro Commercialisation et services en restauration"}},
      {"D1102",
       {"Boulanger", "Boulangère", "Ouvrier boulanger"},
       {"pain au levain", "viennoiseries", "pétrissage", "four", "fournil",
        "boulangerie artisanale"},
       {"CAP Boulanger", "BP Boulanger", "Mention complémentaire Boulangerie spécialisée"}},
      {"D1104",
       {"Pâtissier", "Pâtissière", "Commis pâtissier"},
       {"entremets", "chocolat", "pâtisserie fine", "laboratoire", "desserts à l'assiette",
        "viennoiseries"},
       {"CAP Pâtissier", "BTM Pâtissier confiseur glacier traiteur"}},
      {"D1106",
       {"Vendeur en alimentation", "Vendeuse en boulangerie", "Employé de rayon"},
       {"vente", "conseil client", "caisse", "mise en rayon", "magasin", "commerce de proximité"},
       {"CAP Équipier polyvalent du commerce", "Bac pro Métiers du commerce et de la vente"}},
      {"D1214",
       {"Vendeur en prêt-à-porter", "Vendeuse en habillement", "Conseiller de vente"},
       {"vente", "boutique", "textile", "conseil client", "vitrine", "objectifs commerciaux"},
       {"Bac pro Métiers du commerce et de la vente", "BTS Management commercial opérationnel"}},
      {"D1507",
       {"Employé de libre-service", "Employée de libre-service", "Équipier de magasin"},
       {"réassort", "mise en rayon", "grande distribution", "supermarché", "inventaire", "caisse"},
       {"CAP Équipier polyvalent du commerce"}},
      {"F1602",
       {"Électricien du bâtiment", "Électricienne du bâtiment", "Électricien",
        "Électricien de chantier"},
       {"installations électriques", "tableaux électriques", "chantier", "câblage",
        "logements neufs", "habilitation électrique"},
       {"CAP Électricien", "Bac pro Métiers de l'électricité et de ses environnements connectés",
        "BTS Électrotechnique"}},
      {"F1603",
       {"Plombier", "Plombière", "Plombier chauffagiste", "Installateur sanitaire"},
       {"plomberie", "chauffage", "sanitaire", "dépannage", "chantier", "soudure cuivre"},
       {"CAP Monteur en installations sanitaires",
        "Bac pro Installateur en chauffage climatisation et énergies renouvelables"}},
      {"F1703",
       {"Maçon", "Maçonne", "Maçon VRD", "Ouvrier maçon"},
       {"maçonnerie", "gros œuvre", "coffrage", "béton", "chantier", "parpaings"},
       {"CAP Maçon", "BP Maçon", "Titre professionnel Maçon"}},
      {"F1607",
       {"Menuisier", "Menuisière", "Menuisier poseur", "Menuisier agenceur"},
       {"menuiserie", "bois", "pose de fenêtres", "atelier", "agencement", "usinage"},
       {"CAP Menuisier fabricant", "BP Menuisier", "Bac pro Technicien menuisier agenceur"}},
      {"F1606",
       {"Peintre en bâtiment", "Peintre décorateur", "Peintre applicateur"},
       {"peinture", "enduits", "revêtements muraux", "chantier", "finitions",
        "ravalement de façade"},
       {"CAP Peintre applicateur de revêtements"}},
      {"F1610",
       {"Couvreur", "Couvreuse", "Couvreur zingueur"},
       {"toiture", "charpente", "zinguerie", "travail en hauteur", "chantier", "étanchéité"},
       {"CAP Couvreur"}},
      {"I1604",
       {"Mécanicien automobile", "Mécanicienne automobile", "Mécanicien poids lourds"},
       {"entretien des véhicules", "diagnostic", "garage", "pneumatiques", "vidange",
        "électronique embarquée"},
       {"CAP Maintenance des véhicules", "Bac pro Maintenance des véhicules",
        "BTS Maintenance des véhicules"}},
      {"I1304",
       {"Technicien de maintenance industrielle", "Technicienne de maintenance",
        "Électromécanicien"},
       {"maintenance préventive", "dépannage", "automatismes", "usine", "hydraulique",
        "électromécanique"},
       {"Bac pro Maintenance des systèmes de production connectés",
        "BTS Maintenance des systèmes"}},
      {"N1103",
       {"Préparateur de commandes", "Préparatrice de commandes", "Magasinier"},
       {"entrepôt", "logistique", "préparation de commandes", "réception des marchandises",
        "inventaire", "scanner"},
       {"CAP Opérateur logistique", "Bac pro Logistique"}},
      {"N1101",
       {"Cariste", "Conducteur de chariot élévateur", "Conductrice d'engins"},
       {"CACES", "chariot élévateur", "entrepôt", "quai de chargement", "logistique", "palettes"},
       {"Titre professionnel Agent magasinier", "CACES R489"}},
      {"N4101",
       {"Chauffeur poids lourds", "Conducteur routier", "Conductrice routière"},
       {"transport de marchandises", "permis C", "livraisons", "tournées régionales", "FIMO",
        "tachygraphe"},
       {"Titre professionnel Conducteur du transport routier de marchandises"}},
      {"M1607",
       {"Secrétaire", "Assistant administratif", "Assistante administrative"},
       {"accueil téléphonique", "gestion des agendas", "courriers", "classement", "bureautique",
        "saisie"},
       {"Bac pro Assistance à la gestion des organisations", "BTS Support à l'action managériale"}},
      {"M1203",
       {"Comptable", "Assistant comptable", "Assistante comptable"},
       {"comptabilité", "saisie des factures", "rapprochements bancaires", "déclarations de TVA",
        "cabinet comptable", "paie"},
       {"BTS Comptabilité et gestion", "DCG Diplôme de comptabilité et de gestion"}},
      {"M1805",
       {"Développeur web", "Développeuse web", "Développeur informatique",
        "Développeur full stack"},
       {"développement web", "JavaScript", "bases de données", "applications mobiles",
        "informatique", "méthodes agiles"},
       {"BTS Services informatiques aux organisations",
        "Titre professionnel Développeur web et web mobile", "BUT Informatique"}},
      {"M1810",
       {"Technicien informatique", "Technicienne support", "Technicien réseaux"},
       {"support utilisateurs", "réseaux", "parc informatique", "installation de postes",
        "informatique", "maintenance"},
       {"BTS Systèmes numériques", "Titre professionnel Technicien d'assistance informatique"}},
      {"J1501",
       {"Aide-soignant", "Aide-soignante"},
       {"soins d'hygiène", "patients", "EHPAD", "hôpital", "confort des résidents",
        "équipe soignante"},
       {"Diplôme d'État d'aide-soignant"}},
      {"K1302",
       {"Aide à domicile", "Auxiliaire de vie", "Assistant de vie aux familles"},
       {"personnes âgées", "maintien à domicile", "aide aux repas", "entretien du logement",
        "accompagnement", "autonomie"},
       {"Titre professionnel Assistant de vie aux familles",
        "DEAES Accompagnant éducatif et social"}},
      {"D1202",
       {"Coiffeur", "Coiffeuse", "Coiffeur mixte"},
       {"coupe", "coloration", "brushing", "salon de coiffure", "conseil client",
        "soins capillaires"},
       {"CAP Métiers de la coiffure", "BP Coiffure"}},
      {"D1208",
       {"Esthéticienne", "Esthéticien", "Estheticienne cosméticienne"},
       {"soins du visage", "épilation", "institut de beauté", "maquillage", "modelages", "spa"},
       {"CAP Esthétique cosmétique parfumerie", "BP Esthétique"}},
      {"A1203",
       {"Jardinier paysagiste", "Jardinière paysagiste", "Ouvrier paysagiste"},
       {"espaces verts", "tonte", "taille des haies", "plantations", "arrosage",
        "aménagement paysager"},
       {"CAPa Jardinier paysagiste", "Bac pro Aménagements paysagers"}},
      {"A1414",
       {"Ouvrier agricole", "Ouvrière agricole", "Agent de culture bananière"},
       {"banane", "canne à sucre", "récolte", "exploitation agricole", "tracteur", "maraîchage"},
       {"CAPa Métiers de l'agriculture", "Bac pro Conduite et gestion de l'entreprise agricole"}},
      {"K2503",
       {"Agent de sécurité", "Agente de sécurité", "Agent de sûreté"},
       {"surveillance", "rondes", "contrôle d'accès", "télésurveillance", "sécurité incendie",
        "SSIAP"},
       {"Titre professionnel Agent de sûreté et de sécurité privée", "CAP Agent de sécurité"}},
      {"K2204",
       {"Agent d'entretien", "Agente de propreté", "Agent de nettoyage"},
       {"nettoyage", "entretien des locaux", "bureaux", "produits d'entretien", "vitrerie",
        "propreté"},
       {"CAP Agent de propreté et d'hygiène"}},
      {"G1703",
       {"Réceptionniste", "Réceptionniste d'hôtel", "Agent de réservation"},
       {"accueil des clients", "hôtel", "réservations", "anglais", "check-in", "tourisme"},
       {"BTS Management en hôtellerie restauration", "Bac pro Hôtellerie"}},
      {"D1401",
       {"Conseiller clientèle", "Téléconseiller", "Téléconseillère"},
       {"relation client", "appels entrants", "centre de contacts", "fidélisation", "CRM",
        "réclamations"},
       {"BTS Négociation et digitalisation de la relation client"}},
      {"E1205",
       {"Graphiste", "Infographiste", "Designer graphique"},
       {"création graphique", "PAO", "communication visuelle", "maquettes", "identité visuelle",
        "print"},
       {"BTS Communication", "DN MADE Graphisme"}},
      {"G1204",
       {"Animateur", "Animatrice", "Animateur sportif"},
       {"animation", "activités sportives", "enfants", "centre de loisirs", "projets pédagogiques",
        "BAFA"},
       {"BPJEPS Animation sociale", "BPJEPS Activités physiques pour tous"}},
      {"J1506",
       {"Infirmier", "Infirmière"},
       {"soins infirmiers", "patients", "hôpital", "clinique", "protocoles", "équipe soignante"},
       {"Diplôme d'État d'infirmier"}},
      {"J1307",
       {"Préparateur en pharmacie", "Préparatrice en pharmacie"},
       {"officine", "délivrance des médicaments", "ordonnances", "parapharmacie", "conseil",
        "gestion des stocks"},
       {"BP Préparateur en pharmacie", "DEUST Préparateur technicien en pharmacie"}},
      {"H2102",
       {"Conducteur de ligne", "Conductrice de ligne", "Opérateur de production"},
       {"ligne de production", "conditionnement", "agroalimentaire", "rhum", "réglages",
        "contrôle qualité"},
       {"Bac pro Pilote de ligne de production", "CQP Conducteur de ligne"}},
      {"I1310",
       {"Mécanicien d'engins", "Technicien d'engins de chantier"},
       {"engins de chantier", "hydraulique", "diagnostic", "moteurs diesel", "atelier", "BTP"},
       {"CAP Maintenance des matériels", "BTS Maintenance des matériels de construction"}},
  };
  return jobs;
}

// Extra appellations for ROME codes no offer uses, so that general words head many codes.
constexpr std::array<std::pair<const char*, const char*>, 12> kOtherTitles = {{
    {"K1303", "Agent d'accueil social"},
    {"K2112", "Agent de développement local"},
    {"N1201", "Agent de transit"},
    {"K1701", "Agent de police municipale"},
    {"M1401", "Agent d'enquêtes"},
    {"K2303", "Agent de déchèterie"},
    {"A1101", "Agent de conduite d'engins agricoles"},
    {"K1207", "Agent d'insertion"},
    {"H3302", "Agent de fabrication"},
    {"F1502", "Monteur de structures métalliques"},
    {"J1305", "Aide médico-psychologique"},
    {"K2501", "Agent de gardiennage"},
}};

constexpr const char* kOpenings[] = {
    "Nous recherchons un apprenti motivé pour rejoindre notre équipe.",
    "Entreprise familiale en pleine croissance, nous accueillons un alternant.",
    "Au sein d'une équipe dynamique, vous serez formé par un tuteur expérimenté.",
    "Vous préparez un diplôme en alternance et souhaitez apprendre un métier ?",
    "Rejoignez une structure reconnue dans son secteur.",
    "Poste à pourvoir en contrat d'alternance, débutants acceptés.",
};
constexpr const char* kMissions[] = {
    "Vous participerez à %s et à %s.",
    "Vos missions : %s, %s, dans le respect des consignes de sécurité.",
    "Vous serez chargé de %s ainsi que de %s.",
    "Au quotidien, vous assurerez %s et %s.",
};
constexpr const char* kClosings[] = {
    "Horaires de journée, du lundi au vendredi.",
    "Travail le week-end possible selon le planning.",
    "Permis B apprécié, véhicule conseillé.",
    "Rémunération selon la grille de l'alternance, tickets restaurant.",
    "Curiosité, ponctualité et goût du travail bien fait sont attendus.",
    "Possibilité d'embauche à l'issue du contrat.",
    "Les candidatures des personnes en situation de handicap sont les bienvenues.",
};

struct Commune {
  const char* insee;
  const char* name;
  double lat;
  double lon;
  int weight;  // rough population share
};
constexpr Commune kCommunes[] = {
    {"97209", "Fort-de-France", 14.6037, -61.0742, 8},
    {"97213", "Le Lamentin", 14.6097, -61.0036, 4},
    {"97229", "Schœlcher", 14.6147, -61.0906, 2},
    {"97224", "Ducos", 14.5750, -60.9747, 2},
    {"97230", "La Trinité", 14.7378, -60.9622, 1},
    {"97227", "Sainte-Anne", 14.4366, -60.8815, 1},
    {"97222", "Le Robert", 14.6774, -60.9397, 2},
    {"97212", "Grand'Rivière", 14.8725, -61.1786, 1},
    {"97101", "Les Abymes", 16.2710, -61.5047, 4},
    {"97120", "Pointe-à-Pitre", 16.2411, -61.5331, 2},
    {"97411", "Saint-Denis", 20.8823, 55.4504, 6},
    {"97416", "Saint-Pierre", 21.3393, 55.4781, 3},
    {"97302", "Cayenne", 4.9224, -52.3135, 3},
    {"75056", "Paris", 48.8566, 2.3522, 40},
    {"13055", "Marseille", 43.2965, 5.3698, 16},
    {"69123", "Lyon", 45.7640, 4.8357, 10},
    {"31555", "Toulouse", 43.6047, 1.4442, 9},
    {"06088", "Nice", 43.7102, 7.2620, 6},
    {"44109", "Nantes", 47.2184, -1.5536, 6},
    {"67482", "Strasbourg", 48.5734, 7.7521, 5},
    {"34172", "Montpellier", 43.6108, 3.8767, 5},
    {"33063", "Bordeaux", 44.8378, -0.5792, 5},
    {"59350", "Lille", 50.6292, 3.0573, 5},
    {"35238", "Rennes", 48.1173, -1.6778, 4},
    {"51454", "Reims", 49.2583, 4.0317, 3},
    {"83137", "Toulon", 43.1242, 5.9280, 3},
    {"42218", "Saint-Étienne", 45.4397, 4.3872, 3},
    {"76351", "Le Havre", 49.4944, 0.1079, 3},
    {"38185", "Grenoble", 45.1885, 5.7245, 3},
    {"21231", "Dijon", 47.3220, 5.0415, 3},
    {"49007", "Angers", 47.4784, -0.5632, 3},
    {"30189", "Nîmes", 43.8367, 4.3601, 3},
    {"63113", "Clermont-Ferrand", 45.7772, 3.0870, 3},
    {"72181", "Le Mans", 48.0061, 0.1996, 3},
    {"29019", "Brest", 48.3904, -4.4861, 3},
    {"37261", "Tours", 47.3941, 0.6848, 3},
    {"80021", "Amiens", 49.8941, 2.2958, 2},
    {"87085", "Limoges", 45.8336, 1.2611, 2},
    {"74010", "Annecy", 45.8992, 6.1294, 2},
    {"66136", "Perpignan", 42.6887, 2.8948, 2},
    {"57463", "Metz", 49.1193, 6.1757, 2},
    {"25056", "Besançon", 47.2378, 6.0241, 2},
    {"45234", "Orléans", 47.9030, 1.9093, 2},
    {"14118", "Caen", 49.1829, -0.3707, 2},
    {"68224", "Mulhouse", 47.7508, 7.3359, 2},
    {"76540", "Rouen", 49.4432, 1.0999, 2},
    {"54395", "Nancy", 48.6921, 6.1844, 2},
    {"64445", "Pau", 43.2951, -0.3708, 2},
    {"17300", "La Rochelle", 46.1603, -1.1511, 1},
    {"86194", "Poitiers", 46.5802, 0.3404, 1},
    {"2A004", "Ajaccio", 41.9192, 8.7386, 1},
    {"15014", "Aurillac", 44.9264, 2.4396, 1},
    {"23096", "Guéret", 46.1710, 1.8713, 1},
    {"05061", "Gap", 44.5594, 6.0786, 1},
};

constexpr const char* kQualifiers[] = {
    "", "", "", " H/F", " (H/F)", " en alternance", " apprenti", " - contrat d'apprentissage"};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {
    for (const auto& c : kCommunes) commune_weights_.push_back(c.weight);
    pick_commune_ =
        std::discrete_distribution<std::size_t>(commune_weights_.begin(), commune_weights_.end());
  }
  std::size_t Below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  double Uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }
  bool Chance(double p) { return Uniform(0, 1) < p; }
  template <typename T, std::size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  const Commune& PickCommune() { return kCommunes[pick_commune_(rng_)]; }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
  std::vector<int> commune_weights_;
  std::discrete_distribution<std::size_t> pick_commune_;
};

std::string Format2(const char* pattern, const std::string& a, const std::string& b) {
  std::string out;
  const std::string_view p(pattern);
  const auto first = p.find("%s");
  const auto second = p.find("%s", first + 2);
  out.append(p.substr(0, first)).append(a).append(p.substr(first + 2, second - first - 2));
  out.append(b).append(p.substr(second + 2));
  return out;
}

// Employment areas: the department and one of four zones, so that an area spans communes.
std::string AreaOf(const Commune& commune, std::size_t zone) {
  return std::string(commune.insee).substr(0, 3) + std::to_string(zone % 4);
}

void PlaceDocument(Generator& g, Document& d) {
  const Commune& commune = g.PickCommune();
  d.commune = commune.insee;
  // Within about 15 km of the commune's centre.
  d.latitude = commune.lat + g.Uniform(-0.12, 0.12);
  d.longitude = commune.lon + g.Uniform(-0.12, 0.12);
  d.area = AreaOf(commune, g.Below(4));
}

constexpr std::int64_t kNow = 1'795'000'000;  // 2026-11-18
constexpr std::int32_t kToday = static_cast<std::int32_t>(kNow / 86400);

}  // namespace

std::string_view QueryClassName(QueryClass c) {
  switch (c) {
    case QueryClass::kWords:
      return "words";
    case QueryClass::kWordsAndFilters:
      return "words+filters";
    case QueryClass::kPrefix:
      return "prefix";
    case QueryClass::kTypo:
      return "typo";
    case QueryClass::kPlace:
      return "place";
  }
  return "words";
}

Corpus MakeCorpus(std::size_t offers, std::size_t trainings, std::uint64_t seed) {
  Generator g(seed);
  Corpus corpus;
  const auto& jobs = Jobs();
  for (const auto& job : jobs) {
    // Appellations as in the ROME: "Soudeur / Soudeuse" pairs and the single variants.
    for (std::size_t i = 0; i < job.titles.size(); ++i) {
      std::string title = job.titles[i];
      if (i + 1 < job.titles.size() && i % 2 == 0) title += std::string(" / ") + job.titles[i + 1];
      corpus.job_titles.emplace_back(job.rome, title);
    }
  }
  for (const auto& [code, title] : kOtherTitles) corpus.job_titles.emplace_back(code, title);

  corpus.documents.reserve(offers + trainings);
  for (std::size_t i = 0; i < offers + trainings; ++i) {
    const bool training = i >= offers;
    const Job& job = jobs[g.Below(jobs.size())];
    Document d;
    d.id = static_cast<std::int64_t>(i + 1);
    d.kind = training ? DocKind::kTraining : DocKind::kOffer;
    d.rome_codes = {job.rome};
    if (training) {
      d.title = g.Pick(job.trainings);
      const std::string_view t(d.title);
      d.level = t.starts_with("CAP")                          ? 3
                : t.starts_with("Bac") || t.starts_with("BP") ? 4
                : t.starts_with("BTS") || t.starts_with("DE") ? 5
                : t.starts_with("BUT")                        ? 6
                                                              : 4;
      d.text = std::string("Formation en apprentissage préparant au métier de ") + job.titles[0] +
               ". " + g.Pick(job.words) + ", " + g.Pick(job.words) + " et " + g.Pick(job.words) +
               ". Rythme : deux semaines en entreprise, une semaine au CFA. " + g.Pick(kClosings);
      d.contract = ContractKind::kApprenticeship;
    } else {
      d.title = std::string(g.Pick(job.titles)) + g.Pick(kQualifiers);
      d.level = std::array{3, 3, 4, 4, 5, 5, 6, 7}[g.Below(8)];
      d.text = std::string(g.Pick(kOpenings)) + " " +
               Format2(g.Pick(kMissions), g.Pick(job.words), g.Pick(job.words)) + " " +
               Format2(g.Pick(kMissions), g.Pick(job.words), g.Pick(job.words)) + " " +
               g.Pick(kClosings) + " " + g.Pick(kClosings);
      d.contract =
          g.Chance(0.75) ? ContractKind::kApprenticeship : ContractKind::kProfessionalisation;
    }
    if (g.Chance(0.15) && d.level != 0) d.level = 0;
    PlaceDocument(g, d);
    d.start_day = g.Chance(0.3) ? 0 : kToday + static_cast<std::int32_t>(g.Below(300));
    d.published_at = kNow - static_cast<std::int64_t>(g.Below(90 * 86400));
    d.applications = static_cast<std::uint32_t>(g.Below(40));
    corpus.documents.push_back(std::move(d));
  }
  return corpus;
}

std::vector<BenchQuery> MakeQueries(std::size_t count, std::uint64_t seed) {
  Generator g(seed);
  const auto& jobs = Jobs();
  // Words people type: job titles' words and description words.
  auto job_word = [&] {
    const Job& job = jobs[g.Below(jobs.size())];
    std::string source = g.Chance(0.6) ? std::string(g.Pick(job.titles)) : g.Pick(job.words);
    // First word of at least four letters.
    std::string word;
    std::size_t start = 0;
    while (start < source.size()) {
      auto end = source.find_first_of(" '-", start);
      if (end == std::string::npos) end = source.size();
      if (end - start >= 4) {
        word = source.substr(start, end - start);
        break;
      }
      start = end + 1;
    }
    return word.empty() ? std::string(job.titles[0]) : word;
  };
  auto add_filters = [&](Query& q) {
    switch (g.Below(4)) {
      case 0:
        q.levels = {static_cast<int>(3 + g.Below(3))};
        break;
      case 1:
        q.contracts = {ContractKind::kApprenticeship};
        break;
      case 2:
        q.kinds = {g.Chance(0.7) ? DocKind::kOffer : DocKind::kTraining};
        break;
      default:
        q.levels = {4, 5};
        q.kinds = {DocKind::kOffer};
        break;
    }
  };
  std::vector<BenchQuery> queries;
  for (std::size_t i = 0; i < count; ++i) {
    BenchQuery b{};
    Query& q = b.query;
    q.now = 0;
    const auto roll = g.Below(100);
    if (roll < 25) {
      b.kind = QueryClass::kWords;
      q.text = job_word();
      if (g.Chance(0.4)) q.text += " " + job_word();
      q.text += " ";
    } else if (roll < 45) {
      b.kind = QueryClass::kWordsAndFilters;
      q.text = job_word() + " ";
      add_filters(q);
    } else if (roll < 60) {
      b.kind = QueryClass::kPrefix;
      const std::string w = job_word();
      // Prefixes cut on bytes may split an accented letter: cut on ASCII only.
      std::size_t n = std::min<std::size_t>(w.size(), 3 + g.Below(4));
      while (n < w.size() && (static_cast<unsigned char>(w[n]) & 0xC0) == 0x80) ++n;
      q.text = w.substr(0, n);
    } else if (roll < 70) {
      b.kind = QueryClass::kTypo;
      std::string w = job_word();
      while (w.size() < 5) w = job_word();
      const std::size_t at = 1 + g.Below(w.size() - 2);
      if (static_cast<unsigned char>(w[at]) < 0x80 && static_cast<unsigned char>(w[at + 1]) < 0x80)
        std::swap(w[at], w[at + 1]);  // a swap, the commonest typo on a phone
      else
        w.erase(at, 1);
      q.text = w + " ";
    } else {
      b.kind = QueryClass::kPlace;
      const Commune& c = g.PickCommune();
      b.commune = c.insee;
      q.has_place = true;
      q.latitude = c.lat;
      q.longitude = c.lon;
      q.radius_km = std::array{10.0, 20.0, 30.0, 50.0}[g.Below(4)];
      if (g.Chance(0.8)) q.text = job_word() + " ";
      if (g.Chance(0.6)) add_filters(q);
      if (g.Chance(0.5)) q.sort = Sort::kDistance;
    }
    queries.push_back(std::move(b));
  }
  return queries;
}

}  // namespace maplace::search::bench
