{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Ma semaine</h1>
<p class="meta">Le {{TODAY}}. <a href="/conseil/portefeuille">Mon portefeuille</a> · <a href="/conseil/repertoire">Répertoire</a> · <a href="/conseil/interactions">Échanges</a> · <a href="/conseil/repertoire/nouvelle">Nouvelle organisation</a></p>
{{>SEARCH_BOX}}
<section aria-labelledby="en-retard">
  <h2 id="en-retard">Actions en retard ({{OVERDUE_COUNT}})</h2>
  {{#NO_OVERDUE}}<p>Aucune action en retard.</p>{{/NO_OVERDUE}}
  <ul class="plain-list stack">{{#OVERDUE}}<li class="card crm-action" data-interaction="{{ID}}">
    {{#HAS_ACTION}}<p><strong>{{ACTION}}</strong> — échéance le {{DUE}} <span class="badge">En retard</span></p>
    <form method="post" action="/conseil/echanges/{{ID}}/fait" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="semaine"><button class="btn btn--secondary" type="submit">Marquer comme faite</button></form>{{/HAS_ACTION}}
    <p class="meta">{{KIND}} du {{DATE}}{{#HAS_ORGANISATION}} — <a href="/conseil/organisations/{{ORGANISATION_ID}}">{{ORGANISATION}}</a>{{/HAS_ORGANISATION}}{{#HAS_YOUNG}} — <a href="/conseil/jeunes/{{YOUNG_ID}}">{{YOUNG}}</a>{{/HAS_YOUNG}}</p>
  </li>{{/OVERDUE}}</ul>
</section>
<section aria-labelledby="a-venir">
  <h2 id="a-venir">Actions des 7 prochains jours ({{UPCOMING_COUNT}})</h2>
  {{#NO_UPCOMING}}<p>Aucune action prévue dans les 7 prochains jours.</p>{{/NO_UPCOMING}}
  <ul class="plain-list stack">{{#UPCOMING}}<li class="card crm-action" data-interaction="{{ID}}">
    {{#HAS_ACTION}}<p><strong>{{ACTION}}</strong> — échéance le {{DUE}}</p>
    <form method="post" action="/conseil/echanges/{{ID}}/fait" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="semaine"><button class="btn btn--secondary" type="submit">Marquer comme faite</button></form>{{/HAS_ACTION}}
    <p class="meta">{{KIND}} du {{DATE}}{{#HAS_ORGANISATION}} — <a href="/conseil/organisations/{{ORGANISATION_ID}}">{{ORGANISATION}}</a>{{/HAS_ORGANISATION}}{{#HAS_YOUNG}} — <a href="/conseil/jeunes/{{YOUNG_ID}}">{{YOUNG}}</a>{{/HAS_YOUNG}}</p>
  </li>{{/UPCOMING}}</ul>
</section>
<section aria-labelledby="a-valider">
  <h2 id="a-valider">Organisations à valider ({{VALIDATION_COUNT}})</h2>
  <ul class="plain-list">{{#AWAITING}}<li>{{NAME}} <span class="badge">{{KIND}}</span> <span class="meta">inscrite le {{SINCE}}</span></li>{{/AWAITING}}</ul>
  <p><a href="/conseil/organisations">Ouvrir la file de validation</a></p>
</section>
<section aria-labelledby="a-instruire">
  <h2 id="a-instruire">Demandes d'aide à instruire</h2>
  <p>{{REQUESTS_COUNT}} demande(s) envoyée(s) ou en instruction. <a href="/conseil/demandes#file-a-instruire">Voir les demandes à instruire</a></p>
</section>
