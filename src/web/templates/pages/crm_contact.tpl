{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/organisations/{{ORGANISATION_ID}}#contacts">← Retour à l'organisation</a></p>
<h1 class="page-title">Modifier le contact {{NAME}}</h1>
{{>SEARCH_BOX}}
{{#GONE}}<p class="notice notice--warning">Marqué comme parti de l'organisation le {{GONE_SINCE}}.</p>{{/GONE}}
<form method="post" action="/conseil/contacts/{{ID}}" class="form stack" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#ERR_NAME}} field--invalid{{/ERR_NAME}}"><label for="name">Nom</label>{{#ERR_NAME}}<span class="field-error" id="name-err">{{MESSAGE}}</span>{{/ERR_NAME}}
    <input id="name" name="name" type="text" value="{{F_NAME}}" maxlength="120" autocomplete="off"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-err"{{/ERR_NAME}}></div>
  <div class="field{{#ERR_JOB_TITLE}} field--invalid{{/ERR_JOB_TITLE}}"><label for="job_title">Fonction</label>{{#ERR_JOB_TITLE}}<span class="field-error" id="job_title-err">{{MESSAGE}}</span>{{/ERR_JOB_TITLE}}
    <input id="job_title" name="job_title" type="text" value="{{F_JOB_TITLE}}" maxlength="120" autocomplete="off"></div>
  <div class="field{{#ERR_EMAIL}} field--invalid{{/ERR_EMAIL}}"><label for="email">E-mail</label>{{#ERR_EMAIL}}<span class="field-error" id="email-err">{{MESSAGE}}</span>{{/ERR_EMAIL}}
    <input id="email" name="email" type="email" value="{{F_EMAIL}}" maxlength="254" autocomplete="off"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-err"{{/ERR_EMAIL}}></div>
  <div class="field{{#ERR_PHONE}} field--invalid{{/ERR_PHONE}}"><label for="phone">Téléphone</label>{{#ERR_PHONE}}<span class="field-error" id="phone-err">{{MESSAGE}}</span>{{/ERR_PHONE}}
    <input id="phone" name="phone" type="tel" value="{{F_PHONE}}" maxlength="25" autocomplete="off"{{#ERR_PHONE}} aria-invalid="true" aria-describedby="phone-err"{{/ERR_PHONE}}></div>
  <div class="field{{#ERR_NOTES}} field--invalid{{/ERR_NOTES}}"><label for="notes">Notes</label>{{#ERR_NOTES}}<span class="field-error" id="notes-err">{{MESSAGE}}</span>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="3" maxlength="4000">{{F_NOTES}}</textarea></div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer le contact</button></div>
</form>
<form method="post" action="/conseil/contacts/{{ID}}/parti" class="inline-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#PRESENT}}<input type="hidden" name="gone" value="1"><p>Ce contact a quitté l'organisation ? Il reste dans l'historique des échanges, mais n'est plus proposé.</p>
  <button class="btn btn--secondary" type="submit">Marquer comme parti</button>{{/PRESENT}}
  {{#GONE}}<input type="hidden" name="gone" value="0"><button class="btn btn--secondary" type="submit">Le contact est revenu</button>{{/GONE}}
</form>
