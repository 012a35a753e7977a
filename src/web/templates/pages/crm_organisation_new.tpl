{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Nouvelle organisation</h1>
<p>Une entreprise, un CFA ou un partenaire connu de la délégation, sans compte sur le site. Elle est validée dès son enregistrement.</p>
<form class="form stack" method="post" action="/conseil/repertoire/nouvelle" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>FORM_ERRORS}}
  <div class="field{{#ERR_KIND}} field--invalid{{/ERR_KIND}}"><label for="kind">Type</label>{{#ERR_KIND}}<span class="field-error" id="kind-err">{{MESSAGE}}</span>{{/ERR_KIND}}
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></div>
  <div class="field{{#ERR_NAME}} field--invalid{{/ERR_NAME}}"><label for="name">Nom</label>{{#ERR_NAME}}<span class="field-error" id="name-err">{{MESSAGE}}</span>{{/ERR_NAME}}
    <input id="name" name="name" type="text" value="{{NAME}}" maxlength="200" autocomplete="organization"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-err"{{/ERR_NAME}}></div>
  <div class="field{{#ERR_SIRET}} field--invalid{{/ERR_SIRET}}"><label for="siret">SIRET</label><span class="hint" id="siret-hint">14 chiffres ; facultatif pour un partenaire.</span>{{#ERR_SIRET}}<span class="field-error" id="siret-err">{{MESSAGE}}</span>{{/ERR_SIRET}}
    <input id="siret" name="siret" type="text" inputmode="numeric" value="{{SIRET}}" maxlength="20" aria-describedby="siret-hint{{#ERR_SIRET}} siret-err{{/ERR_SIRET}}"{{#ERR_SIRET}} aria-invalid="true"{{/ERR_SIRET}}></div>
  <div class="field{{#ERR_UAI}} field--invalid{{/ERR_UAI}}"><label for="uai">UAI (CFA)</label>{{#ERR_UAI}}<span class="field-error" id="uai-err">{{MESSAGE}}</span>{{/ERR_UAI}}
    <input id="uai" name="uai" type="text" value="{{UAI}}" maxlength="8"{{#ERR_UAI}} aria-invalid="true" aria-describedby="uai-err"{{/ERR_UAI}}></div>
  <div class="field{{#ERR_COMMUNE_CODE}} field--invalid{{/ERR_COMMUNE_CODE}}"><label for="commune_code">Commune</label>{{#ERR_COMMUNE_CODE}}<span class="field-error" id="commune_code-err">{{MESSAGE}}</span>{{/ERR_COMMUNE_CODE}}
    <select id="commune_code" name="commune_code">{{#COMMUNE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COMMUNE_OPTION}}</select></div>
  <div class="field{{#ERR_IDCC}} field--invalid{{/ERR_IDCC}}"><label for="idcc">IDCC (convention collective)</label><span class="hint" id="idcc-hint">4 chiffres, ex. 1979 pour les hôtels, cafés, restaurants.</span>{{#ERR_IDCC}}<span class="field-error" id="idcc-err">{{MESSAGE}}</span>{{/ERR_IDCC}}
    <input id="idcc" name="idcc" type="text" inputmode="numeric" value="{{IDCC}}" maxlength="4" aria-describedby="idcc-hint{{#ERR_IDCC}} idcc-err{{/ERR_IDCC}}"{{#ERR_IDCC}} aria-invalid="true"{{/ERR_IDCC}}></div>
  <div class="field{{#ERR_NAF}} field--invalid{{/ERR_NAF}}"><label for="naf">Code NAF</label>{{#ERR_NAF}}<span class="field-error" id="naf-err">{{MESSAGE}}</span>{{/ERR_NAF}}
    <input id="naf" name="naf" type="text" value="{{NAF}}" maxlength="6"{{#ERR_NAF}} aria-invalid="true" aria-describedby="naf-err"{{/ERR_NAF}}></div>
  <div class="field{{#ERR_HEADCOUNT}} field--invalid{{/ERR_HEADCOUNT}}"><label for="headcount">Effectif</label>{{#ERR_HEADCOUNT}}<span class="field-error" id="headcount-err">{{MESSAGE}}</span>{{/ERR_HEADCOUNT}}
    <select id="headcount" name="headcount">{{#HEADCOUNT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/HEADCOUNT_OPTION}}</select></div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer l'organisation</button></div>
</form>
