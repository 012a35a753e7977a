{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{NAME}}</h1>
<p class="meta">Jeune inscrit ({{EMAIL}}). <a href="/conseil/ma-semaine">Ma semaine</a></p>
{{>SEARCH_BOX}}
{{#APPRENTICE}}<p><a href="/conseil/apprentis/{{ID}}">Son suivi d'apprenti (contrats, difficultés)</a></p>{{/APPRENTICE}}
<section aria-labelledby="echanges" class="stack">
  <h2 id="echanges">Échanges le concernant</h2>
  {{#NO_INTERACTION}}<p>Aucun échange enregistré.</p>{{/NO_INTERACTION}}
  <ol class="plain-list stack">{{#INTERACTION}}<li class="card">
    <p><strong>{{KIND}} du {{DATE}}</strong>{{#HAS_ORGANISATION}} — <a href="/conseil/organisations/{{ORGANISATION_ID}}">{{ORGANISATION}}</a>{{/HAS_ORGANISATION}} <span class="meta">par {{ADVISOR}}</span></p>
    <p>{{SUMMARY}}</p>
    {{#HAS_ACTION}}<p>Action suivante : {{ACTION}} — échéance le {{DUE}}{{#DONE}} <span class="badge">Faite</span>{{/DONE}}{{#OVERDUE}} <span class="badge">En retard</span>{{/OVERDUE}}</p>{{/HAS_ACTION}}
  </li>{{/INTERACTION}}</ol>
</section>
