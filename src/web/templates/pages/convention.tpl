{{%AUTOESCAPE context="HTML"}}<p class="meta"><a href="/conseil/conventions">Conventions</a> · <a href="/conseil/organisations/{{PARTNER_ID}}">{{PARTNER}}</a></p>
<h1 class="page-title">{{OBJECT}}</h1>
{{>FORM_ERRORS}}
<section aria-labelledby="termes" class="card stack">
  <h2 id="termes">Termes</h2>
  <dl class="dl-grid">
    <dt>Partenaire</dt><dd><a href="/conseil/organisations/{{PARTNER_ID}}">{{PARTNER}}</a></dd>
    <dt>Référence</dt><dd>{{REFERENCE}}</dd>
    <dt>Période</dt><dd>du {{STARTS}} au {{ENDS}}</dd>
    <dt>Montant</dt><dd>{{AMOUNT}}</dd>
    {{#HAS_NOTES}}<dt>Notes</dt><dd>{{NOTES}}</dd>{{/HAS_NOTES}}
  </dl>
  {{#CAN_EDIT}}<p><a class="btn btn--secondary" href="/conseil/conventions/{{ID}}/modifier">Modifier la convention</a></p>{{/CAN_EDIT}}
</section>

<section aria-labelledby="utilisation" class="stack">
  <h2 id="utilisation">Utilisation des crédits</h2>
  {{#NO_ENVELOPE}}<p>Cette convention ne finance aucune enveloppe d'aides.</p>{{/NO_ENVELOPE}}
  {{#USE}}<p id="usage-summary">Sur les enveloppes financées : <strong>{{COMMITTED}} engagés</strong> ({{COMMITTED_SHARE}} du montant de la convention), dont <strong>{{PAID}} payés</strong> ({{PAID_SHARE}}).</p>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-enveloppes">
  <table class="table">
    <caption id="legende-enveloppes">Enveloppes financées (d'après le journal des mouvements)</caption>
    <thead><tr><th scope="col">Enveloppe</th><th scope="col">Année</th><th scope="col">Alloué</th><th scope="col">Engagé</th><th scope="col">Payé</th><th scope="col">Disponible</th></tr></thead>
    <tbody>{{#ENVELOPE}}<tr><td>{{LABEL}}</td><td>{{YEAR}}</td><td>{{ALLOCATED}}</td><td>{{COMMITTED}}</td><td>{{PAID}}</td><td>{{AVAILABLE}}</td></tr>{{/ENVELOPE}}</tbody>
  </table>
  </div>{{/USE}}
</section>

<section aria-labelledby="echeancier" class="stack">
  <h2 id="echeancier">Échéancier des versements du partenaire</h2>
  <p>Prévu : {{SCHEDULED}} · reçu : {{RECEIVED}}</p>
  {{#NO_INSTALMENT}}<p>Aucune échéance enregistrée.</p>{{/NO_INSTALMENT}}
  {{#HAS_INSTALMENTS}}<ul class="plain-list stack">{{#INSTALMENT}}<li>Échéance du {{DUE}} : {{AMOUNT}}, {{STATE}}
    {{#RECEIVE_FORM}}<form method="post" action="/conseil/conventions/echeances/{{ID}}/recue" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="convention" value="{{ID_CONVENTION}}"><input type="hidden" name="received" value="{{RECEIVED}}"><button class="btn btn--secondary" type="submit">{{LABEL}}</button></form>{{/RECEIVE_FORM}}</li>{{/INSTALMENT}}</ul>{{/HAS_INSTALMENTS}}
  {{#CAN_EDIT}}<details{{#ERR_DUE_ON}} open{{/ERR_DUE_ON}}{{#ERR_INSTALMENT_AMOUNT}} open{{/ERR_INSTALMENT_AMOUNT}}>
    <summary>Ajouter une échéance</summary>
    <form method="post" action="/conseil/conventions/{{ID}}/echeances" class="form stack" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field{{#ERR_DUE_ON}} field--invalid{{/ERR_DUE_ON}}"><label for="due_on">Date prévue</label>{{#ERR_DUE_ON}}<span class="field-error" id="due_on-err">{{MESSAGE}}</span>{{/ERR_DUE_ON}}
        <input id="due_on" name="due_on" type="date" class="input-date" value="{{F_DUE_ON}}"></div>
      <div class="field{{#ERR_INSTALMENT_AMOUNT}} field--invalid{{/ERR_INSTALMENT_AMOUNT}}"><label for="instalment_amount">Montant de l'échéance (euros)</label>{{#ERR_INSTALMENT_AMOUNT}}<span class="field-error" id="instalment_amount-err">{{MESSAGE}}</span>{{/ERR_INSTALMENT_AMOUNT}}
        <input id="instalment_amount" name="instalment_amount" type="text" inputmode="decimal" maxlength="20" value="{{F_INSTALMENT_AMOUNT}}" autocomplete="off"></div>
      <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter l'échéance</button></div>
    </form>
  </details>{{/CAN_EDIT}}
</section>

<section aria-labelledby="engagements" class="stack">
  <h2 id="engagements">Engagements en contrepartie</h2>
  {{#NO_COMMITMENT}}<p>Aucun engagement enregistré.</p>{{/NO_COMMITMENT}}
  <ul class="plain-list stack">{{#COMMITMENT}}<li class="card stack" id="engagement-{{ID}}" data-commitment="{{ID}}">
    <h3 class="card-title">{{DESCRIPTION}}</h3>
    <p>{{INDICATOR}} : <strong>{{ACHIEVED}} sur {{TARGET}}</strong> ({{SHARE}}) — échéance le {{DUE}} — <span class="badge">{{STATUS}}</span>{{#LATE}} <span class="badge">En retard</span>{{/LATE}}</p>
    {{#FOLLOW_UP}}<p class="meta">{{DATE}}, {{AUTHOR}} : {{ACHIEVED}}, {{STATUS}}{{#HAS_NOTE}} — {{NOTE}}{{/HAS_NOTE}}</p>{{/FOLLOW_UP}}
    <details{{#PROGRESS_OPEN}} open{{/PROGRESS_OPEN}}>
      <summary>Enregistrer un suivi</summary>
      {{#PROGRESS_ERRORS}}<p class="field-error">{{MESSAGE}}</p>{{/PROGRESS_ERRORS}}
      <form method="post" action="/conseil/conventions/engagements/{{ID}}/suivi" class="form stack" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="convention" value="{{ID_CONVENTION}}"><input type="hidden" name="commitment" value="{{ID}}">
        <div class="field"><label for="achieved-{{ID}}">Valeur atteinte</label><input id="achieved-{{ID}}" name="achieved" type="text" inputmode="numeric" maxlength="9" value="{{F_ACHIEVED}}" autocomplete="off"></div>
        <div class="field"><label for="status-{{ID}}">État</label><select id="status-{{ID}}" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></div>
        <div class="field"><label for="note-{{ID}}">Commentaire <span class="meta">(facultatif)</span></label><textarea id="note-{{ID}}" name="note" rows="2" maxlength="2000"></textarea></div>
        <div class="form-actions"><button class="btn btn--secondary" type="submit">Enregistrer le suivi</button></div>
      </form>
    </details>
  </li>{{/COMMITMENT}}</ul>
  {{#CAN_EDIT}}<details{{#ERR_DESCRIPTION}} open{{/ERR_DESCRIPTION}}{{#ERR_INDICATOR}} open{{/ERR_INDICATOR}}{{#ERR_TARGET}} open{{/ERR_TARGET}}{{#ERR_COMMITMENT_DUE_ON}} open{{/ERR_COMMITMENT_DUE_ON}}>
    <summary>Ajouter un engagement</summary>
    <form method="post" action="/conseil/conventions/{{ID}}/engagements" class="form stack" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field{{#ERR_DESCRIPTION}} field--invalid{{/ERR_DESCRIPTION}}"><label for="description">Engagement</label>{{#ERR_DESCRIPTION}}<span class="field-error" id="description-err">{{MESSAGE}}</span>{{/ERR_DESCRIPTION}}
        <input id="description" name="description" type="text" maxlength="300" value="{{F_DESCRIPTION}}" autocomplete="off"></div>
      <div class="field{{#ERR_INDICATOR}} field--invalid{{/ERR_INDICATOR}}"><label for="indicator">Indicateur (ce qui est compté)</label>{{#ERR_INDICATOR}}<span class="field-error" id="indicator-err">{{MESSAGE}}</span>{{/ERR_INDICATOR}}
        <input id="indicator" name="indicator" type="text" maxlength="200" value="{{F_INDICATOR}}" autocomplete="off"></div>
      <div class="field{{#ERR_TARGET}} field--invalid{{/ERR_TARGET}}"><label for="target">Cible</label>{{#ERR_TARGET}}<span class="field-error" id="target-err">{{MESSAGE}}</span>{{/ERR_TARGET}}
        <input id="target" name="target" type="text" inputmode="numeric" maxlength="9" value="{{F_TARGET}}" autocomplete="off"></div>
      <div class="field{{#ERR_COMMITMENT_DUE_ON}} field--invalid{{/ERR_COMMITMENT_DUE_ON}}"><label for="commitment_due_on">Échéance</label>{{#ERR_COMMITMENT_DUE_ON}}<span class="field-error" id="commitment_due_on-err">{{MESSAGE}}</span>{{/ERR_COMMITMENT_DUE_ON}}
        <input id="commitment_due_on" name="commitment_due_on" type="date" class="input-date" value="{{F_COMMITMENT_DUE_ON}}"></div>
      <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter l'engagement</button></div>
    </form>
  </details>{{/CAN_EDIT}}
</section>
