{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Échanges</h1>
<p class="meta"><a href="/conseil/ma-semaine">Ma semaine</a> · <a href="/conseil/repertoire">Répertoire</a></p>
{{>SEARCH_BOX}}
<form class="form filters" method="get" action="/conseil/interactions">
  <div class="filters-fields">
    <div class="field"><label for="f-q">Organisation</label><input id="f-q" name="q" type="search" value="{{Q}}" maxlength="200"></div>
    <div class="field"><label for="f-advisor">Conseiller</label><select id="f-advisor" name="advisor">{{#ADVISOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ADVISOR_OPTION}}</select></div>
    <div class="field"><label for="f-kind">Type</label><select id="f-kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></div>
    <div class="field"><label for="f-action">Action suivante</label><select id="f-action" name="action">{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTION_OPTION}}</select></div>
    <div class="field"><label for="f-from">Du</label><input id="f-from" name="from" type="date" class="input-date" value="{{FROM}}"></div>
    <div class="field"><label for="f-to">Au</label><input id="f-to" name="to" type="date" class="input-date" value="{{TO}}"></div>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Filtrer</button></div>
</form>
<p>{{TOTAL}} échange(s). <a href="{{EXPORT}}">Télécharger la liste filtrée (XLSX)</a></p>
{{#EMPTY}}<p>Aucun échange ne correspond à ces filtres.</p>{{/EMPTY}}
{{#ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-echanges">
<table class="table table--wide">
  <caption id="legende-echanges">Échanges, page {{PAGE}} sur {{PAGES}}</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Organisation</th><th scope="col">Conseiller</th><th scope="col">Résumé</th><th scope="col">Action suivante</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{DATE}}</td><td>{{KIND}}</td><td>{{#HAS_ORGANISATION}}<a href="/conseil/organisations/{{ORGANISATION_ID}}">{{ORGANISATION}}</a>{{/HAS_ORGANISATION}}{{#HAS_YOUNG}} <a href="/conseil/jeunes/{{YOUNG_ID}}">{{YOUNG}}</a>{{/HAS_YOUNG}}</td><td>{{ADVISOR}}</td><td>{{SUMMARY}}</td><td>{{#HAS_ACTION}}{{ACTION}} ({{DUE}}){{#DONE}} — faite{{/DONE}}{{#OVERDUE}} — en retard{{/OVERDUE}}{{/HAS_ACTION}}</td></tr>{{/ROW}}</tbody>
</table>
</div>{{/ROWS}}
<nav class="pager" aria-label="Pages">{{#HAS_PREVIOUS}}<a href="{{PREVIOUS}}" rel="prev">Page précédente</a>{{/HAS_PREVIOUS}}<span>Page {{PAGE}} sur {{PAGES}}</span>{{#HAS_NEXT}}<a href="{{NEXT}}" rel="next">Page suivante</a>{{/HAS_NEXT}}</nav>
