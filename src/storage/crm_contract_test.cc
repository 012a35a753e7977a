// The advisors' CRM (migration 0017) on SQLite and on PostgreSQL (MAPLACE_TEST_POSTGRES_URL,
// set by script/test): the repository, and the service on a real store.
#include <gtest/gtest.h>

#include "core/error_matchers.h"
#include "domain/crm/crm_service.h"
#include "domain/crm/fold.h"
#include "storage/database.h"
#include "storage/test_database.h"

namespace maplace::storage {
namespace {

using crm::ActionState;
using crm::Contact;
using crm::Interaction;
using crm::InteractionKind;
using people::OrganisationKind;

class FixedClock final : public Clock {
 public:
  UnixSeconds Now() const override { return now; }
  UnixSeconds now = 1795000000;  // 2026-11-18 in Martinique
};

Date D(const char* iso) { return *ParseIsoDate(iso); }

class CrmContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && EnvOr("MAPLACE_TEST_POSTGRES_URL").empty())
      GTEST_SKIP() << "MAPLACE_TEST_POSTGRES_URL not set";
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto store = OpenAndMigrate(StorageConfig{db_->url(), 2});
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    ASSERT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto user = [&](const std::string& email, const std::string& name, people::Role role) {
        return *r.users().Create(
            people::User{0, email, name, role, people::UserStatus::kActive, "x", false, 1, 1});
      };
      advisor_ = user("conseil@example.mq", "Anne Conseil", people::Role::kAdvisor);
      other_advisor_ = user("autre@example.mq", "Bruno Autre", people::Role::kAdvisor);
      young_ = user("lea@example.mq", "Léa Jeune", people::Role::kYoungPerson);
      auto org = [&](OrganisationKind kind, const std::string& name, const std::string& siret,
                     const std::string& idcc, const std::string& commune) {
        people::Organisation o;
        o.kind = kind;
        o.name = name;
        o.siret = siret;
        o.idcc = idcc;
        o.commune_code = commune;
        o.created_at = 1;
        return *r.organisations().Create(o);
      };
      hotel_ = org(OrganisationKind::kEmployer, "Hôtel L'Écrin", "12345678900015", "1979", "97209");
      clean_ = org(OrganisationKind::kEmployer, "Propreté Caraïbes", "", "3043", "97213");
      metal_ = org(OrganisationKind::kEmployer, "ŒUVRES MÉTALLIQUES", "", "3248", "97209");
      partner_ = org(OrganisationKind::kPartner, "Mission locale du Centre", "", "", "97209");
      auto synced =
          r.reference().Sync(crm::IdccBranchesTable(),
                             {{"1979", "Hôtels, cafés, restaurants", "akto"},
                              {"3043", "Entreprises de propreté et services associés", "akto"},
                              {"3248", "Métallurgie", "opco2i"}});
      if (!synced) return Fail(synced.error());
      return Ok();
    }),
                IsOk());
  }

  template <typename F>
  auto Read(F&& f) {
    return ReadValue(*store_, std::forward<F>(f));
  }

  std::int64_t AddContact(std::int64_t organisation, const std::string& name,
                          const std::string& email) {
    std::int64_t id = 0;
    EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto added =
          r.crm().AddContact(Contact{0, organisation, name, "DRH", email, "0596", "", 5, 5});
      if (!added) return Fail(added.error());
      id = *added;
      return Ok();
    }),
                IsOk());
    return id;
  }

  std::int64_t AddInteraction(Interaction i) {
    std::int64_t id = 0;
    EXPECT_THAT(store_->Write([&](Repositories& r) -> Status {
      auto added = r.crm().AddInteraction(i);
      if (!added) return Fail(added.error());
      id = *added;
      return Ok();
    }),
                IsOk());
    return id;
  }

  Interaction Sample(std::int64_t organisation, const char* on, const char* due = nullptr) {
    Interaction i;
    i.organisation_id = organisation;
    i.advisor_id = advisor_;
    i.kind = InteractionKind::kVisit;
    i.occurred_on = D(on);
    i.summary = "Visite « atelier » : l'équipe";
    if (due) {
      i.next_action = "Rappeler";
      i.next_action_due = D(due);
    }
    i.created_at = i.updated_at = 10;
    return i;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SqlStore> store_;
  std::int64_t advisor_ = 0, other_advisor_ = 0, young_ = 0, hotel_ = 0, clean_ = 0, metal_ = 0,
               partner_ = 0;
};

