{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL}}">← Retour</a></p>
<h1 class="page-title">{{HEADING}}</h1>
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#CHOOSE_PARTNER}}<div class="field{{#ERR_ORGANISATION_ID}} field--invalid{{/ERR_ORGANISATION_ID}}"><label for="organisation_id">Partenaire</label>{{#ERR_ORGANISATION_ID}}<span class="field-error" id="organisation_id-err">{{MESSAGE}}</span>{{/ERR_ORGANISATION_ID}}
    <select id="organisation_id" name="organisation_id">{{#PARTNER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARTNER_OPTION}}</select>
    <span class="hint">Un partenaire absent de la liste s'ajoute au <a href="/conseil/repertoire/nouvelle">répertoire</a> (type « Partenaire »).</span></div>{{/CHOOSE_PARTNER}}
  {{#FIXED_PARTNER}}<p>Partenaire : <strong>{{PARTNER_NAME}}</strong></p>{{/FIXED_PARTNER}}
  <div class="field{{#ERR_OBJECT}} field--invalid{{/ERR_OBJECT}}"><label for="object">Objet</label>{{#ERR_OBJECT}}<span class="field-error" id="object-err">{{MESSAGE}}</span>{{/ERR_OBJECT}}
    <input id="object" name="object" type="text" maxlength="300" value="{{F_OBJECT}}" autocomplete="off"{{#ERR_OBJECT}} aria-invalid="true" aria-describedby="object-err"{{/ERR_OBJECT}}></div>
  <div class="field{{#ERR_REFERENCE}} field--invalid{{/ERR_REFERENCE}}"><label for="reference">Référence <span class="meta">(facultatif)</span></label>{{#ERR_REFERENCE}}<span class="field-error" id="reference-err">{{MESSAGE}}</span>{{/ERR_REFERENCE}}
    <input id="reference" name="reference" type="text" maxlength="60" value="{{F_REFERENCE}}" autocomplete="off"></div>
  <div class="field{{#ERR_STARTS_ON}} field--invalid{{/ERR_STARTS_ON}}"><label for="starts_on">Début</label>{{#ERR_STARTS_ON}}<span class="field-error" id="starts_on-err">{{MESSAGE}}</span>{{/ERR_STARTS_ON}}
    <input id="starts_on" name="starts_on" type="date" class="input-date" value="{{F_STARTS_ON}}"{{#ERR_STARTS_ON}} aria-invalid="true" aria-describedby="starts_on-err"{{/ERR_STARTS_ON}}></div>
  <div class="field{{#ERR_ENDS_ON}} field--invalid{{/ERR_ENDS_ON}}"><label for="ends_on">Fin</label>{{#ERR_ENDS_ON}}<span class="field-error" id="ends_on-err">{{MESSAGE}}</span>{{/ERR_ENDS_ON}}
    <input id="ends_on" name="ends_on" type="date" class="input-date" value="{{F_ENDS_ON}}"{{#ERR_ENDS_ON}} aria-invalid="true" aria-describedby="ends_on-err"{{/ERR_ENDS_ON}}></div>
  <div class="field{{#ERR_AMOUNT}} field--invalid{{/ERR_AMOUNT}}"><label for="amount">Montant (euros)</label>{{#ERR_AMOUNT}}<span class="field-error" id="amount-err">{{MESSAGE}}</span>{{/ERR_AMOUNT}}
    <input id="amount" name="amount" type="text" inputmode="decimal" maxlength="20" value="{{F_AMOUNT}}" autocomplete="off"{{#ERR_AMOUNT}} aria-invalid="true" aria-describedby="amount-err"{{/ERR_AMOUNT}}></div>
  <fieldset class="field{{#ERR_ENVELOPES}} field--invalid{{/ERR_ENVELOPES}}"><legend>Enveloppes d'aides financées</legend>{{#ERR_ENVELOPES}}<span class="field-error" id="envelopes-err">{{MESSAGE}}</span>{{/ERR_ENVELOPES}}
    {{#NO_ENVELOPE}}<p>Aucune enveloppe n'est ouverte (page Budgets).</p>{{/NO_ENVELOPE}}
    {{#ENVELOPE}}<div class="checkbox"><input type="checkbox" id="envelope-{{ID}}" name="envelopes" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="envelope-{{ID}}">{{LABEL}}</label></div>{{/ENVELOPE}}
  </fieldset>
  <div class="field{{#ERR_NOTES}} field--invalid{{/ERR_NOTES}}"><label for="notes">Notes <span class="meta">(facultatif)</span></label>{{#ERR_NOTES}}<span class="field-error" id="notes-err">{{MESSAGE}}</span>{{/ERR_NOTES}}
    <textarea id="notes" name="notes" rows="3" maxlength="4000">{{F_NOTES}}</textarea></div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer la convention</button> <a class="btn btn--link" href="{{CANCEL}}">Annuler</a></div>
</form>
