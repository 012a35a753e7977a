{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Recherche</h1>
{{>SEARCH_BOX}}
{{#TOO_SHORT}}<p>Tapez au moins 2 caractères.</p>{{/TOO_SHORT}}
{{#NOTHING}}<p>Aucune organisation ni aucun contact ne correspond à « {{Q}} ».</p>{{/NOTHING}}
<ul class="plain-list stack" aria-label="Résultats">{{#HIT}}<li><a href="/conseil/organisations/{{ID}}">{{NAME}}</a> <span class="badge">{{KIND}}</span> <span class="meta">{{DETAILS}}</span></li>{{/HIT}}</ul>
