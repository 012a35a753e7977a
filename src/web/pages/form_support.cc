#include "web/pages/form_support.h"

#include <map>

namespace maplace::web {

std::string SafeReturnPath(const std::string& path, const std::string& fallback) {
  if (path.size() < 1 || path[0] != '/' || (path.size() > 1 && (path[1] == '/' || path[1] == '\\')))
    return fallback;
  for (char c : path) {
    if (static_cast<unsigned char>(c) < 0x20) return fallback;
  }
  return path;
}

Response WithSession(Response response, const people::NewSession& session, const Site& site) {
  const bool staff = people::IsStaff(session.actor.role);
  const auto limits = people::SessionLimitsFor(session.actor.role);
  response.Header("Set-Cookie",
                  SetCookie(CookieName("maplace_session", site.secure()), session.token,
                            {.secure = site.secure(), .max_age = staff ? -1 : limits.absolute}));
  return response;
}

std::string InfoText(const std::string& code) {
  static const std::map<std::string, std::string> texts = {
      {"deconnecte", "Vous êtes déconnecté."},
      {"mot-de-passe-change", "Votre mot de passe a été changé : connectez-vous avec le nouveau."},
      {"bienvenue", "Votre compte est activé. Bienvenue !"},
      {"adresse-envoyee",
       "Un lien de confirmation a été envoyé à la nouvelle adresse : ouvrez-le pour terminer."},
      {"invitation-envoyee", "L'invitation a été envoyée."},
      {"invitation-acceptee", "Vous avez rejoint l'organisation."},
      {"desactive", "Le compte a été désactivé et ses sessions fermées."},
      {"connexion-requise", "Connectez-vous pour continuer."},
  };
  auto it = texts.find(code);
  return it == texts.end() ? "" : it->second;
}

}  // namespace maplace::web
