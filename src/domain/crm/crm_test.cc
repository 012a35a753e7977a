#include "domain/crm/crm.h"

#include <gtest/gtest.h>

#include "domain/crm/branches.h"
#include "domain/crm/crm_service.h"
#include "domain/crm/fold.h"

namespace maplace::crm {
namespace {

TEST(FoldNameTest, StripsAccentsCaseAndPunctuation) {
  EXPECT_EQ(FoldName("Hôtel L'Écrin"), "hotel l ecrin");
  EXPECT_EQ(FoldName("ŒUVRES DE L’ÎLE (SAS)"), "oeuvres de l ile  sas ");
  EXPECT_EQ(FoldName("Sécurité-Prévention 50%_x"), "securite prevention 50  x");
  // Letters outside the table are kept as they are.
  EXPECT_EQ(FoldName("Øre"), "Øre");
}

TEST(FoldQueryTest, FoldsAndSquashesSpaces) {
  EXPECT_EQ(FoldQuery("  Hôt  "), "hot");
  EXPECT_EQ(FoldQuery("l'é"), "l e");
  EXPECT_EQ(CodeQuery("123 456 789"), "123456789");
  EXPECT_EQ(CodeQuery("9720001a"), "9720001a");
  EXPECT_EQ(CodeQuery("hotel"), "");      // no digit: a name
  EXPECT_EQ(CodeQuery("l'hotel 2"), "");  // punctuation: a name
}

TEST(BranchesTest, OpcoCodesHaveLabels) {
  EXPECT_EQ(OpcoLabel("akto"), "AKTO");
  EXPECT_EQ(OpcoLabel("opco2i"), "OPCO 2i");
  EXPECT_TRUE(IsOpcoCode("constructys"));
  EXPECT_FALSE(IsOpcoCode("AKTO"));
}

TEST(InteractionKindTest, CodesRoundTrip) {
  for (auto kind : kInteractionKinds)
    EXPECT_EQ(ParseInteractionKind(InteractionKindCode(kind)), kind);
  EXPECT_FALSE(ParseInteractionKind("meeting"));
}

TEST(CheckTest, OrganisationNeedsAValidSiretUnlessAPartner) {
  OrganisationInput input{"employer", "Hôtel Test", "", "", "97209", "1979", "5510Z", "1-9"};
  auto refused = CrmService::Check(input);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(refused.error().fields.count("siret"));
  input.siret = "12345678900016";  // bad check digit
  EXPECT_FALSE(CrmService::Check(input));
  input.siret = "123 456 789 00015";
  EXPECT_TRUE(CrmService::Check(input));
  OrganisationInput partner{"partner", "Mission locale du Centre", "", "", "", "", "", ""};
  EXPECT_TRUE(CrmService::Check(partner));
  partner.kind = "bank";
  EXPECT_TRUE(CrmService::Check(partner).error().fields.count("kind"));
}

TEST(CheckTest, NextActionNeedsADueDateAndTheOtherWayRound) {
  InteractionInput input{"visit", "2026-11-20", "Visite du site", {}, "", "Rappeler", ""};
  auto refused = CrmService::Check(input);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.count("next_action_due"), 1u);
  input.next_action_due = "2026-11-30";
  EXPECT_TRUE(CrmService::Check(input));
  input.next_action = "";
  EXPECT_EQ(CrmService::Check(input).error().fields.count("next_action"), 1u);
  input.next_action_due = "";
  input.kind = "meeting";
  EXPECT_EQ(CrmService::Check(input).error().fields.count("kind"), 1u);
}

TEST(CheckTest, ContactEmailAndPhoneAreChecked) {
  ContactInput input{"Marie Joseph", "DRH", "marie@", "0596 12 34 56", ""};
  EXPECT_EQ(CrmService::Check(input).error().fields.count("email"), 1u);
  input.email = "marie.joseph@exemple.fr";
  EXPECT_TRUE(CrmService::Check(input));
  input.phone = "appelle-moi";
  EXPECT_EQ(CrmService::Check(input).error().fields.count("phone"), 1u);
}

}  // namespace
}  // namespace maplace::crm
