{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes recherches</h1>
<p class="lead">Vos recherches enregistrées. Avec l'alerte, vous recevez un e-mail par jour au plus, seulement quand de nouvelles offres correspondent.</p>
<p><a href="/recherche">Nouvelle recherche</a> · <a href="/mes-favoris">Mes favoris</a> · <a href="/mon-profil">Mon profil</a></p>
{{>FORM_ERRORS}}
{{#NONE}}<p>Vous n'avez pas encore enregistré de recherche. Lancez une <a href="/recherche">recherche</a>, puis cliquez sur « Enregistrer cette recherche ».</p>{{/NONE}}
<ul class="plain-list stack">
{{#SEARCH}}<li class="card stack saved-search" id="recherche-{{ID}}">
  <h2 class="card-title">{{NAME}}</h2>
  <p class="meta">{{SUMMARY}}</p>
  <p>Alerte par e-mail : <strong>{{#ALERTS_ON}}activée{{/ALERTS_ON}}{{#ALERTS_OFF}}désactivée{{/ALERTS_OFF}}</strong></p>
  <p><a href="/recherche?{{QUERY}}">Relancer la recherche<span class="visually-hidden"> « {{NAME}} »</span></a></p>
  <div class="inline-list">
    <form class="inline-form" method="post" action="/mes-recherches/{{ID}}/alertes">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{#ALERTS_ON}}<input type="hidden" name="alerts" value="0"><button class="btn btn--secondary" type="submit">Couper l'alerte<span class="visually-hidden"> de « {{NAME}} »</span></button>{{/ALERTS_ON}}
      {{#ALERTS_OFF}}<input type="hidden" name="alerts" value="1"><button class="btn btn--secondary" type="submit">Activer l'alerte<span class="visually-hidden"> de « {{NAME}} »</span></button>{{/ALERTS_OFF}}
    </form>
    <form class="inline-form" method="post" action="/mes-recherches/{{ID}}/supprimer">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button class="btn btn--link" type="submit">Supprimer<span class="visually-hidden"> la recherche « {{NAME}} »</span></button>
    </form>
  </div>
</li>{{/SEARCH}}
</ul>