TEST_P(CrmContract, PartnersAreStoredAndBranchesLookedUp) {
  auto partner = Read([&](Repositories& r) { return r.organisations().FindById(partner_); });
  ASSERT_THAT(partner, IsOk());
  EXPECT_EQ(partner->kind, OrganisationKind::kPartner);
  auto branch = Read([&](Repositories& r) { return r.crm().BranchOf("3248"); });
  ASSERT_THAT(branch, IsOk());
  ASSERT_TRUE(branch->has_value());
  EXPECT_EQ((*branch)->name, "Métallurgie");
  EXPECT_EQ((*branch)->opco, "opco2i");
  EXPECT_FALSE(*Read([&](Repositories& r) { return r.crm().BranchOf("9999"); }));
  EXPECT_FALSE(*Read([&](Repositories& r) { return r.crm().BranchOf(""); }));
  auto all = Read([&](Repositories& r) { return r.crm().Branches(); });
  ASSERT_THAT(all, IsOk());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->front().name, "Entreprises de propreté et services associés");  // AKTO first
  EXPECT_EQ(all->back().opco, "opco2i");
}

TEST_P(CrmContract, TheStoredFoldedNameIsFoldName) {
  for (const char* typed : {"ecrin", "ÉCRIN", "l ecrin", "oeuvres metal", "proprete caraibes"}) {
    auto hits =
        Read([&](Repositories& r) { return r.crm().Search(crm::FoldQuery(typed), "", 10); });
    ASSERT_THAT(hits, IsOk());
    EXPECT_EQ(hits->size(), 1u) << typed;
  }
}

TEST_P(CrmContract, SearchFindsNamesCodesAndContacts) {
  AddContact(clean_, "Émilie Théodose", "emilie@proprete.mq");
  AddContact(hotel_, "Marc Hôte", "direction@ecrin.mq");
  auto hits = Read([&](Repositories& r) { return r.crm().Search("emi", "", 10); });
  ASSERT_THAT(hits, IsOk());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().organisation_id, clean_);
  EXPECT_EQ(hits->front().contact_name, "Émilie Théodose");
  hits = Read([&](Repositories& r) { return r.crm().Search("ecrin", "", 10); });
  ASSERT_EQ(hits->size(), 2u);  // the hotel by name, then its contact by e-mail
  EXPECT_EQ(hits->at(0).contact_id, 0);
  EXPECT_EQ(hits->at(1).contact_name, "Marc Hôte");
  hits = Read([&](Repositories& r) { return r.crm().Search("123 456", "123456", 10); });
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().organisation_id, hotel_);
  // Names starting with the words come first.
  hits = Read([&](Repositories& r) { return r.crm().Search("m", "", 10); });
  ASSERT_GE(hits->size(), 2u);
  EXPECT_EQ(hits->front().organisation_name, "Mission locale du Centre");
}

TEST_P(CrmContract, ContactsAndPortfolio) {
  const auto id = AddContact(hotel_, "Zoé Zébra", "zoe@ecrin.mq");
  AddContact(hotel_, "Alain Alizé", "");
  auto contacts = Read([&](Repositories& r) { return r.crm().Contacts(hotel_); });
  ASSERT_THAT(contacts, IsOk());
  ASSERT_EQ(contacts->size(), 2u);
  EXPECT_EQ(contacts->front().name, "Alain Alizé");
  Contact changed = contacts->back();
  changed.name = "Zoé Martin";
  changed.updated_at = 99;
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().UpdateContact(changed); }),
              IsOk());
  auto found = Read([&](Repositories& r) { return r.crm().FindContact(id); });
  EXPECT_EQ(found->name, "Zoé Martin");
  EXPECT_EQ(found->updated_at, 99);
  EXPECT_EQ(found->gone_at, 0);
  // A contact who left is kept, listed after those still there; and may come back.
  Contact alain = contacts->front();
  alain.gone_at = 100;
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().UpdateContact(alain); }), IsOk());
  contacts = Read([&](Repositories& r) { return r.crm().Contacts(hotel_); });
  ASSERT_EQ(contacts->size(), 2u);
  EXPECT_EQ(contacts->front().name, "Zoé Martin");
  EXPECT_EQ(contacts->back().gone_at, 100);
  alain.gone_at = 0;
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().UpdateContact(alain); }), IsOk());
  EXPECT_EQ(Read([&](Repositories& r) { return r.crm().FindContact(alain.id); })->gone_at, 0);
  changed.id = 424242;
  EXPECT_THAT(store_->Write([&](Repositories& r) { return r.crm().UpdateContact(changed); }),
              HasErrorCode(ErrorCode::kNotFound));

  EXPECT_EQ(*Read([&](Repositories& r) { return r.crm().AdvisorOf(hotel_); }), 0);
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().Assign(hotel_, advisor_, 5); }),
              IsOk());
  ASSERT_THAT(
      store_->Write([&](Repositories& r) { return r.crm().Assign(hotel_, other_advisor_, 6); }),
      IsOk());
  EXPECT_EQ(*Read([&](Repositories& r) { return r.crm().AdvisorOf(hotel_); }), other_advisor_);
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().Assign(hotel_, 0, 7); }), IsOk());
  EXPECT_EQ(*Read([&](Repositories& r) { return r.crm().AdvisorOf(hotel_); }), 0);
}

