{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes demandes d'aide</h1>
<p class="lead">{{#ORGANISATION}}Les demandes de votre organisation, {{/ORGANISATION}}de la plus récente à la plus ancienne. Pour demander une aide, faites d'abord une simulation : le bouton « Demander cette aide » apparaît sous chaque aide que la délégation verse.</p>
{{#NONE}}<p>Aucune demande pour l'instant.</p>{{/NONE}}
<ul class="plain-list stack">{{#REQUEST}}<li class="card">
  <h2 class="card-title"><a class="card-link" href="{{HREF}}">{{AID_NAME}} <span class="visually-hidden">(demande n° {{ID}})</span></a></h2>
  <dl class="dl-grid">
    <div><dt>État</dt><dd><span class="badge badge--{{STATE_CODE}}">{{STATE}}</span></dd></div>
    <div><dt>Montant</dt><dd>{{AMOUNT}}</dd></div>
    <div><dt>Pour</dt><dd>{{BENEFICIARY}}</dd></div>
    <div><dt>Créée le</dt><dd>{{CREATED}}</dd></div>
  </dl>
</li>{{/REQUEST}}</ul>
<p><a class="btn btn--secondary" href="/simulateurs">Faire une simulation</a></p>
