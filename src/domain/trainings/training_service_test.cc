#include "domain/trainings/training_service.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "core/text.h"
#include "domain/fakes/in_memory_store.h"
#include "domain/reference/tables.h"

namespace maplace::trainings {
namespace {

using people::Actor;
using people::MemberRole;
using people::Membership;
using people::Organisation;
using people::OrganisationKind;
using people::OrganisationStatus;
using people::Role;

constexpr UnixSeconds kStart = 1'800'000'000;  // 2027-01-15

class Recorder final : public TrainingListener {
 public:
  void OnTrainingChanged(const Training& t) override { changed.push_back(t.id); }
  void OnTrainingRemoved(std::int64_t id) override { removed.push_back(id); }
  std::vector<std::int64_t> changed, removed;
};

TrainingInput Cooking() {
  TrainingInput in;
  in.rncp_code = "RNCP37859";
  in.level = 3;
  in.title = "CAP Cuisine";
  in.rhythm = "2 semaines au CFA / 2 semaines en entreprise";
  in.start_dates = {"2027-09-01"};
  in.duration_months = 24;
  in.places = 12;
  in.commune_code = "97213";
  in.rome_codes = {"G1602"};
  in.contact_email = "formations@cfa.example";
  return in;
}

constexpr char kHeader[] =
    "rncp;cfd;niveau;intitule;rythme;dates_debut;duree_mois;places;commune_insee;codes_rome;"
    "contact_nom;contact_email;contact_telephone;publiee\n";

class TrainingServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(store_.Write([&](Repositories& r) -> Status {
      reference::TableSpec jobs{"rome_jobs", {{"code"}, {"label"}}, 1, {}};
      reference::TableSpec communes{"communes", {{"insee_code"}, {"name"}}, 1, {}};
      if (auto s = r.reference().Sync(jobs, {{std::string("G1602"), std::string("Cuisine")},
                                             {std::string("H2913"), std::string("Soudage")}});
          !s)
        return Fail(s.error());
      if (auto s =
              r.reference().Sync(communes, {{std::string("97213"), std::string("Le Lamentin")},
                                            {std::string("97209"), std::string("Fort-de-France")}});
          !s)
        return Fail(s.error());
      validated_ = MakeCfa(r, "CFA du Lamentin", OrganisationStatus::kValidated);
      other_ = MakeCfa(r, "CFA du Robert", OrganisationStatus::kValidated);
      pending_ = MakeCfa(r, "CFA en attente", OrganisationStatus::kPending);
      return Ok();
    }),
                IsOk());
    service_.SetListener(&listener_);
  }

  static std::int64_t MakeCfa(Repositories& r, const std::string& name, OrganisationStatus status) {
    Organisation o;
    o.kind = OrganisationKind::kCfa;
    o.name = name;
    o.status = status;
    return *r.organisations().Create(o);
  }
  Status SeedCertifications() {
    return store_.Write([](Repositories& r) -> Status {
      if (auto s = r.reference().Sync(
              reference::tables::Certifications(),
              {{"100001", "CAP Cuisine", "CAP", "3", "RNCP37859", "50022137", "1", "1"},
               {"100002", "BTS Soudage", "BTS", "5", "RNCP40000", std::nullopt, "1", "1"}});
          !s)
        return Fail(s.error());
      auto links =
          r.reference().Sync(reference::tables::CertificationRome(), {{"100002", "H2913", "1"}});
      return links ? Ok() : Status(Fail(links.error()));
    });
  }

  Actor Cfa(std::int64_t organisation) {
    return Actor{20, Role::kCfa, "", "", false, Membership{organisation, 20, MemberRole::kMember},
                 ""};
  }
  std::vector<Training> Own(std::int64_t organisation) {
    return service_.ListOwn(Cfa(organisation)).value();
  }

  fakes::InMemoryStore store_;
  ManualClock clock_{kStart};
  TrainingService service_{store_, clock_};
  Recorder listener_;
  std::int64_t validated_ = 0, other_ = 0, pending_ = 0;
};

