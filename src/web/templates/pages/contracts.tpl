{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Contrats</h1>
<p class="meta"><a href="/conseil/contrats/nouveau">Nouveau contrat</a> · <a href="/conseil/contrats/import">Importer un fichier CSV</a> · <a href="/conseil/ma-semaine">Ma semaine</a></p>
<form class="form filters" method="get" action="/conseil/contrats">
  <div class="filters-fields">
    <div class="field"><label for="f-year">Année</label><select id="f-year" name="year">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTION}}</select></div>
    <div class="field"><label for="f-employer">Employeur</label><select id="f-employer" name="employer">{{#EMPLOYER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/EMPLOYER_OPTION}}</select></div>
    <div class="field"><label for="f-cfa">CFA</label><select id="f-cfa" name="cfa">{{#CFA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CFA_OPTION}}</select></div>
    <div class="field"><label for="f-state">État</label><select id="f-state" name="state">{{#STATE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPTION}}</select></div>
    <div class="field"><label for="f-level">Niveau</label><select id="f-level" name="level">{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTION}}</select></div>
    <div class="field"><label for="f-checks">Contrôles</label><select id="f-checks" name="checks">{{#CHECKS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHECKS_OPTION}}</select></div>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Filtrer</button></div>
</form>
<p>{{TOTAL}} contrat(s). <a href="{{EXPORT}}">Télécharger la liste filtrée (XLSX)</a></p>
{{#EMPTY}}<p>Aucun contrat ne correspond à ces filtres.</p>{{/EMPTY}}
{{#ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-contrats">
<table class="table table--wide">
  <caption id="legende-contrats">Contrats, page {{PAGE}} sur {{PAGES}}</caption>
  <thead><tr><th scope="col">Apprenti</th><th scope="col">Employeur</th><th scope="col">CFA</th><th scope="col">Niveau</th><th scope="col">Dates</th><th scope="col">État</th><th scope="col">Contrôles</th></tr></thead>
  <tbody>{{#ROW}}<tr data-contract="{{ID}}"><th scope="row"><a href="/conseil/contrats/{{ID}}">{{NAME}}</a>{{#MINOR}} <span class="badge">Mineur</span>{{/MINOR}}<br><a class="meta" href="/conseil/apprentis/{{APPRENTICE_ID}}">Suivi</a></th><td>{{EMPLOYER}}</td><td>{{CFA}}</td><td>{{LEVEL}}</td><td>{{DATES}}</td><td>{{STATE}}</td><td>{{#HAS_FAILED}}<span class="badge">{{FAILED}} en échec</span>{{/HAS_FAILED}}</td></tr>{{/ROW}}</tbody>
</table>
</div>{{/ROWS}}
<nav class="pager" aria-label="Pages">{{#HAS_PREVIOUS}}<a href="{{PREVIOUS}}" rel="prev">Page précédente</a>{{/HAS_PREVIOUS}}<span>Page {{PAGE}} sur {{PAGES}}</span>{{#HAS_NEXT}}<a href="{{NEXT}}" rel="next">Page suivante</a>{{/HAS_NEXT}}</nav>
