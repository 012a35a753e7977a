// Sign-up, log-in and log-out, password reset, e-mail change and the personal space.
#include <fmt/format.h>

#include "web/error_response.h"
#include "web/page.h"
#include "web/pages/form_support.h"
#include "web/routes.h"

namespace maplace::web {
namespace {

using people::Role;

Page SignUpPage(const Request& request, const Error* error) {
  Page page(request, "Créer mon compte", "pages/signup.tpl");
  page.Form();
  if (error) page.Errors(*error);
  page.TextField("NAME_FIELD", "display_name", "Prénom et nom", "text",
                 request.Form("display_name"), "name");
  page.TextField("EMAIL_FIELD", "email", "Adresse e-mail", "email", request.Form("email"), "email",
                 "Par exemple : prenom.nom@exemple.fr");
  page.PasswordField("password", "Mot de passe", "new-password", true);
  return page;
}

Page LoginPage(const Request& request, const Error* error) {
  Page page(request, "Me connecter", "pages/login.tpl");
  page.Form();
  if (error) page.Errors(*error);
  std::string info = InfoText(request.Query("info"));
  if (!info.empty()) page.Notice("info", info);
  page.Set("RETURN_TO", SafeReturnPath(request.Form("retour").empty() ? request.Query("retour")
                                                                      : request.Form("retour"),
                                       "/espace"));
  page.TextField("EMAIL_FIELD", "email", "Adresse e-mail", "email", request.Form("email"),
                 "username");
  page.PasswordField("password", "Mot de passe", "current-password", false);
  return page;
}

Page ForgotPage(const Request& request, const Error* error) {
  Page page(request, "Mot de passe oublié", "pages/forgot_password.tpl");
  page.Form();
  if (error) page.Errors(*error);
  page.TextField("EMAIL_FIELD", "email", "Adresse e-mail", "email", request.Form("email"), "email");
  return page;
}

Page ResetPage(const Request& request, const Error* error, const std::string& token) {
  Page page(request, "Nouveau mot de passe", "pages/reset_password.tpl");
  page.Form();
  if (error) page.Errors(*error);
  page.Set("TOKEN", token);
  page.PasswordField("password", "Nouveau mot de passe", "new-password", true);
  return page;
}

Page AccountPage(const Request& request, const Error* error) {
  Page page(request, "Mon compte", "pages/account.tpl");
  page.Form();
  if (error) page.Errors(*error);
  std::string info = InfoText(request.Query("info"));
  if (!info.empty()) page.Notice("success", info);
  page.Set("EMAIL", request.actor->email);
  page.TextField("EMAIL_FIELD", "new_email", "Nouvelle adresse e-mail", "email",
                 request.Form("new_email"), "email");
  page.PasswordField("current_password", "Mot de passe actuel", "current-password", false);
  return page;
}

// A page with one button that uses the link's token: opening a link (a mail scanner may do it)
// changes nothing; pressing the button does.
Response ConfirmPage(const Request& request, const Templates& templates, const char* title,
                     const char* text, const char* action, const char* button) {
  Page page(request, title, "pages/confirm.tpl");
  page.Form();
  page.Set("HEADING", title).Set("TEXT", text).Set("ACTION", action).Set("BUTTON", button);
  page.Set("TOKEN", request.Query("jeton"));
  return page.Render(templates);
}

Response MessagePage(const Request& request, const Templates& templates, const std::string& title,
                     const std::string& text, const char* href, const char* label,
                     int status = 200) {
  Page page(request, title, "pages/message.tpl");
  page.Set("HEADING", title).Set("TEXT", text);
  auto* link = page.dict().AddSectionDictionary("LINK");
  link->SetValue("HREF", href);
  link->SetValue("LABEL", label);
  return page.Render(templates, status);
}

struct Card {
  const char* href;
  const char* title;
  const char* text;
};

void FillSpace(Page& page, const people::Actor& actor, const std::string& organisation) {
  std::vector<Card> cards = {
      {"/compte", "Mon compte", "Votre adresse e-mail et votre mot de passe."}};
  std::vector<const char*> coming;
  switch (actor.role) {
    case Role::kYoungPerson:
      cards.push_back({"/mes-candidatures", "Mes candidatures",
                       "Vos candidatures aux offres, leur état et les réponses des recruteurs."});
      cards.push_back(
          {"/mon-cv", "Mon CV", "Déposez votre CV une fois, il part avec vos candidatures."});
      cards.push_back({"/mes-messages", "Mes messages",
                       "Vos candidatures spontanées, vos questions aux CFA et leurs réponses."});
      cards.push_back({"/mes-demandes", "Mes demandes d'aide",
                       "Vos demandes, leur état, vos pièces et les messages du conseiller."});
      coming = {"Rechercher des offres et des formations en alternance près de chez vous",
                "Simuler votre salaire d'apprenti et les aides auxquelles vous avez droit"};
      break;
    case Role::kEmployer:
      cards.push_back({"/employeur/offres", "Mes offres",
                       "Préparer, publier, prolonger et clôturer vos offres d'alternance."});
      cards.push_back({"/employeur/candidatures", "Candidatures reçues",
                       "Lire les candidatures, proposer un entretien, répondre en deux clics."});
      cards.push_back({"/employeur/candidatures-spontanees", "Candidatures spontanées",
                       "Les jeunes qui vous écrivent sans répondre à une offre."});
      cards.push_back({"/organisation", "Mon organisation", "Vos collègues et leurs invitations."});
      cards.push_back({"/organisation/details", "Informations de l'entreprise",
                       "SIRET, adresse, convention collective et validation par la délégation."});
      cards.push_back({"/mes-demandes", "Mes demandes d'aide",
                       "Les demandes d'aide de votre organisation pour ses apprentis."});
      break;
    case Role::kCfa:
      cards.push_back({"/cfa/formations", "Mes formations",
                       "Votre catalogue : formations, rentrées, places, import CSV."});
      cards.push_back({"/cfa/offres-relayees", "Offres relayées",
                       "Les offres que les employeurs vous envoient, avec leur affiche."});
      cards.push_back({"/cfa/demandes", "Demandes d'informations",
                       "Les questions des jeunes sur vos formations, à qui vous répondez ici."});
      cards.push_back(
          {"/cfa/partenaires", "Entreprises partenaires",
           "Les entreprises qui accueillent vos apprentis (visible de votre CFA seul)."});
      cards.push_back({"/organisation", "Mon organisation", "Vos collègues et leurs invitations."});
      cards.push_back({"/mes-demandes", "Mes demandes d'aide",
                       "Les demandes d'aide de votre organisation pour ses apprentis."});
      coming = {"S'inscrire aux ateliers Aktiv Alternance"};
      break;
    case Role::kAdvisor:
      cards.push_back({"/conseil/organisations", "Organisations et offres signalées",
                       "Valider les entreprises et les CFA, traiter les signalements."});
      coming = {"Entreprises, CFA et partenaires de votre portefeuille",
                "Demandes d'aide à instruire", "Suivi des apprentis, ateliers et POEC"};
      break;
    case Role::kManager:
      coming = {"Validation des demandes d'aide et des engagements", "Budgets par dispositif",
                "Indicateurs et bilan Perspektiv Alternance"};
      break;
    case Role::kFinance:
      coming = {"Lots de paiement et virements SEPA", "Suivi des budgets engagés et payés"};
      break;
    case Role::kAdmin:
      cards.push_back({"/admin/utilisateurs", "Utilisateurs", "Les comptes et leur état."});
      cards.push_back(
          {"/admin/courriels", "Courriels", "Les courriels envoyés par la plateforme."});
      break;
  }
  for (const auto& card : cards) {
    auto* dict = page.dict().AddSectionDictionary("CARD");
    dict->SetValue("HREF", card.href);
    dict->SetValue("TITLE", card.title);
    dict->SetValue("TEXT", card.text);
  }
  if (!coming.empty()) {
    auto* section = page.dict().AddSectionDictionary("COMING");
    for (const char* item : coming) section->AddSectionDictionary("ITEM")->SetValue("TEXT", item);
  }
  if (!organisation.empty())
    page.dict().AddSectionDictionary("ORGANISATION")->SetValue("NAME", organisation);
}

}  // namespace

void AddAccountPages(Router& router, const WebServices& services) {
  const Templates& templates = services.templates;
  people::AccountService& accounts = services.accounts;
  const Site& site = services.site;

  router.Get("/inscription", Access::Public(), [&](Request& request) {
    if (request.actor) return Redirect("/espace");
    return SignUpPage(request, nullptr).Render(templates);
  });
  router.Post("/inscription", Access::Public(), [&](Request& request) {
    auto done = accounts.SignUp(request.Form("email"), request.Form("display_name"),
                                request.Form("password"), request.client_address);
    if (done) return Redirect("/inscription/envoyee");
    if (done.error().code == ErrorCode::kInvalidArgument)
      return SignUpPage(request, &done.error()).Render(templates, 422);
    return ErrorResponse(request, templates, done.error());
  });
  router.Get("/inscription/envoyee", Access::Public(), [&](Request& request) {
    return MessagePage(request, templates, "Vérifiez votre messagerie",
                       "Si cette adresse peut être utilisée, un e-mail vient d'y être envoyé : "
                       "ouvrez le lien qu'il contient pour activer votre compte. Pensez à "
                       "regarder dans les courriers indésirables.",
                       "/", "Revenir à l'accueil");
  });
  router.Get("/inscription/confirmer", Access::Public(), [&](Request& request) {
    return ConfirmPage(request, templates, "Activer mon compte",
                       "Dernière étape : confirmez que cette adresse e-mail est bien la vôtre.",
                       "/inscription/confirmer", "Activer mon compte");
  });
  router.Post("/inscription/confirmer", Access::Public(), [&](Request& request) {
    auto session = accounts.ConfirmEmail(request.Form("jeton"), request.client_address);
    if (!session) return ErrorResponse(request, templates, session.error());
    return WithSession(Redirect("/espace?info=bienvenue"), *session, site);
  });

  router.Get("/connexion", Access::Public(), [&](Request& request) {
    if (request.actor) return Redirect("/espace");
    return LoginPage(request, nullptr).Render(templates);
  });
  router.Post("/connexion", Access::Public(), [&](Request& request) {
    auto session =
        accounts.Login(request.Form("email"), request.Form("password"), request.client_address);
    if (session) {
      return WithSession(Redirect(SafeReturnPath(request.Form("retour"), "/espace")), *session,
                         site);
    }
    const Error& error = session.error();
    if (error.code == ErrorCode::kResourceExhausted) {
      const long seconds = std::stol(error.fields.at("retry_after"));
      Error shown{error.code,
                  error.message,
                  {{"password", fmt::format("Trop de tentatives : réessayez dans {} minute(s).",
                                            (seconds + 59) / 60)}}};
      Response response = LoginPage(request, &shown).Render(templates, 429);
      response.Header("Retry-After", std::to_string(seconds));
      return response;
    }
    if (error.code == ErrorCode::kUnauthenticated || error.code == ErrorCode::kFailedPrecondition ||
        error.code == ErrorCode::kInvalidArgument)
      return LoginPage(request, &error).Render(templates, HttpStatusFor(error.code));
    return ErrorResponse(request, templates, error);
  });
  router.Post("/deconnexion", Access::SignedIn(), [&](Request& request) {
    auto done = accounts.Logout(request.session_token);
    if (!done) return ErrorResponse(request, templates, done.error());
    Response response = Redirect("/connexion?info=deconnecte");
    response.Header("Set-Cookie", SetCookie(CookieName("maplace_session", site.secure()), "",
                                            {.secure = site.secure(), .max_age = 0}));
    return response;
  });

  router.Get("/mot-de-passe-oublie", Access::Public(),
             [&](Request& request) { return ForgotPage(request, nullptr).Render(templates); });
  router.Post("/mot-de-passe-oublie", Access::Public(), [&](Request& request) {
    auto done = accounts.RequestPasswordReset(request.Form("email"), request.client_address);
    if (done) return Redirect("/mot-de-passe-oublie/envoye");
    if (done.error().code == ErrorCode::kInvalidArgument)
      return ForgotPage(request, &done.error()).Render(templates, 422);
    return ErrorResponse(request, templates, done.error());
  });
  router.Get("/mot-de-passe-oublie/envoye", Access::Public(), [&](Request& request) {
    return MessagePage(request, templates, "Vérifiez votre messagerie",
                       "Si un compte existe pour cette adresse, nous venons d'y envoyer un lien "
                       "pour choisir un nouveau mot de passe. Il est valable une heure.",
                       "/connexion", "Revenir à la connexion");
  });
  router.Get("/mot-de-passe/nouveau", Access::Public(), [&](Request& request) {
    return ResetPage(request, nullptr, request.Query("jeton")).Render(templates);
  });
  router.Post("/mot-de-passe/nouveau", Access::Public(), [&](Request& request) {
    auto done = accounts.ResetPassword(request.Form("jeton"), request.Form("password"),
                                       request.client_address);
    if (done) {
      Response response = Redirect("/connexion?info=mot-de-passe-change");
      if (request.actor)  // every session ended, this one too
        response.Header("Set-Cookie", SetCookie(CookieName("maplace_session", site.secure()), "",
                                                {.secure = site.secure(), .max_age = 0}));
      return response;
    }
    if (done.error().fields.count("password"))
      return ResetPage(request, &done.error(), request.Form("jeton")).Render(templates, 422);
    return ErrorResponse(request, templates, done.error());
  });

  router.Get("/espace", Access::SignedIn(), [&](Request& request) {
    Page page(request, "Mon espace", "pages/space.tpl");
    std::string info = InfoText(request.Query("info"));
    if (!info.empty()) page.Notice("success", info);
    std::string organisation;
    if (request.actor->membership) {
      auto found = accounts.OrganisationOf(*request.actor);
      if (found) organisation = found->name;
    }
    FillSpace(page, *request.actor, organisation);
    return page.Render(templates);
  });

  router.Get("/compte", Access::SignedIn(),
             [&](Request& request) { return AccountPage(request, nullptr).Render(templates); });
  router.Post("/compte/adresse", Access::SignedIn(), [&](Request& request) {
    auto done = accounts.RequestEmailChange(*request.actor, request.Form("current_password"),
                                            request.Form("new_email"));
    if (done) return Redirect("/compte?info=adresse-envoyee");
    if (done.error().code == ErrorCode::kInvalidArgument)
      return AccountPage(request, &done.error()).Render(templates, 422);
    return ErrorResponse(request, templates, done.error());
  });
  router.Get("/compte/adresse/confirmer", Access::Public(), [&](Request& request) {
    return ConfirmPage(request, templates, "Confirmer ma nouvelle adresse",
                       "Confirmez que votre compte doit désormais utiliser cette adresse e-mail.",
                       "/compte/adresse/confirmer", "Confirmer");
  });
  router.Post("/compte/adresse/confirmer", Access::Public(), [&](Request& request) {
    auto done = accounts.ConfirmEmailChange(request.Form("jeton"));
    if (!done) return ErrorResponse(request, templates, done.error());
    return MessagePage(request, templates, "Adresse e-mail changée",
                       "Votre compte utilise désormais votre nouvelle adresse : utilisez-la pour "
                       "vous connecter.",
                       "/espace", "Aller à mon espace");
  });
}

}  // namespace maplace::web
