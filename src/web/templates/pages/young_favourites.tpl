{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes favoris</h1>
<p class="lead">Les offres et les formations que vous gardez pour plus tard.</p>
<p><a href="/recherche">Chercher des offres</a> · <a href="/mes-recherches">Mes recherches</a> · <a href="/mon-profil">Mon profil</a></p>
{{#NONE}}<p>Vous n'avez pas encore de favori. Sur une offre ou une formation, cliquez sur « Ajouter aux favoris ».</p>{{/NONE}}
<ul class="plain-list stack">
{{#ITEM}}<li class="card stack favourite{{#CLOSED}} favourite--closed{{/CLOSED}}">
  <p class="meta">{{KIND}}</p>
  <h2 class="card-title">{{#OPEN}}<a href="{{HREF}}">{{TITLE}}</a>{{/OPEN}}{{#CLOSED}}{{TITLE}}{{/CLOSED}}</h2>
  {{#HAS_SUBTITLE}}<p>{{SUBTITLE}}</p>{{/HAS_SUBTITLE}}
  {{#CLOSED}}<p><strong class="status status--closed">{{STATE}}</strong> : cette {{NOUN}} n'est plus proposée.</p>{{/CLOSED}}
  <p class="meta">Ajoutée le {{DATE}}</p>
  {{>FAVOURITE}}
</li>{{/ITEM}}
</ul>
