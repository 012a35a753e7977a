// The home page and the legal pages: public, the same for everybody.
#include "web/page.h"
#include "web/routes.h"

namespace maplace::web {

void AddPublicPages(Router& router, const WebServices& services) {
  const Templates& templates = services.templates;
  router.Get("/", Access::Public(), [&templates](Request& request) {
    return Page(request, "Accueil", "pages/home.tpl").Render(templates);
  });
  struct Static {
    const char* path;
    const char* title;
    const char* tpl;
  };
  for (auto page : {Static{"/mentions-legales", "Mentions légales", "pages/legal.tpl"},
                    Static{"/donnees-personnelles", "Données personnelles", "pages/privacy.tpl"},
                    Static{"/accessibilite", "Accessibilité", "pages/accessibility.tpl"}}) {
    router.Get(page.path, Access::Public(), [&templates, page](Request& request) {
      return Page(request, page.title, page.tpl).Render(templates);
    });
  }
}

}  // namespace maplace::web