TEST_F(TrainingServiceTest, TheFormIsCheckedWithFrenchMessages) {
  TrainingInput bad = Cooking();
  bad.rncp_code = "ABC";
  bad.title = "<b>CAP</b>";
  bad.start_dates = {"2026-09-01"};  // before 2027-01-15
  bad.duration_months = 3;
  bad.places = -1;
  bad.rome_codes = {"cuisine"};
  bad.contact_email = "pas une adresse";
  auto s = TrainingService::Check(bad, MartiniqueDate(kStart));
  ASSERT_FALSE(s);
  const auto& f = s.error().fields;
  EXPECT_EQ(f.at("rncp_code"),
            "Le code RNCP s'écrit RNCP suivi de chiffres, par exemple RNCP37859.");
  EXPECT_NE(f.at("title").find("Les signes < et >"), std::string::npos);
  EXPECT_NE(f.at("start_dates").find("01/09/2026 est déjà passée"), std::string::npos);
  EXPECT_EQ(f.at("duration_months"), "La durée de la formation va de 6 à 48 mois.");
  EXPECT_EQ(f.at("places"), "Le nombre de places va de 1 à 500.");
  EXPECT_NE(f.at("rome_codes").find("code ROME"), std::string::npos);
  EXPECT_NE(f.at("contact_email").find("n'est pas valide"), std::string::npos);
  EXPECT_THAT(TrainingService::Check(Cooking(), MartiniqueDate(kStart)), IsOk());
  TrainingInput none = Cooking();
  none.rncp_code.clear();
  none.contact_email.clear();
  auto s2 = TrainingService::Check(none, MartiniqueDate(kStart));
  ASSERT_FALSE(s2);
  EXPECT_NE(s2.error().fields.at("rncp_code").find("code RNCP ou le code CFD"), std::string::npos);
  EXPECT_NE(s2.error().fields.at("contact_email").find("e-mail ou un téléphone"),
            std::string::npos);
}

