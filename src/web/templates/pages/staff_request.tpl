{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/demandes">← Demandes d'aide</a></p>
<h1 class="page-title">Demande n° {{ID}} : {{AID}}</h1>
<dl class="dl-grid">
  <dt>État</dt><dd>{{STATE}}</dd>
  <dt>Demandeur</dt><dd>{{REQUESTER}}</dd>
  {{#BENEFICIARY}}<dt>Bénéficiaire</dt><dd>{{NAME}}</dd>{{/BENEFICIARY}}
  <dt>Montant</dt><dd>{{AMOUNT}}</dd>
  <dt>Déjà payé</dt><dd>{{PAID}}</dd>
  <dt>Créée le</dt><dd>{{CREATED}}</dd>
  <dt>Dernière modification</dt><dd>{{UPDATED}}</dd>
  {{#INSTRUCTOR}}<dt>Instruite par</dt><dd>{{NAME}}</dd>{{/INSTRUCTOR}}
  {{#APPROVER}}<dt>Accordée par</dt><dd>{{NAME}}</dd>{{/APPROVER}}
  {{#COMMITTER}}<dt>Engagée par</dt><dd>{{NAME}}</dd>{{/COMMITTER}}
  {{#ENVELOPE}}<dt>Enveloppe</dt><dd>{{LABEL}}</dd>{{/ENVELOPE}}
  {{#REASON}}<dt>Motif de la décision</dt><dd>{{TEXT}}</dd>{{/REASON}}
  <dt>Compte bancaire</dt><dd>{{#BANK}}{{HOLDER}}, {{IBAN}}{{/BANK}}{{#NO_BANK}}Pas encore donné.{{/NO_BANK}}</dd>
</dl>

{{#ACTION_ERROR}}<div class="notice notice--error" role="alert" tabindex="-1" id="erreur-action"><p>{{TEXT}}</p></div>{{/ACTION_ERROR}}

<section aria-labelledby="actions">
  <h2 id="actions">Actions</h2>
  {{#NO_ACTIONS}}<p>Aucune action ne vous revient sur cette demande à cette étape.</p>{{/NO_ACTIONS}}
  {{#TAKE_UP}}<form method="post" action="/conseil/demandes/{{ID}}/prendre-en-charge" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button class="btn btn--primary" type="submit">Prendre en charge</button>
  </form>{{/TAKE_UP}}
  {{#COMPLEMENT}}<form method="post" action="/conseil/demandes/{{ID}}/complement" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#INVALID}} field--invalid{{/INVALID}}">
      <label for="complement">Demander un complément : ce qui manque</label>
      {{#INVALID}}<span class="field-error" id="complement-err">{{MESSAGE}}</span>{{/INVALID}}
      <textarea id="complement" name="message" maxlength="4000" required{{#INVALID}} aria-invalid="true" aria-describedby="complement-err"{{/INVALID}}>{{VALUE}}</textarea>
    </div>
    <button class="btn" type="submit">Demander un complément</button>
  </form>{{/COMPLEMENT}}
  {{#DECISION}}<form method="post" action="/conseil/demandes/{{ID}}/decision" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#INVALID}} field--invalid{{/INVALID}}">
      <label for="reason">Motif de la décision</label>
      <span class="hint" id="reason-hint">Obligatoire : le demandeur le lit.</span>
      {{#INVALID}}<span class="field-error" id="reason-err">{{MESSAGE}}</span>{{/INVALID}}
      <textarea id="reason" name="reason" maxlength="4000" required aria-describedby="reason-hint{{#INVALID}} reason-err{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>
    </div>
    <div class="form-actions">
      {{#APPROVE}}<button class="btn btn--primary" type="submit" name="decision" value="accorder">Accorder</button>{{/APPROVE}}
      {{#REJECT}}<button class="btn btn--danger" type="submit" name="decision" value="refuser">Refuser</button>{{/REJECT}}
    </div>
  </form>{{/DECISION}}
  {{#COMMIT}}<form method="post" action="/conseil/demandes/{{ID}}/engager" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#NO_ENVELOPE}}<p>Aucune enveloppe de cette aide pour {{YEAR}} : créez-en une sur la page <a href="/budgets">Budgets</a>.</p>{{/NO_ENVELOPE}}
    {{#HAS_ENVELOPES}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
      <label for="envelope_id">Enveloppe à engager</label>
      {{#INVALID}}<span class="field-error" id="envelope_id-err">{{MESSAGE}}</span>{{/INVALID}}
      <select id="envelope_id" name="envelope_id"{{#INVALID}} aria-invalid="true" aria-describedby="envelope_id-err"{{/INVALID}}>
        {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
      </select>
    </div>
    <button class="btn btn--primary" type="submit">Engager {{AMOUNT}}</button>{{/HAS_ENVELOPES}}
  </form>{{/COMMIT}}
  {{#PAY}}<p>Cette demande est à payer : <a href="/finance/paiements">préparer un lot de virements</a>.</p>{{/PAY}}
  {{#CLOSE}}<form method="post" action="/conseil/demandes/{{ID}}/cloturer" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">La demande est terminée : la clôturer la retire des listes de travail. Rien ne peut plus y être changé.</p>
    <button class="btn" type="submit">Clôturer la demande</button>
  </form>{{/CLOSE}}
</section>

<section aria-labelledby="reevaluation">
  <h2 id="reevaluation">Réévaluation sur les règles en vigueur</h2>
  {{#REEVALUATION_ERROR}}<p>{{TEXT}}</p>{{/REEVALUATION_ERROR}}
  {{>AIDS}}
  {{>CHECKS}}
</section>

<section aria-labelledby="pieces">
  <h2 id="pieces">Pièces justificatives</h2>
  {{#NO_DOCUMENTS}}<p>Aucune pièce.</p>{{/NO_DOCUMENTS}}
  {{#HAS_DOCUMENTS}}<ul>{{#DOCUMENT}}<li><a href="/conseil/demandes/{{ID}}/documents/{{DOC_ID}}" download>{{NAME}}</a> ({{TYPE}}, {{SIZE}}, déposée le {{DATE}})</li>{{/DOCUMENT}}</ul>{{/HAS_DOCUMENTS}}
</section>

{{#HAS_PAYMENTS}}<section aria-labelledby="versements">
  <h2 id="versements">Versements</h2>
  <ul>{{#PAYMENT}}<li>Versement n° {{INSTALMENT}} : {{AMOUNT}}, le {{DATE}} (lot <a href="/finance/lots/{{BATCH}}">{{BATCH}}</a>)</li>{{/PAYMENT}}</ul>
</section>{{/HAS_PAYMENTS}}

<section aria-labelledby="echanges">
  <h2 id="echanges">Échanges et historique</h2>
  {{#NO_MESSAGES}}<p>Aucun échange.</p>{{/NO_MESSAGES}}
  {{#HAS_MESSAGES}}<ol class="thread">{{#MESSAGE}}<li><p class="meta">{{WHEN}}, {{AUTHOR}} : {{KIND}}</p>{{#BODY}}<p>{{TEXT}}</p>{{/BODY}}</li>{{/MESSAGE}}</ol>{{/HAS_MESSAGES}}
  <form method="post" action="/conseil/demandes/{{ID}}/message" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#NOTE}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
      <label for="note">Message au demandeur</label>
      <span class="hint" id="note-hint">Le demandeur le lit dans sa demande.</span>
      {{#INVALID}}<span class="field-error" id="note-err">{{MESSAGE}}</span>{{/INVALID}}
      <textarea id="note" name="body" maxlength="4000" required aria-describedby="note-hint{{#INVALID}} note-err{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>
    </div>{{/NOTE}}
    <button class="btn" type="submit">Envoyer le message</button>
  </form>
</section>
