{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="meta"><a href="/conseil/ma-semaine">Ma semaine</a> · <a href="/conseil/repertoire/nouvelle">Nouvelle organisation</a></p>
{{>SEARCH_BOX}}
<form class="form filters" method="get" action="{{ACTION}}">
  <div class="filters-fields">
    <div class="field"><label for="f-q">Nom, SIRET ou UAI</label><input id="f-q" name="q" type="search" value="{{Q}}" maxlength="200"></div>
    <div class="field"><label for="f-kind">Type</label><select id="f-kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></div>
    <div class="field"><label for="f-commune">Commune</label><select id="f-commune" name="commune">{{#COMMUNE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COMMUNE_OPTION}}</select></div>
    <div class="field"><label for="f-branch">Branche</label><select id="f-branch" name="branch">{{#BRANCH_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BRANCH_OPTION}}</select></div>
    <div class="field"><label for="f-opco">OPCO</label><select id="f-opco" name="opco">{{#OPCO_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPCO_OPTION}}</select></div>
    {{#ADVISOR_FILTER}}<div class="field"><label for="f-advisor">Conseiller référent</label><select id="f-advisor" name="advisor">{{#ADVISOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ADVISOR_OPTION}}</select></div>{{/ADVISOR_FILTER}}
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Filtrer</button></div>
</form>
<p>{{TOTAL}} organisation(s). <a href="{{EXPORT}}">Télécharger la liste filtrée (XLSX)</a></p>
{{#EMPTY}}<p>Aucune organisation ne correspond à ces filtres.</p>{{/EMPTY}}
{{#ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-organisations">
<table class="table table--wide">
  <caption id="legende-organisations">Organisations, page {{PAGE}} sur {{PAGES}}</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">SIRET</th><th scope="col">Commune</th><th scope="col">Branche</th><th scope="col">OPCO</th><th scope="col">Conseiller</th><th scope="col">État</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/conseil/organisations/{{ID}}">{{NAME}}</a></td><td>{{KIND}}</td><td>{{SIRET}}</td><td>{{COMMUNE}}</td><td>{{BRANCH}}</td><td>{{OPCO}}</td><td>{{ADVISOR}}</td><td>{{STATUS}}</td></tr>{{/ROW}}</tbody>
</table>
</div>{{/ROWS}}
<nav class="pager" aria-label="Pages">{{#HAS_PREVIOUS}}<a href="{{PREVIOUS}}" rel="prev">Page précédente</a>{{/HAS_PREVIOUS}}<span>Page {{PAGE}} sur {{PAGES}}</span>{{#HAS_NEXT}}<a href="{{NEXT}}" rel="next">Page suivante</a>{{/HAS_NEXT}}</nav>
