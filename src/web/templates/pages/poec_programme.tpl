{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/poec">← Tous les programmes</a></p>
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead key-figure"><strong>{{FIGURES}}</strong></p>
{{>FORM_ERRORS}}
<dl class="facts">
  <dt>Métier visé</dt><dd>{{JOB}} ({{ROME}})</dd>
  <dt>Organisme de formation</dt><dd>{{ORGANISM}}</dd>
  <dt>Durée</dt><dd>{{HOURS}} heures</dd>
  <dt>Financement</dt><dd>{{FUNDING}}</dd>
  <dt>OPCO partenaires</dt><dd>{{OPCOS}}</dd>
  <dt>Candidats</dt><dd>{{CANDIDATES}}, dont {{WITH_OUTCOME}} sortis</dd>
</dl>
<p><a class="btn btn--secondary" href="/conseil/poec/{{ID}}/modifier">Modifier le programme</a></p>
<h2>Recrutements par entreprise</h2>
{{#HAS_HIRES}}<div class="table-scroll"><table>
<caption>Personnes recrutées par entreprise</caption>
<thead><tr><th scope="col">Entreprise</th><th scope="col">Personnes recrutées</th><th scope="col">Postes promis</th></tr></thead>
<tbody>{{#COMPANY}}<tr><td>{{NAME}}</td><td>{{HIRED}}</td><td>{{COMMITTED}}</td></tr>{{/COMPANY}}</tbody>
</table></div>{{/HAS_HIRES}}
{{#NO_HIRES}}<p>Aucun recrutement enregistré pour l'instant.</p>{{/NO_HIRES}}
<h2>Sorties par nature</h2>
<div class="table-scroll"><table>
<caption>Candidats par nature de sortie</caption>
<thead><tr><th scope="col">Sortie</th><th scope="col">Candidats</th></tr></thead>
<tbody>{{#OUTCOME}}<tr><td>{{LABEL}}</td><td>{{COUNT}}</td></tr>{{/OUTCOME}}</tbody>
</table></div>
<h2>Promotions</h2>
{{#NO_COHORT}}<p>Aucune promotion pour l'instant.</p>{{/NO_COHORT}}
<ul>{{#COHORT}}<li><a href="/conseil/poec/promotions/{{CID}}">{{LABEL}}</a> — {{DATES}}, {{PLACE}} — {{COUNT}} candidat(s)</li>{{/COHORT}}</ul>
<form class="form stack" method="post" action="/conseil/poec/{{ID}}/promotions" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack"><legend>Nouvelle promotion</legend>
  <div class="field{{#LABEL_ERR}} field--invalid{{/LABEL_ERR}}">
    <label for="label">Nom de la promotion</label>
    {{#LABEL_ERR}}<span class="field-error" id="label-err">{{TEXT}}</span>{{/LABEL_ERR}}
    <input id="label" name="label" type="text" maxlength="120" value="{{LABEL}}" autocomplete="off">
  </div>
  <div class="field{{#START_DATE_ERR}} field--invalid{{/START_DATE_ERR}}">
    <label for="start_date">Début</label>
    {{#START_DATE_ERR}}<span class="field-error" id="start_date-err">{{TEXT}}</span>{{/START_DATE_ERR}}
    <input id="start_date" name="start_date" type="date" value="{{START_DATE}}">
  </div>
  <div class="field{{#END_DATE_ERR}} field--invalid{{/END_DATE_ERR}}">
    <label for="end_date">Fin</label>
    {{#END_DATE_ERR}}<span class="field-error" id="end_date-err">{{TEXT}}</span>{{/END_DATE_ERR}}
    <input id="end_date" name="end_date" type="date" value="{{END_DATE}}">
  </div>
  <div class="field{{#PLACE_ERR}} field--invalid{{/PLACE_ERR}}">
    <label for="place">Lieu <span class="meta">(facultatif)</span></label>
    {{#PLACE_ERR}}<span class="field-error" id="place-err">{{TEXT}}</span>{{/PLACE_ERR}}
    <input id="place" name="place" type="text" maxlength="300" value="{{PLACE}}" autocomplete="off">
  </div>
  </fieldset>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Créer la promotion</button></div>
</form>
<h2>Entreprises partenaires</h2>
{{#NO_PARTNER}}<p>Aucune entreprise partenaire pour l'instant.</p>{{/NO_PARTNER}}
<ul>{{#PARTNER}}<li>{{NAME}} : {{POSITIONS}} poste(s) promis</li>{{/PARTNER}}</ul>
<p>Total des postes promis : {{COMMITTED_TOTAL}}</p>
<form class="form stack" method="post" action="/conseil/poec/{{ID}}/partenaires" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack"><legend>Ajouter une entreprise partenaire</legend>
  <div class="field{{#COMPANY_ERR}} field--invalid{{/COMPANY_ERR}}">
    <label for="company">Entreprise</label>
    {{#COMPANY_ERR}}<span class="field-error" id="company-err">{{TEXT}}</span>{{/COMPANY_ERR}}
    <input id="company" name="company" type="text" maxlength="200" value="{{COMPANY}}" autocomplete="off">
  </div>
  <div class="field{{#POSITIONS_ERR}} field--invalid{{/POSITIONS_ERR}}">
    <label for="positions">Postes promis</label>
    {{#POSITIONS_ERR}}<span class="field-error" id="positions-err">{{TEXT}}</span>{{/POSITIONS_ERR}}
    <input id="positions" name="positions" type="text" inputmode="numeric" maxlength="4" value="{{POSITIONS}}" autocomplete="off">
  </div>
  </fieldset>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter le partenaire</button></div>
</form>
<h2>Exporter les candidats</h2>
<form class="form stack" method="get" action="/conseil/poec/{{ID}}/candidats.xlsx">
  <div class="field">
    <label for="promotion">Promotion</label>
    <select id="promotion" name="promotion"><option value="">Toutes</option>{{#COHORT_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/COHORT_OPTION}}</select>
  </div>
  <div class="field">
    <label for="sortie">Sortie</label>
    <select id="sortie" name="sortie"><option value="">Toutes</option>{{#OUTCOME_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/OUTCOME_OPTION}}</select>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Télécharger (XLSX)</button></div>
</form>
