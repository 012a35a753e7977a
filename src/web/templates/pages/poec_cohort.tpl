{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/poec/{{PROGRAMME_ID}}">← {{PROGRAMME}}</a></p>
<h1 class="page-title">{{LABEL}}</h1>
<p class="lead">{{PROGRAMME}} — {{DATES}}, {{PLACE}} — <strong>{{FIGURES}}</strong></p>
{{>FORM_ERRORS}}
<h2>Candidats</h2>
<p>Parcours : réunion d'information → sélection → formation ({{HOURS}} heures) → sortie. Une sortie « embauché » demande l'entreprise qui recrute.</p>
{{#NONE}}<p>Aucun candidat pour l'instant.</p>{{/NONE}}
<ul class="plain-list stack">
{{#CANDIDATE}}<li class="card" id="candidat-{{KID}}">
  <h3 class="card-title">{{NAME}}</h3>
  <p>{{CONTACT}} — étape : <strong>{{STAGE_LABEL}}</strong> — sortie : {{OUTCOME_LABEL}}</p>
  {{#ROW_ERROR}}<p class="field-error" role="alert">{{TEXT}}</p>{{/ROW_ERROR}}
  <form class="form stack" method="post" action="/conseil/poec/promotions/{{ID}}/parcours" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="candidate" value="{{KID}}">
    <div class="field"><label for="stage-{{KID}}">Étape</label>
      <select id="stage-{{KID}}" name="stage">{{#STAGE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STAGE}}</select></div>
    <div class="field"><label for="hours-{{KID}}">Heures suivies (assiduité)</label>
      <input id="hours-{{KID}}" name="hours_attended" type="text" inputmode="numeric" maxlength="4" value="{{HOURS_ATTENDED}}" autocomplete="off"></div>
    <div class="field"><label for="outcome-{{KID}}">Sortie</label>
      <select id="outcome-{{KID}}" name="outcome">{{#OUTCOME}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME}}</select></div>
    <div class="field"><label for="company-{{KID}}">Entreprise qui recrute</label>
      <input id="company-{{KID}}" name="company" type="text" maxlength="200" value="{{COMPANY}}" autocomplete="off"></div>
    <div class="field"><label for="outcome_date-{{KID}}">Date de la sortie</label>
      <input id="outcome_date-{{KID}}" name="outcome_date" type="date" value="{{OUTCOME_DATE}}"></div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Enregistrer le parcours de {{NAME}}</button></div>
  </form>
</li>{{/CANDIDATE}}
</ul>
<form class="form stack" method="post" action="/conseil/poec/promotions/{{ID}}/candidats" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack"><legend>Ajouter un candidat</legend>
  <div class="field{{#NAME_ERR}} field--invalid{{/NAME_ERR}}">
    <label for="name">Nom et prénom</label>
    {{#NAME_ERR}}<span class="field-error" id="name-err">{{TEXT}}</span>{{/NAME_ERR}}
    <input id="name" name="name" type="text" maxlength="120" value="{{NAME}}" autocomplete="off">
  </div>
  <div class="field{{#EMAIL_ERR}} field--invalid{{/EMAIL_ERR}}">
    <label for="email">E-mail <span class="meta">(facultatif)</span></label>
    {{#EMAIL_ERR}}<span class="field-error" id="email-err">{{TEXT}}</span>{{/EMAIL_ERR}}
    <input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}" autocomplete="off">
  </div>
  <div class="field{{#PHONE_ERR}} field--invalid{{/PHONE_ERR}}">
    <label for="phone">Téléphone <span class="meta">(facultatif)</span></label>
    {{#PHONE_ERR}}<span class="field-error" id="phone-err">{{TEXT}}</span>{{/PHONE_ERR}}
    <input id="phone" name="phone" type="tel" maxlength="30" value="{{PHONE}}" autocomplete="off">
  </div>
  <div class="field{{#COMMUNE_CODE_ERR}} field--invalid{{/COMMUNE_CODE_ERR}}">
    <label for="commune_code">Commune <span class="meta">(facultatif)</span></label>
    {{#COMMUNE_CODE_ERR}}<span class="field-error" id="commune_code-err">{{TEXT}}</span>{{/COMMUNE_CODE_ERR}}
    <select id="commune_code" name="commune_code">{{#COMMUNE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COMMUNE}}</select>
  </div>
  </fieldset>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter le candidat</button></div>
</form>
