{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — Ici c'est ma place</title>
<link rel="stylesheet" href="/static/css/maplace.css">
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
<script src="/static/js/maplace.js" defer></script>
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
  <div class="container header-inner">
    <a class="brand" href="/">Ici c'est ma place <span class="brand-sub">l'alternance en Martinique</span></a>
    {{#SIGNED_IN}}
    <div class="account-nav">
      <span>{{USER_NAME}} · {{USER_ROLE}}{{#DEMO}} <span class="badge badge--demo">Démo</span>{{/DEMO}}</span>
      <form class="inline-form" method="post" action="/deconnexion">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button class="btn btn--link" type="submit">Se déconnecter</button>
      </form>
    </div>
    {{/SIGNED_IN}}
    <nav class="main-nav" aria-label="Menu principal">
      <ul>
        {{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/NAV}}
      </ul>
    </nav>
  </div>
</header>
<main id="contenu" class="container stack" tabindex="-1">
{{#NOTICE}}<div class="notice notice--{{KIND}}" role="status">{{TEXT}}</div>{{/NOTICE}}
{{CONTENT:none}}
</main>
<footer class="site-footer">
  <div class="container stack">
    <p>« Ici c'est ma place » est le service de la délégation régionale de l'OPCO en Martinique pour l'alternance.</p>
    <ul class="footer-links">
      <li><a href="/accessibilite">Accessibilité : partiellement conforme</a></li>
      <li><a href="/mentions-legales">Mentions légales</a></li>
      <li><a href="/donnees-personnelles">Données personnelles</a></li>
      <li><a href="/sources">Sources des données</a></li>
    </ul>
  </div>
</footer>
</body>
</html>
