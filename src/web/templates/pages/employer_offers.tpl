{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes offres</h1>
<p class="lead">Les offres d'alternance de {{ORGANISATION}}.</p>
{{#NOT_VALIDATED}}<div class="notice notice--warning" role="status">
  <p><strong>Votre organisation n'est pas encore validée ({{STATUS}}).</strong> Vous pouvez préparer vos offres en brouillon ; vous pourrez les publier dès qu'un conseiller de la délégation l'aura validée.</p>
  {{#DETAILS}}<p>Le conseiller vous demande : « {{REASON}} ». <a href="/organisation/details">Compléter mes informations</a></p>{{/DETAILS}}
  {{#REFUSED}}<p>Motif : « {{REASON}} ».</p>{{/REFUSED}}
</div>{{/NOT_VALIDATED}}
<p><a class="btn btn--primary" href="/employeur/offres/nouvelle">Nouvelle offre</a></p>
<ul class="inline-list" aria-label="Nombre d'offres par état">{{#COUNT}}<li>{{LABEL}} : {{N}}</li>{{/COUNT}}</ul>
{{#NO_OFFER}}<p>Vous n'avez pas encore d'offre.</p>{{/NO_OFFER}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="offres-caption">
<table class="table">
  <caption id="offres-caption">Vos offres, la plus récente d'abord</caption>
  <thead><tr><th scope="col">Offre</th><th scope="col">État</th><th scope="col" class="num">Candidatures</th><th scope="col">En ligne jusqu'au</th></tr></thead>
  <tbody>{{#OFFER}}<tr data-offer="{{ID}}"><th scope="row"><a href="/employeur/offres/{{ID}}">{{TITLE}}</a></th><td data-state="{{STATE_CODE}}">{{STATE}}</td><td class="num">{{APPLICATIONS}}</td><td>{{UNTIL}}</td></tr>{{/OFFER}}</tbody>
</table>
</div>
