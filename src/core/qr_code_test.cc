#include "core/qr_code.h"

#include <gtest/gtest.h>

#include "core/error_matchers.h"

namespace maplace {
namespace {

TEST(QrCodeTest, AUrlBecomesAnSvgOfDarkModulesWithAQuietZone) {
  auto svg = QrCodeSvg("https://icicestmaplace.fr/offres/12", "Lien vers l'offre <12>");
  ASSERT_THAT(svg, IsOk());
  // Version 3 at level M holds this URL: 29 modules + 2 × 4 of quiet zone.
  EXPECT_NE(svg->find(R"(viewBox="0 0 37 37")"), std::string::npos) << *svg;
  EXPECT_NE(svg->find(R"(aria-label="Lien vers l'offre &lt;12&gt;")"), std::string::npos);
  // The three finder patterns: the top-left one starts at the quiet zone's corner.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
  std::size_t modules = 0;
  for (std::size_t at = svg->find("h1v1h-1z"); at != std::string::npos;
       at = svg->find("h1v1h-1z", at + 1))
    ++modules;
  EXPECT_GT(modules, 29u * 29 / 3);  // roughly half the modules are dark
  EXPECT_LT(modules, 29u * 29 * 2 / 3);
}

TEST(QrCodeTest, TooMuchTextIsRefused) {
  EXPECT_THAT(QrCodeSvg(std::string(8000, 'x'), "trop"), HasErrorCode(ErrorCode::kInvalidArgument));
}

}  // namespace
}  // namespace maplace
