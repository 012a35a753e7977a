#include "domain/payments/sepa.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "core/error_matchers.h"

namespace maplace::payments {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

Iban ValidIban(std::string_view text) { return Iban::Parse(text).value(); }
Bic ValidBic(std::string_view text) { return Bic::Parse(text).value(); }

// Three payments: 1 801,80 € + 486,49 € + 0,05 € = 2 288,34 €.
TransferBatch ThreePayments() {
  using std::chrono::September;
  return TransferBatch{
      .message_id = "MAPLACE-2025-09-01-001",
      .created_at = 1756729800,  // 2025-09-01 12:30:00 UTC
      .execution_date = Date{std::chrono::year{2025}, September, std::chrono::day{3}},
      .initiating_party = "Maplace – OPCO Martinique",
      .debtor = {.name = "Région Martinique",
                 .iban = ValidIban("FR7630006000011234567890189"),
                 .bic = ValidBic("BNPAFRPP")},
      .transfers = {
          {.end_to_end_id = "pay-42-a1",
           .amount_cents = 180180,
           .creditor_name = "Mélissa Œuvray",
           .creditor_iban = ValidIban("FR1420041010050500013M02606"),
           .creditor_bic = ValidBic("PSSTFRPPXXX"),
           .remittance = "Aide à l’embauche d’alternants – demande 42",
           .aid = "Aide à l'embauche",
           .request_id = "DEM-42"},
          {.end_to_end_id = "pay-43-b2",
           .amount_cents = 48649,
           .creditor_name = "Léa Jean-Baptiste",
           .creditor_iban = ValidIban("DE89370400440532013000"),
           .creditor_bic = std::nullopt,
           .remittance = "",
           .aid = "Prime régionale; 2e versement",
           .request_id = "DEM-43"},
          {.end_to_end_id = "pay-44-c3",
           .amount_cents = 5,
           .creditor_name = "SARL Café & Fils",
           .creditor_iban = ValidIban("BE68539007547034"),
           .creditor_bic = ValidBic("GEBABEBB"),
           .remittance = "Solde <final> & régularisation",
           .aid = "=HYPERLINK(\"x\")",
           .request_id = "DEM-44"},
      }};
}

constexpr std::string_view kExpectedXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>MAPLACE-2025-09-01-001</MsgId>
      <CreDtTm>2025-09-01T12:30:00Z</CreDtTm>
      <NbOfTxs>3</NbOfTxs>
      <CtrlSum>2288.34</CtrlSum>
      <InitgPty>
        <Nm>Maplace - OPCO Martinique</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>MAPLACE-2025-09-01-001</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <NbOfTxs>3</NbOfTxs>
      <CtrlSum>2288.34</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
      </PmtTpInf>
      <ReqdExctnDt>2025-09-03</ReqdExctnDt>
      <Dbtr>
        <Nm>Region Martinique</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>FR7630006000011234567890189</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <BIC>BNPAFRPP</BIC>
        </FinInstnId>
      </DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>pay-42-a1</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">1801.80</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <BIC>PSSTFRPPXXX</BIC>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>Melissa OEuvray</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>FR1420041010050500013M02606</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Aide a l'embauche d'alternants - demande 42</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>pay-43-b2</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">486.49</InstdAmt>
        </Amt>
        <Cdtr>
          <Nm>Lea Jean-Baptiste</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>DE89370400440532013000</IBAN>
          </Id>
        </CdtrAcct>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>pay-44-c3</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">0.05</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <BIC>GEBABEBB</BIC>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>SARL Cafe + Fils</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>BE68539007547034</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Solde .final. + regularisation</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
)";

TEST(SepaTest, FormatsAmountsFromCents) {
  EXPECT_EQ(FormatSepaAmount(5), "0.05");
  EXPECT_EQ(FormatSepaAmount(180180), "1801.80");
  EXPECT_EQ(FormatSepaAmount(99'999'999'999), "999999999.99");
  EXPECT_EQ(FormatSepaAmount(-5), "-0.05");
}

TEST(SepaTest, WritesTheExpectedDocument) {
  auto xml = WritePain001(ThreePayments());
  ASSERT_THAT(xml, IsOk());
  EXPECT_EQ(*xml, kExpectedXml);
  EXPECT_EQ(WritePain001(ThreePayments()).value(), *xml);  // deterministic
}

// --- The document as libxml2 reads it ---------------------------------------------------

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

XmlDoc Parse(const std::string& xml) {
  return XmlDoc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "pain.001.xml", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOBLANKS),
                &xmlFreeDoc);
}

