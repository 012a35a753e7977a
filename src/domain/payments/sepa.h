#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "domain/payments/bank_account.h"

namespace maplace::payments {

// One payment of an aid to a beneficiary.
struct CreditTransfer {
  // The payment's idempotency key, sent as EndToEndId and returned by the bank on the
  // statement: 1 to 35 characters among A-Z a-z 0-9 / - ? : ( ) . , ' +, not starting or
  // ending with '/' and without "//" (EPC rules for references). Unique within a batch.
  std::string end_to_end_id;
  std::int64_t amount_cents = 0;  // 1 to 99 999 999 999 (999 999 999,99 €, the SEPA maximum)
  std::string creditor_name;      // as typed (HolderName::display); transliterated in the XML
  Iban creditor_iban;
  std::optional<Bic> creditor_bic;  // CdtrAgt is left out without one
  // Free text for the beneficiary's statement, transliterated and cut to 140 characters;
  // left out when empty.
  std::string remittance;
  // For the accounting export only.
  std::string aid;         // "Aide exceptionnelle à l'embauche d'alternants"
  std::string request_id;  // the aid request's reference
};

// The account the aids are paid from.
struct Debtor {
  std::string name;  // 1 to 70 characters after transliteration
  Iban iban;
  std::optional<Bic> bic;  // "NOTPROVIDED" is sent without one, as the EPC guidelines allow
};

// A batch of payments: one file for the bank, one order (PmtInf) debiting one account.
struct TransferBatch {
  // Unique per file sent to the bank (it refuses a repeated one): same rules as end_to_end_id.
  // Also used as the PmtInfId and as the batch column of the accounting export.
  std::string message_id;
  UnixSeconds created_at = 0;    // CreDtTm, written in UTC: passed in so the file is reproducible
  Date execution_date;           // ReqdExctnDt
  std::string initiating_party;  // InitgPty/Nm, 1 to 70 characters after transliteration
  Debtor debtor;
  std::vector<CreditTransfer> transfers;  // at least one
};

// A pain.001.001.03 document (ISO 20022 CustomerCreditTransferInitiationV03, as the EPC SEPA
// Credit Transfer customer-to-bank guidelines profile it), UTF-8, byte-for-byte the same for
// the same batch. kInvalidArgument naming the faulty transfer by its index (never its IBAN)
// when the batch breaks a rule above.
Result<std::string> WritePain001(const TransferBatch& batch);

// The same batch for accounting, one line per payment: execution date (dd/mm/yyyy), batch,
// payment key, beneficiary, masked IBAN, amount in euros with a decimal comma, aid, request.
// ';'-separated, CRLF, UTF-8 with a byte order mark so that a French Excel opens it as is;
// cells that a spreadsheet would run as a formula (= + - @) start with an apostrophe.
std::string WriteAccountingCsv(const TransferBatch& batch);

// 123456 → "1234.56": the xs:decimal of InstdAmt and CtrlSum.
std::string FormatSepaAmount(std::int64_t cents);

}  // namespace maplace::payments
