#include "domain/enquiries/report_limits.h"

#include <fmt/format.h>

#include "core/crypto.h"
#include "domain/store.h"

namespace maplace::enquiries {

Status MarkReport(Repositories& repos, std::int64_t offer_id, const std::string& visitor,
                  const std::string& client_address, UnixSeconds now) {
  const std::string client = crypto::Sha256Hex("report-client:" + client_address);
  auto recent = repos.enquiries().CountReportMarksSince(client, now - 3600);
  if (!recent) return Fail(recent.error());
  if (*recent >= kReportsPerHour)
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "too many reports",
                      {{"reason",
                        "Trop de signalements envoyés depuis votre connexion en une "
                        "heure : réessayez plus tard."},
                       {"retry_after", "3600"}}});
  const std::string who =
      visitor.empty() ? fmt::format("client:{}", client) : crypto::Sha256Hex("report:" + visitor);
  auto added = repos.enquiries().AddReportMark(ReportMark{offer_id, who, client, now});
  if (!added && added.error().code == ErrorCode::kAlreadyExists)
    return Fail(Error{ErrorCode::kAlreadyExists,
                      "already reported",
                      {{"reason",
                        "Vous avez déjà signalé cette offre : merci, nos conseillers "
                        "vont l'examiner."}}});
  return added;
}

}  // namespace maplace::enquiries
