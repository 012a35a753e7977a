#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace maplace {

// `text` (a URL) as a QR code in SVG, one path of dark modules with a 4-module quiet zone,
// error correction M (libqrencode). The SVG has no size: CSS gives it one; `title` names it
// for screen readers. kInvalidArgument when the text cannot be encoded.
Result<std::string> QrCodeSvg(std::string_view text, std::string_view title);

}  // namespace maplace