TEST_F(TrainingServiceTest, ACfaCreatesPublishesEditsAndUnpublishesItsTraining) {
  auto id = service_.Create(Cfa(validated_), Cooking());
  ASSERT_THAT(id, IsOk());
  EXPECT_FALSE(service_.Get(Cfa(validated_), *id)->published);
  EXPECT_EQ(service_.GetPublished(*id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(listener_.changed.empty());

  ASSERT_THAT(service_.Publish(Cfa(validated_), *id), IsOk());
  EXPECT_EQ(listener_.changed, std::vector<std::int64_t>{*id});
  auto shown = service_.GetPublished(*id);
  ASSERT_THAT(shown, IsOk());
  EXPECT_EQ(shown->cfa.name, "CFA du Lamentin");
  EXPECT_EQ(service_.ListPublished()->size(), 1u);

  TrainingInput edited = Cooking();
  edited.places = 15;
  edited.start_dates = {"01/09/2027", "2028-01-03"};
  ASSERT_THAT(service_.Edit(Cfa(validated_), *id, edited), IsOk());
  EXPECT_EQ(listener_.changed.size(), 2u);
  auto now = service_.Get(Cfa(validated_), *id);
  EXPECT_EQ(now->input.places, 15);
  EXPECT_EQ(now->input.start_dates, (std::vector<std::string>{"2027-09-01", "2028-01-03"}));

  // Months later, the first date has passed: an edit keeps it without complaint.
  clock_.Advance(300 * 24 * 3600);
  edited.places = 16;
  EXPECT_THAT(service_.Edit(Cfa(validated_), *id, edited), IsOk());

  ASSERT_THAT(service_.Unpublish(Cfa(validated_), *id), IsOk());
  EXPECT_EQ(listener_.removed, std::vector<std::int64_t>{*id});
  EXPECT_TRUE(service_.ListPublished()->empty());
  ASSERT_THAT(service_.Delete(Cfa(validated_), *id), IsOk());
  EXPECT_TRUE(Own(validated_).empty());

  // Audited.
  std::vector<std::string> actions;
  ASSERT_THAT(store_.Read([&](Repositories& r) -> Status {
    auto events = r.audit().Latest(50);
    for (const auto& e : *events) actions.push_back(e.action);
    return Ok();
  }),
              IsOk());
  for (const char* a : {"training.created", "training.published", "training.edited",
                        "training.unpublished", "training.deleted"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end()) << a;
}

TEST_F(TrainingServiceTest, AnotherCfaOrAnEmployerNeverReachesATraining) {
  auto id = service_.Create(Cfa(validated_), Cooking()).value();
  const Actor intruder = Cfa(other_);
  EXPECT_EQ(service_.Get(intruder, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Edit(intruder, id, Cooking()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Publish(intruder, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Delete(intruder, id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Own(other_).empty());
  Actor employer = Cfa(validated_);
  employer.role = Role::kEmployer;
  EXPECT_EQ(service_.Get(employer, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.ListOwn(employer).error().code, ErrorCode::kNotFound);
}

TEST_F(TrainingServiceTest, AnUnvalidatedCfaCannotPublish) {
  auto id = service_.Create(Cfa(pending_), Cooking()).value();
  auto refused = service_.Publish(Cfa(pending_), id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().fields.at("organisation").find("pas encore validé"), std::string::npos);
}

TEST_F(TrainingServiceTest, TheReferenceCertificationGivesLevelAndJobs) {
  ASSERT_THAT(SeedCertifications(), IsOk());
  TrainingInput welding = Cooking();
  welding.rncp_code = "40000";  // digits alone: RNCP is added
  welding.level = 0;
  welding.rome_codes = {};
  welding.title = "BTS Soudage";
  auto id = service_.Create(Cfa(validated_), welding);
  ASSERT_THAT(id, IsOk());
  auto t = service_.Get(Cfa(validated_), *id).value();
  EXPECT_EQ(t.input.rncp_code, "RNCP40000");
  EXPECT_EQ(t.input.level, 5);
  EXPECT_EQ(t.input.rome_codes, std::vector<std::string>{"H2913"});

  TrainingInput unknown = Cooking();
  unknown.rncp_code = "RNCP99999";
  auto refused = service_.Create(Cfa(validated_), unknown);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().fields.at("rncp_code").find("pas dans le référentiel"),
            std::string::npos);
  // A CFD code alone finds the certification and its RNCP code.
  TrainingInput by_cfd = Cooking();
  by_cfd.rncp_code.clear();
  by_cfd.cfd_code = "50022137";
  by_cfd.commune_code = "97209";
  auto cfd = service_.Create(Cfa(validated_), by_cfd);
  ASSERT_THAT(cfd, IsOk());
  EXPECT_EQ(service_.Get(Cfa(validated_), *cfd)->input.rncp_code, "RNCP37859");
}

TEST_F(TrainingServiceTest, AGoodCsvImportsEveryRowAndAReimportChangesNothing) {
  const std::string csv =
      std::string(kHeader) +
      "RNCP37859;;3;CAP Cuisine;2 semaines / 2 semaines;2027-09-01 2028-01-03;24;12;97213;"
      "G1602;Marie;formations@cfa.example;;oui\n"
      "RNCP37859;;3;CAP Cuisine;;01/09/2027;24;8;97209;G1602;;;0596 12 34 56;oui\n"
      "\"RNCP40000\";;5;\"BTS Soudage; chaudronnerie\";;2027-09-01;24;10;97213;H2913;;"
      "a@cfa.example;;non\n";
  auto first = service_.ImportCsv(Cfa(validated_), csv);
  ASSERT_THAT(first, IsOk());
  EXPECT_TRUE(first->errors.empty()) << first->errors.front();
  EXPECT_EQ(first->created, 3);
  EXPECT_EQ(Own(validated_).size(), 3u);
  EXPECT_EQ(service_.ListPublished()->size(), 2u);
  EXPECT_EQ(listener_.changed.size(), 2u);
  EXPECT_EQ(listener_.removed.size(), 1u);  // the unpublished one
  EXPECT_EQ(Own(validated_)[2].input.title, "BTS Soudage; chaudronnerie");

  auto again = service_.ImportCsv(Cfa(validated_), csv);
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->errors.empty());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(Own(validated_).size(), 3u);
  EXPECT_EQ(listener_.changed.size(), 2u);

  // A changed row updates its training in place.
  std::string changed = csv;
  changed.replace(changed.find(";24;8;"), 6, ";24;9;");
  auto third = service_.ImportCsv(Cfa(validated_), changed);
  EXPECT_EQ(third->updated, 1);
  EXPECT_EQ(third->unchanged, 2);
  EXPECT_EQ(Own(validated_)[1].input.places, 9);
}

TEST_F(TrainingServiceTest, ACsvWithABadRowImportsNothingAndNamesTheRow) {
  const std::string csv =
      std::string(kHeader) +
      "RNCP37859;;3;CAP Cuisine;;2027-09-01;24;12;97213;G1602;;a@cfa.example;;oui\n"
      "RNCP40000;;5;BTS Soudage;;2027-09-01;douze;10;97213;H2913;;a@cfa.example;;oui\n"
      "RNCP40001;;5;BTS Usinage;;2027-09-01;24;10;99999;H2913;;a@cfa.example;;oui\n"
      "RNCP37859;;3;CAP Cuisine bis;;2027-09-01;24;12;97213;G1602;;a@cfa.example;;oui\n";
  auto outcome = service_.ImportCsv(Cfa(validated_), csv);
  ASSERT_THAT(outcome, IsOk());
  ASSERT_EQ(outcome->errors.size(), 1u);  // numbers first: the other rows wait for it
  EXPECT_EQ(outcome->errors[0],
            "ligne 3 : colonne duree_mois : « douze » n'est pas un nombre entier.");
  EXPECT_TRUE(Own(validated_).empty());

  std::string fixed = csv;
  fixed.replace(fixed.find("douze"), 5, "24");
  outcome = service_.ImportCsv(Cfa(validated_), fixed);
  ASSERT_EQ(outcome->errors.size(), 2u);
  EXPECT_EQ(outcome->errors[0],
            "ligne 4 : colonne commune_insee : Cette commune n'est pas dans la liste : "
            "choisissez-la (code INSEE).");
  EXPECT_EQ(outcome->errors[1],
            "ligne 5 : colonne rncp : cette certification sur ce site figure déjà ligne 2.");
  EXPECT_TRUE(Own(validated_).empty());
  EXPECT_TRUE(listener_.changed.empty());
}

TEST_F(TrainingServiceTest, AWindows1252CsvWithCommasIsRead) {
  const std::string utf8 =
      "rncp,niveau,intitule,dates_debut,duree_mois,places,commune_insee,codes_rome,"
      "contact_telephone\n"
      "RNCP37859,3,\"CAP Cuisine, pâtisserie créole\",2027-09-01,24,12,97213,G1602,"
      "0596123456\n";
  std::string latin;  // the same text in Windows-1252
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3) {
      latin.push_back(static_cast<char>(static_cast<unsigned char>(utf8[i + 1]) + 0x40));
      ++i;
    } else {
      latin.push_back(utf8[i]);
    }
  }
  ASSERT_FALSE(text::IsUtf8(latin));
  auto outcome = service_.ImportCsv(Cfa(validated_), latin);
  ASSERT_THAT(outcome, IsOk());
  ASSERT_TRUE(outcome->errors.empty()) << outcome->errors.front();
  EXPECT_EQ(Own(validated_).at(0).input.title, "CAP Cuisine, pâtisserie créole");
}

TEST_F(TrainingServiceTest, AMissingColumnOrAnUnvalidatedCfaIsExplained) {
  auto outcome = service_.ImportCsv(Cfa(validated_), "rncp;intitule\nRNCP1;X\n");
  ASSERT_THAT(outcome, IsOk());
  ASSERT_FALSE(outcome->errors.empty());
  EXPECT_EQ(outcome->errors[0], "ligne 1 : colonne dates_debut : colonne absente de l'en-tête.");
  auto empty = service_.ImportCsv(Cfa(validated_), kHeader);
  ASSERT_EQ(empty->errors.size(), 1u);
  EXPECT_NE(empty->errors[0].find("aucune formation"), std::string::npos);

  auto waiting = service_.ImportCsv(
      Cfa(pending_),
      std::string(kHeader) +
          "RNCP37859;;3;CAP Cuisine;;2027-09-01;24;12;97213;G1602;;a@cfa.example;;oui\n");
  ASSERT_THAT(waiting, IsOk());
  EXPECT_TRUE(waiting->errors.empty());
  EXPECT_EQ(waiting->created, 1);
  EXPECT_FALSE(waiting->published);
  EXPECT_TRUE(service_.ListPublished()->empty());
}

TEST_F(TrainingServiceTest, TheTemplateImportsAsItIs) {
  auto outcome = service_.ImportCsv(Cfa(validated_), CsvTemplate());
  ASSERT_THAT(outcome, IsOk());
  ASSERT_TRUE(outcome->errors.empty()) << outcome->errors.front();
  EXPECT_EQ(outcome->created, 1);
}

TEST_F(TrainingServiceTest, AReimportAfterAStartDateHasPassedKeepsIt) {
  ASSERT_THAT(SeedCertifications(), IsOk());
  // The row names the CFD code only; the reference adds the RNCP code.
  const std::string csv = std::string(kHeader) +
                          ";50022137;;CAP Cuisine;;2027-09-01 2028-01-03;24;12;97213;G1602;;"
                          "a@cfa.example;;oui\n";
  ASSERT_TRUE(service_.ImportCsv(Cfa(validated_), csv)->errors.empty());
  clock_.Advance(300 * 24 * 3600);  // 2027-11-11: the September date has passed
  auto again = service_.ImportCsv(Cfa(validated_), csv);
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->errors.empty()) << again->errors.front();
  EXPECT_EQ(again->unchanged, 1);
  // A new date in the past is still refused.
  std::string late = csv;
  late.replace(late.find("2028-01-03"), 10, "2027-10-01");
  auto refused = service_.ImportCsv(Cfa(validated_), late);
  ASSERT_EQ(refused->errors.size(), 1u);
  EXPECT_NE(
      refused->errors[0].find("ligne 2 : colonne dates_debut : La date de rentrée 01/10/2027"),
      std::string::npos);
}

TEST(ParseCsv, QuotesSeparatorsAndLineBreaks) {
  auto records = ParseCsv("a;\"b;c\";\"d\"\"e\"\n\"f\ng\";h\r\n\n  i  ;\n", ';');
  ASSERT_THAT(records, IsOk());
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a", "b;c", "d\"e"}));
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"f\ng", "h"}));
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[3].line, 5u);
  EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"i", ""}));
  EXPECT_FALSE(ParseCsv("a;\"b\n", ';'));
}

}  // namespace
}  // namespace maplace::trainings