std::string Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::vector<const xmlNode*> Children(const xmlNode* node) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next)
    if (child->type == XML_ELEMENT_NODE) out.push_back(child);
  return out;
}

std::vector<std::string> ChildNames(const xmlNode* node) {
  std::vector<std::string> names;
  for (const xmlNode* child : Children(node)) names.push_back(Name(child));
  return names;
}

const xmlNode* Child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child : Children(node))
    if (Name(child) == name) return child;
  return nullptr;
}

std::string Text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

TEST(SepaTest, IsWellFormedAndInTheSchemaOrder) {
  const std::string xml = WritePain001(ThreePayments()).value();
  XmlDoc doc = Parse(xml);
  ASSERT_NE(doc, nullptr);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  EXPECT_EQ(Name(root), "Document");
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href),
               "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");

  const xmlNode* initiation = Child(root, "CstmrCdtTrfInitn");
  ASSERT_NE(initiation, nullptr);
  EXPECT_THAT(ChildNames(initiation), ElementsAre("GrpHdr", "PmtInf"));
  // GroupHeader32's sequence, without the optional Authstn and FwdgAgt.
  EXPECT_THAT(ChildNames(Child(initiation, "GrpHdr")),
              ElementsAre("MsgId", "CreDtTm", "NbOfTxs", "CtrlSum", "InitgPty"));
  // PaymentInstructionInformation3's sequence, with what SEPA requires of the optional ones.
  const xmlNode* payment = Child(initiation, "PmtInf");
  EXPECT_THAT(ChildNames(payment),
              ElementsAre("PmtInfId", "PmtMtd", "BtchBookg", "NbOfTxs", "CtrlSum", "PmtTpInf",
                          "ReqdExctnDt", "Dbtr", "DbtrAcct", "DbtrAgt", "ChrgBr", "CdtTrfTxInf",
                          "CdtTrfTxInf", "CdtTrfTxInf"));
  // CreditTransferTransactionInformation10's sequence; CdtrAgt and RmtInf are optional.
  const std::vector<std::vector<std::string>> transactions = {
      {"PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf"},
      {"PmtId", "Amt", "Cdtr", "CdtrAcct"},
      {"PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf"}};
  std::size_t index = 0;
  std::int64_t sum_cents = 0;
  for (const xmlNode* node : Children(payment)) {
    if (Name(node) != "CdtTrfTxInf") continue;
    ASSERT_LT(index, transactions.size());
    EXPECT_THAT(ChildNames(node), ElementsAreArray(transactions[index++]));
    const xmlNode* amount = Child(Child(node, "Amt"), "InstdAmt");
    xmlChar* currency = xmlGetProp(amount, reinterpret_cast<const xmlChar*>("Ccy"));
    EXPECT_STREQ(reinterpret_cast<const char*>(currency), "EUR");
    xmlFree(currency);
    const std::string value = Text(amount);  // "1801.80": two decimals, always
    ASSERT_EQ(value[value.size() - 3], '.');
    sum_cents += std::stoll(value.substr(0, value.size() - 3)) * 100 +
                 std::stoll(value.substr(value.size() - 2));
  }
  EXPECT_EQ(index, 3u);
  EXPECT_EQ(sum_cents, 228834);
  EXPECT_EQ(Text(Child(Child(initiation, "GrpHdr"), "CtrlSum")), "2288.34");
  EXPECT_EQ(Text(Child(payment, "CtrlSum")), "2288.34");
}

TEST(SepaTest, ADebtorWithoutBicIsNotProvided) {
  TransferBatch batch = ThreePayments();
  batch.debtor.bic.reset();
  const std::string xml = WritePain001(batch).value();
  EXPECT_NE(xml.find("<DbtrAgt>\n        <FinInstnId>\n          <Othr>\n            "
                     "<Id>NOTPROVIDED</Id>\n"),
            std::string::npos);
}

