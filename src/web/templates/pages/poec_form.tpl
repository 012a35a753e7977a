{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL}}">← Retour</a></p>
<h1 class="page-title">{{HEADING}}</h1>
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#TITLE_ERR}} field--invalid{{/TITLE_ERR}}">
    <label for="title">Intitulé</label>
    {{#TITLE_ERR}}<span class="field-error" id="title-err">{{TEXT}}</span>{{/TITLE_ERR}}
    <input id="title" name="title" type="text" maxlength="200" value="{{TITLE}}" autocomplete="off" required>
  </div>
  <div class="field{{#ROME_CODE_ERR}} field--invalid{{/ROME_CODE_ERR}}">
    <label for="rome_code">Métier visé (code ROME)</label>
    <span class="hint" id="rome_code-hint">Tapez le métier ou son code, par exemple « Soudeur » ou H2913.</span>
    {{#ROME_CODE_ERR}}<span class="field-error" id="rome_code-err">{{TEXT}}</span>{{/ROME_CODE_ERR}}
    <input id="rome_code" name="rome_code" type="text" maxlength="200" value="{{ROME_CODE}}" list="metiers-rome" autocomplete="off" aria-describedby="rome_code-hint" required>
    <datalist id="metiers-rome">{{#JOB}}<option value="{{VALUE}}">{{/JOB}}</datalist>
  </div>
  <div class="field{{#TRAINING_ORGANISATION_ERR}} field--invalid{{/TRAINING_ORGANISATION_ERR}}">
    <label for="training_organisation">Organisme de formation</label>
    {{#TRAINING_ORGANISATION_ERR}}<span class="field-error" id="training_organisation-err">{{TEXT}}</span>{{/TRAINING_ORGANISATION_ERR}}
    <input id="training_organisation" name="training_organisation" type="text" maxlength="200" value="{{TRAINING_ORGANISATION}}" autocomplete="off" required>
  </div>
  <div class="field{{#HOURS_ERR}} field--invalid{{/HOURS_ERR}}">
    <label for="hours">Durée de la formation (heures, 400 au plus)</label>
    {{#HOURS_ERR}}<span class="field-error" id="hours-err">{{TEXT}}</span>{{/HOURS_ERR}}
    <input id="hours" name="hours" type="text" inputmode="numeric" maxlength="4" value="{{HOURS}}" autocomplete="off" required{{#HOURS_ERR}} aria-invalid="true" aria-describedby="hours-err"{{/HOURS_ERR}}>
  </div>
  <div class="field{{#FUNDING_ERR}} field--invalid{{/FUNDING_ERR}}">
    <label for="funding">Financement <span class="meta">(facultatif)</span></label>
    {{#FUNDING_ERR}}<span class="field-error" id="funding-err">{{TEXT}}</span>{{/FUNDING_ERR}}
    <input id="funding" name="funding" type="text" maxlength="500" value="{{FUNDING}}" autocomplete="off">
  </div>
  <div class="field{{#PARTNER_OPCOS_ERR}} field--invalid{{/PARTNER_OPCOS_ERR}}">
    <label for="partner_opcos">OPCO partenaires <span class="meta">(facultatif)</span></label>
    {{#PARTNER_OPCOS_ERR}}<span class="field-error" id="partner_opcos-err">{{TEXT}}</span>{{/PARTNER_OPCOS_ERR}}
    <input id="partner_opcos" name="partner_opcos" type="text" maxlength="300" value="{{PARTNER_OPCOS}}" autocomplete="off">
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer</button> <a class="btn btn--link" href="{{CANCEL}}">Annuler</a></div>
</form>
