{{%AUTOESCAPE context="HTML"}}<p><a href="/organisation">← Mon organisation</a></p>
<h1 class="page-title">{{NAME}}</h1>
<dl class="dl-grid">
  <dt>Validation</dt><dd data-status="{{STATUS_CODE}}">{{STATUS}}</dd>
  {{#HAS_REASON}}<dt>Message du conseiller</dt><dd>{{REASON}}</dd>{{/HAS_REASON}}
  {{#HAS_AGREEMENT}}<dt>Convention collective</dt><dd>{{AGREEMENT}}</dd>{{/HAS_AGREEMENT}}
</dl>
{{#PENDING}}<p class="notice notice--info">Un conseiller de la délégation vérifie votre organisation. Vous pouvez préparer vos offres : vous les publierez dès la validation.</p>{{/PENDING}}
{{#DETAILS_REQUESTED}}<p class="notice notice--warning">Un conseiller vous demande des précisions (ci-dessus) : corrigez ou complétez vos informations, puis enregistrez. Votre organisation repassera alors en vérification.</p>{{/DETAILS_REQUESTED}}
{{#REFUSED}}<p class="notice notice--error">Votre organisation n'a pas été validée. Pour en parler, répondez au courriel que vous avez reçu.</p>{{/REFUSED}}
{{#CAN_EDIT}}<form class="form stack" method="post" action="/organisation/details" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#GROUP}}<fieldset class="stack"><legend>{{LEGEND}}</legend>
    {{#FIELD}}{{>FORM_FIELD}}{{/FIELD}}
  </fieldset>{{/GROUP}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer</button></div>
</form>{{/CAN_EDIT}}