TEST_P(CrmContract, OrganisationListsFilterAndPage) {
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().Assign(clean_, advisor_, 5); }),
              IsOk());
  auto list = [&](crm::OrganisationFilter f) {
    return *Read([&](Repositories& r) { return r.crm().ListOrganisations(f); });
  };
  crm::OrganisationFilter all;
  auto page = list(all);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 4u);
  EXPECT_EQ(page.rows[0].organisation.name, "Hôtel L'Écrin");  // by folded name
  EXPECT_EQ(page.rows[0].branch, "Hôtels, cafés, restaurants");
  EXPECT_EQ(page.rows[0].opco, "akto");

  crm::OrganisationFilter akto;
  akto.opco = "akto";
  EXPECT_EQ(list(akto).total, 2);
  crm::OrganisationFilter mine;
  mine.advisor_id = advisor_;
  page = list(mine);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].advisor_name, "Anne Conseil");
  crm::OrganisationFilter partners;
  partners.kind = OrganisationKind::kPartner;
  EXPECT_EQ(list(partners).total, 1);
  crm::OrganisationFilter commune;
  commune.commune_code = "97209";
  commune.idcc = "3248";
  EXPECT_EQ(list(commune).total, 1);
  crm::OrganisationFilter q;
  q.q = "ecrin";
  EXPECT_EQ(list(q).total, 1);
  q.q = "12345678900015";
  EXPECT_EQ(list(q).total, 1);

  crm::OrganisationFilter paged;
  paged.page_size = 3;
  paged.page = 2;
  page = list(paged);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.PageCount(), 2);
  EXPECT_EQ(page.rows[0].organisation.name, "Propreté Caraïbes");
}

TEST_P(CrmContract, InteractionsTimelinesAndActions) {
  const auto marc = AddContact(hotel_, "Marc Hôte", "");
  const auto zoe = AddContact(hotel_, "Zoé", "");
  Interaction visit = Sample(hotel_, "2026-11-10", "2026-11-15");  // overdue on the 18th
  visit.contact_ids = {zoe, marc};
  visit.young_person_id = young_;
  const auto overdue = AddInteraction(visit);
  AddInteraction(Sample(hotel_, "2026-11-12", "2026-11-20"));  // upcoming
  AddInteraction(Sample(clean_, "2026-11-14", "2026-12-20"));  // later
  Interaction call = Sample(clean_, "2026-11-16");
  call.kind = InteractionKind::kCall;
  call.advisor_id = other_advisor_;
  AddInteraction(call);

  auto found = Read([&](Repositories& r) { return r.crm().FindInteraction(overdue); });
  ASSERT_THAT(found, IsOk());
  EXPECT_EQ(found->contact_ids, (std::vector<std::int64_t>{marc, zoe}));
  EXPECT_EQ(found->young_person_id, young_);
  EXPECT_EQ(found->summary, "Visite « atelier » : l'équipe");
  EXPECT_EQ(found->next_action_due, D("2026-11-15"));

  auto list = [&](crm::InteractionFilter f) {
    return *Read([&](Repositories& r) { return r.crm().ListInteractions(f); });
  };
  crm::InteractionFilter timeline;
  timeline.organisation_id = hotel_;
  auto page = list(timeline);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.rows[0].interaction.occurred_on, D("2026-11-12"));  // newest first
  EXPECT_EQ(page.rows[1].contact_names, (std::vector<std::string>{"Marc Hôte", "Zoé"}));
  EXPECT_EQ(page.rows[1].young_person_name, "Léa Jeune");
  crm::InteractionFilter young;
  young.young_person_id = young_;
  EXPECT_EQ(list(young).total, 1);

  crm::InteractionFilter overdue_filter;
  overdue_filter.advisor_id = advisor_;
  overdue_filter.action = ActionState::kOverdue;
  overdue_filter.today = D("2026-11-18");
  page = list(overdue_filter);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].interaction.id, overdue);

  crm::InteractionFilter week;
  week.advisor_id = advisor_;
  week.action = ActionState::kOpen;
  week.due_until = D("2026-11-25");
  week.by_due_date = true;
  page = list(week);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.rows[0].interaction.id, overdue);

  Interaction done = *found;
  done.next_action_done = true;
  done.updated_at = 50;
  ASSERT_THAT(store_->Write([&](Repositories& r) { return r.crm().UpdateNextAction(done); }),
              IsOk());
  EXPECT_EQ(list(week).total, 1);
  crm::InteractionFilter done_filter;
  done_filter.action = ActionState::kDone;
  EXPECT_EQ(list(done_filter).total, 1);

  crm::InteractionFilter calls;
  calls.kind = InteractionKind::kCall;
  calls.q = "proprete";
  calls.from = D("2026-11-16");
  calls.to = D("2026-11-16");
  page = list(calls);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].advisor_name, "Bruno Autre");
  EXPECT_EQ(page.rows[0].organisation_name, "Propreté Caraïbes");
  calls.q = "ecrin";
  EXPECT_EQ(list(calls).total, 0);
}

