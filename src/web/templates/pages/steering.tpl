{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Pilotage {{YEAR}}</h1>
<p class="meta">Chaque chiffre est recalculé depuis la plateforme avec la définition écrite sous lui ; les années sont celles de la Martinique. Comparaison avec {{PREVIOUS_YEAR}}.</p>
<p><a href="/pilotage/perspektiv?annee={{YEAR}}">Le bilan Perspektiv Alternance {{YEAR}}</a> : les actions, les résultats et les métiers en tension, à partager avec les CFA et les partenaires (page, PDF et classeur).</p>
{{>FORM_ERRORS}}
<form class="form filters" method="get" action="/pilotage">
  <div class="filters-fields filters-fields--steering">
    <div class="field"><label for="year">Année</label><select id="year" name="annee">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTION}}</select></div>
    <div class="field"><label for="area">Bassin d'emploi</label><select id="area" name="area">{{#AREA_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA_OPTION}}</select></div>
    <div class="field"><label for="branch">Branche</label><select id="branch" name="branch">{{#BRANCH_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BRANCH_OPTION}}</select></div>
    <div class="field"><label for="opco">OPCO</label><select id="opco" name="opco">{{#OPCO_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPCO_OPTION}}</select></div>
    <div class="field"><label for="level">Niveau de certification</label><select id="level" name="level">{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTION}}</select></div>
    <div class="field"><label for="rome">Métier (code ROME)</label><input id="rome" name="rome" value="{{ROME}}" maxlength="5" autocomplete="off" aria-describedby="rome-hint"><p class="hint" id="rome-hint">Par exemple M1607 ; vide pour tous les métiers.</p></div>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Afficher</button> <a href="{{JSON_HREF}}">Les chiffres en JSON</a></div>
</form>
{{#INDICATOR}}<section class="card indicator" aria-labelledby="indicateur-{{ID}}">
  <h2 id="indicateur-{{ID}}">{{LABEL}}</h2>
  <p class="indicator-value"><strong>{{VALUE}}</strong> <span class="meta">en {{YEAR}} — {{PREVIOUS}} en {{PREVIOUS_YEAR}} ({{CHANGE}})</span></p>
  <p class="meta">{{DEFINITION}}</p>
  <p class="meta">Filtres appliqués : {{APPLIED}}.{{#NOT_APPLICABLE}} <strong>Sans objet pour ce chiffre, donc non appliqués : {{NOT_APPLICABLE_LIST}}.</strong>{{/NOT_APPLICABLE}}</p>
  {{#DETAIL}}<div class="chart-pair">{{CHART:none}}
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="detail-{{ID}}">
  <table class="table">
    <caption id="detail-{{ID}}">{{LABEL}} : les chiffres</caption>
    <thead><tr><th scope="col">Détail</th><th scope="col">{{YEAR}}</th><th scope="col">{{PREVIOUS_YEAR}}</th>{{#DRILL_COLUMN}}<th scope="col">Dossiers</th>{{/DRILL_COLUMN}}</tr></thead>
    <tbody>{{#PART}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{VALUE}}</td><td class="num">{{PREVIOUS}}</td>{{#DRILL}}<td><a href="{{HREF}}">Voir les dossiers<span class="visually-hidden"> : {{LABEL}}, {{YEAR}}</span></a></td>{{/DRILL}}</tr>{{/PART}}</tbody>
  </table>
  </div></div>{{/DETAIL}}
</section>{{/INDICATOR}}
