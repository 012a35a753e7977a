#include "core/qr_code.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

namespace maplace {
namespace {

std::string EscapeXml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::string> QrCodeSvg(std::string_view text, std::string_view title) {
  const std::string data(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return Fail(ErrorCode::kInvalidArgument, "the text is too long for a QR code");
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each module byte is "dark".
      if (code->data[y * width + x] & 1)
        path += fmt::format("M{} {}h1v1h-1z", x + kQuiet, y + kQuiet);
    }
  }
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" role="img" )"
      R"(aria-label="{1}" shape-rendering="crispEdges"><rect width="{0}" height="{0}" )"
      R"(fill="#fff"/><path fill="#000" d="{2}"/></svg>)",
      size, EscapeXml(title), path);
}

}  // namespace maplace