TEST(SepaTest, RemittanceIsCutTo140Characters) {
  TransferBatch batch = ThreePayments();
  batch.transfers[0].remittance = std::string(139, 'x') + " é" + std::string(10, 'y');
  const std::string xml = WritePain001(batch).value();
  // The cut falls after the space: trailing spaces go, leaving 139 characters.
  EXPECT_NE(xml.find("<Ustrd>" + std::string(139, 'x') + "</Ustrd>"), std::string::npos);
  batch.transfers[0].remittance = " \u00a0 ";  // nothing left once trimmed: no RmtInf
  EXPECT_EQ(WritePain001(batch).value().find("<Ustrd>"),
            WritePain001(batch).value().rfind("<Ustrd>"));  // only the third transfer's
}

TEST(SepaTest, RefusesBatchesThatBreakTheRules) {
  const auto refused = [](auto change) {
    TransferBatch batch = ThreePayments();
    change(batch);
    auto xml = WritePain001(batch);
    EXPECT_THAT(xml, HasErrorCode(ErrorCode::kInvalidArgument));
    return xml ? std::string() : xml.error().message;
  };
  EXPECT_EQ(refused([](TransferBatch& b) { b.transfers.clear(); }),
            "a batch holds at least one transfer");
  EXPECT_EQ(refused([](TransferBatch& b) { b.transfers[2].end_to_end_id = "pay-42-a1"; }),
            "transfer 2: end-to-end id pay-42-a1 is already in the batch");
  EXPECT_EQ(refused([](TransferBatch& b) { b.transfers[1].amount_cents = 0; }),
            "transfer 1: the amount must be between 0.01 and 999999999.99 euros");
  refused([](TransferBatch& b) { b.transfers[1].amount_cents = -100; });
  refused([](TransferBatch& b) { b.transfers[1].amount_cents = 100'000'000'000; });
  refused([](TransferBatch& b) { b.transfers[0].end_to_end_id = std::string(36, 'a'); });
  refused([](TransferBatch& b) { b.transfers[0].end_to_end_id = "pay 42"; });
  refused([](TransferBatch& b) { b.transfers[0].end_to_end_id = "/pay-42"; });
  refused([](TransferBatch& b) { b.transfers[0].end_to_end_id = "pay//42"; });
  refused([](TransferBatch& b) { b.transfers[0].end_to_end_id = "pay<42>"; });
  refused([](TransferBatch& b) { b.message_id = ""; });
  refused([](TransferBatch& b) { b.transfers[0].creditor_name = "李小龍"; });
  refused([](TransferBatch& b) { b.transfers[0].creditor_name = std::string(71, 'a'); });
  refused([](TransferBatch& b) { b.debtor.name = ""; });
  refused([](TransferBatch& b) { b.initiating_party = "<x>"; });
  const std::string message =
      refused([](TransferBatch& b) { b.transfers[1].creditor_name = "Ελένη"; });
  EXPECT_EQ(message.find("DE89"), std::string::npos) << "no IBAN in errors";
  EXPECT_EQ(message.find("Ελένη"), std::string::npos);
  refused([](TransferBatch& b) {
    b.execution_date = Date{std::chrono::year{2025}, std::chrono::February, std::chrono::day{30}};
  });
}

TEST(SepaTest, WritesTheAccountingCsv) {
  const std::string csv = WriteAccountingCsv(ThreePayments());
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "Date d'exécution;Lot;Clé de paiement;Bénéficiaire;IBAN;Montant (€);Aide;Demande\r\n"
            "03/09/2025;MAPLACE-2025-09-01-001;pay-42-a1;Mélissa Œuvray;"
            "FR14 **** **** **** **** ***2 606;1801,80;Aide à l'embauche;DEM-42\r\n"
            "03/09/2025;MAPLACE-2025-09-01-001;pay-43-b2;Léa Jean-Baptiste;"
            "DE89 **** **** **** **30 00;486,49;\"Prime régionale; 2e versement\";DEM-43\r\n"
            "03/09/2025;MAPLACE-2025-09-01-001;pay-44-c3;SARL Café & Fils;"
            "BE68 **** **** 7034;0,05;\"'=HYPERLINK(\"\"x\"\")\";DEM-44\r\n");
  EXPECT_EQ(csv.find("FR1420041010050500013M02606"), std::string::npos);
}

}  // namespace
}  // namespace maplace::payments