TEST_P(CrmContract, ServiceCreatesLogsAndShowsTheWeek) {
  FixedClock clock;
  crm::CrmService service(*store_, clock);
  people::Actor advisor{advisor_, people::Role::kAdvisor, "conseil@example.mq", "Anne", false, {},
                        ""};
  people::Actor young{young_, people::Role::kYoungPerson, "lea@example.mq", "Léa", false, {}, ""};

  crm::OrganisationInput input{
      "employer", "Sécurité Madinina", "123 456 789 00015", "", "97209", "1351", "8010Z", "10-49"};
  auto taken = service.CreateOrganisation(advisor, input);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().fields.count("siret"), 1u);  // the hotel's SIRET
  input.siret = "73282932000074";
  EXPECT_THAT(service.CreateOrganisation(young, input), HasErrorCode(ErrorCode::kPermissionDenied));
  auto created = service.CreateOrganisation(advisor, input);
  ASSERT_THAT(created, IsOk());
  auto file = service.File(advisor, *created);
  ASSERT_THAT(file, IsOk());
  EXPECT_EQ(file->row.organisation.status, people::OrganisationStatus::kValidated);

  auto contact = service.AddContact(advisor, *created, {"Paul Garde", "Gérant", "", "", ""});
  ASSERT_THAT(contact, IsOk());
  crm::InteractionInput visit{
      "visit",          "2026-11-17",           "Première visite", {std::to_string(*contact)},
      "lea@example.mq", "Envoyer la plaquette", "2026-11-20"};
  auto logged = service.LogInteraction(advisor, *created, visit);
  ASSERT_THAT(logged, IsOk());
  // A contact of another organisation is refused, and nothing is stored.
  const auto stranger = AddContact(hotel_, "Marc Hôte", "");
  visit.contact_ids = {std::to_string(stranger)};
  auto refused = service.LogInteraction(advisor, *created, visit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.count("contacts"), 1u);
  visit.contact_ids = {};
  visit.young_person_email = "conseil@example.mq";  // not a young person
  EXPECT_EQ(
      service.LogInteraction(advisor, *created, visit).error().fields.count("young_person_email"),
      1u);

  auto week = service.MyWeek(advisor);
  ASSERT_THAT(week, IsOk());
  EXPECT_TRUE(week->overdue.empty());
  ASSERT_EQ(week->upcoming.size(), 1u);
  EXPECT_EQ(week->upcoming[0].interaction.next_action, "Envoyer la plaquette");
  EXPECT_EQ(week->upcoming[0].organisation_name, "Sécurité Madinina");
  clock.now += 4 * 24 * 3600;  // the 22nd: overdue
  week = service.MyWeek(advisor);
  ASSERT_EQ(week->overdue.size(), 1u);
  ASSERT_THAT(service.SetActionDone(advisor, *logged, true), IsOk());
  week = service.MyWeek(advisor);
  EXPECT_TRUE(week->overdue.empty());
  EXPECT_TRUE(week->upcoming.empty());

  auto hits = service.Search(advisor, "Séc");
  ASSERT_THAT(hits, IsOk());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_TRUE(service.Search(advisor, "s")->empty());
  auto timeline = service.YoungPersonTimeline(advisor, young_);
  ASSERT_THAT(timeline, IsOk());
  EXPECT_EQ(timeline->second.size(), 1u);
  EXPECT_THAT(service.YoungPersonTimeline(advisor, advisor_), HasErrorCode(ErrorCode::kNotFound));

  crm::OrganisationFilter branch;
  branch.idcc = "1351";
  auto xlsx = service.ExportOrganisations(advisor, branch);
  ASSERT_THAT(xlsx, IsOk());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_THAT(service.ExportInteractions(young, {}), HasErrorCode(ErrorCode::kPermissionDenied));
}

INSTANTIATE_TEST_SUITE_P(Stores, CrmContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& test_param) { return test_param.param; });

}  // namespace
}  // namespace maplace::storage
