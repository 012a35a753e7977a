{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Ateliers Aktiv Alternance</h1>
<p class="lead">Les ateliers pratiques de la délégation de l'OPCO : inscrivez une ou plusieurs personnes de votre structure.</p>
{{#NONE}}<p>Aucune session à venir pour l'instant.</p>{{/NONE}}
<ul class="plain-list stack">
{{#SESSION}}<li class="card">
  <h2 class="card-title"><a href="/ateliers/{{ID}}">{{TITLE}}</a></h2>
  <p>{{THEME}} — {{SCHEDULE}} — {{WHERE}}</p>
  <p>{{#FULL}}<strong>Complet</strong> : inscription en liste d'attente{{/FULL}}{{#NOT_FULL}}{{SEATS_LEFT}} place(s) libre(s) sur {{CAPACITY}}{{/NOT_FULL}}</p>
</li>{{/SESSION}}
</ul>
