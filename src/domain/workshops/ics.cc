#include "domain/workshops/ics.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

#include "core/time_format.h"

namespace maplace::workshops {

std::string EscapeIcsText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldIcsLine(std::string_view line) {
  std::string out;
  std::size_t width = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    // The length of the UTF-8 sequence starting at i.
    const auto lead = static_cast<unsigned char>(line[i]);
    std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (i + n > line.size()) n = line.size() - i;
    if (width + n > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, n));
    width += n;
    i += n;
  }
  return out;
}

std::string IcsUtc(UnixSeconds t) {
  const std::chrono::sys_seconds instant{std::chrono::seconds{t}};
  return fmt::format("{:%Y%m%dT%H%M%SZ}", instant);
}

std::string SessionCalendar(const Session& session, std::string_view theme, std::string_view url,
                            UnixSeconds stamp) {
  const auto& in = session.input;
  std::string where = in.place;
  if (!in.online_link.empty())
    where = where.empty() ? in.online_link : where + " / " + in.online_link;
  std::string description =
      fmt::format("Atelier Aktiv Alternance — {}\nDu {} au {} (heure de la Martinique).", theme,
                  FormatFrenchDateTime(in.starts_at), FormatFrenchDateTime(in.ends_at));
  if (!in.speakers.empty()) description += fmt::format("\nIntervenants : {}", in.speakers);
  if (!in.online_link.empty()) description += fmt::format("\nEn ligne : {}", in.online_link);
  description += fmt::format("\n{}", url);
  const std::vector<std::string> lines = {
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//OPCO Martinique//Ici c'est ma place//FR",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      fmt::format("UID:atelier-{}@icicestmaplace.mq", session.id),
      fmt::format("DTSTAMP:{}", IcsUtc(stamp)),
      fmt::format("DTSTART:{}", IcsUtc(in.starts_at)),
      fmt::format("DTEND:{}", IcsUtc(in.ends_at)),
      fmt::format("SUMMARY:{}", EscapeIcsText(in.title)),
      fmt::format("DESCRIPTION:{}", EscapeIcsText(description)),
      fmt::format("LOCATION:{}", EscapeIcsText(where)),
      fmt::format("URL:{}", url),
      "END:VEVENT",
      "END:VCALENDAR",
  };
  std::string out;
  for (const auto& line : lines) out += FoldIcsLine(line) + "\r\n";
  return out;
}

}  // namespace maplace::workshops
