{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{NAME}} <span class="badge">{{KIND}}</span></h1>
<p class="meta"><a href="/conseil/ma-semaine">Ma semaine</a> · <a href="/conseil/repertoire">Répertoire</a></p>
{{>SEARCH_BOX}}
{{>FORM_ERRORS}}
<section aria-labelledby="fiche" class="card stack">
  <h2 id="fiche">Fiche</h2>
  <dl class="dl-grid">
    <dt>État</dt><dd>{{STATUS}}</dd>
    <dt>SIRET</dt><dd>{{SIRET}}</dd>
    {{#HAS_UAI}}<dt>UAI</dt><dd>{{UAI}}</dd>{{/HAS_UAI}}
    <dt>Commune</dt><dd>{{COMMUNE}}</dd>
    <dt>Effectif</dt><dd>{{HEADCOUNT}}</dd>
    <dt>NAF</dt><dd>{{NAF}}</dd>
    <dt>IDCC</dt><dd>{{IDCC}}{{#HAS_AGREEMENT}} : {{AGREEMENT}}{{/HAS_AGREEMENT}}</dd>
    <dt>Branche</dt><dd>{{BRANCH}}</dd>
    <dt>OPCO</dt><dd>{{OPCO}}</dd>
    <dt>Offres</dt><dd>{{OFFERS}}</dd>
    <dt>Formations</dt><dd>{{TRAININGS}}</dd>
    {{#HAS_CONTRACTS_LINK}}<dt>Contrats</dt><dd><a href="{{CONTRACTS_LINK}}">Ses contrats au registre</a></dd>{{/HAS_CONTRACTS_LINK}}
    <dt>Conseiller référent</dt><dd>{{ADVISOR}}</dd>
  </dl>
  <form method="post" action="/conseil/organisations/{{ID}}/referent" class="form inline-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_ADVISOR}} field--invalid{{/ERR_ADVISOR}}"><label for="advisor">Conseiller référent</label>{{#ERR_ADVISOR}}<span class="field-error" id="advisor-err">{{MESSAGE}}</span>{{/ERR_ADVISOR}}
      <select id="advisor" name="advisor">{{#ADVISOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ADVISOR_OPTION}}</select></div>
    <button class="btn btn--secondary" type="submit">Enregistrer le référent</button>
  </form>
</section>

<section aria-labelledby="contacts" class="stack">
  <h2 id="contacts">Contacts</h2>
  {{#NO_CONTACT}}<p>Aucun contact enregistré.</p>{{/NO_CONTACT}}
  <ul class="plain-list stack">{{#CONTACT}}<li data-contact="{{ID}}"><strong>{{NAME}}</strong>{{#JOB}}, {{JOB}}{{/JOB}} {{#HAS_EMAIL}}· <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{/HAS_EMAIL}} {{#HAS_PHONE}}· {{PHONE}}{{/HAS_PHONE}}{{#HAS_NOTES}}<br><span class="meta">{{NOTES}}</span>{{/HAS_NOTES}} · <a href="/conseil/contacts/{{ID}}" aria-label="Modifier le contact {{NAME}}">Modifier</a></li>{{/CONTACT}}</ul>
  {{#HAS_GONE}}<h3>Ont quitté l'organisation</h3>
  <ul class="plain-list stack" id="contacts-partis">{{#GONE_CONTACT}}<li data-contact="{{ID}}">{{NAME}}{{#JOB}}, {{JOB}}{{/JOB}} <span class="meta">(parti le {{SINCE}})</span> · <a href="/conseil/contacts/{{ID}}" aria-label="Modifier le contact {{NAME}}">Modifier</a></li>{{/GONE_CONTACT}}</ul>{{/HAS_GONE}}
  <details{{#ERR_NAME}} open{{/ERR_NAME}}{{#ERR_EMAIL}} open{{/ERR_EMAIL}}{{#ERR_PHONE}} open{{/ERR_PHONE}}>
    <summary>Ajouter un contact</summary>
    <form method="post" action="/conseil/organisations/{{ID}}/contacts" class="form stack" novalidate>
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
      <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter le contact</button></div>
    </form>
  </details>
</section>

{{#CONVENTIONS}}<section aria-labelledby="conventions" class="stack">
  <h2 id="conventions">Conventions</h2>
  {{#NO_CONVENTION}}<p>Aucune convention avec ce partenaire.</p>{{/NO_CONVENTION}}
  <ul class="plain-list stack">{{#CONVENTION}}<li><a href="/conseil/conventions/{{ID}}">{{OBJECT}}</a> — {{DATES}}, {{AMOUNT}}</li>{{/CONVENTION}}</ul>
  {{#CAN_ADD_CONVENTION}}<p><a class="btn btn--secondary" href="/conseil/conventions/nouvelle?partenaire={{PARTNER_ID}}">Nouvelle convention</a></p>{{/CAN_ADD_CONVENTION}}
</section>{{/CONVENTIONS}}

<section aria-labelledby="membres">
  <h2 id="membres">Comptes sur le site</h2>
  {{#NO_MEMBER}}<p>Aucun compte : cette organisation n'utilise pas le site.</p>{{/NO_MEMBER}}
  <ul class="plain-list">{{#MEMBER}}<li>{{NAME}} ({{EMAIL}}), {{ROLE}}</li>{{/MEMBER}}</ul>
</section>

<section aria-labelledby="nouvel-echange" class="stack">
  <h2 id="nouvel-echange">Enregistrer un échange</h2>
  <form method="post" action="/conseil/organisations/{{ID}}/echanges" class="form stack" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_KIND}} field--invalid{{/ERR_KIND}}"><label for="kind">Type d'échange</label>{{#ERR_KIND}}<span class="field-error" id="kind-err">{{MESSAGE}}</span>{{/ERR_KIND}}
      <select id="kind" name="kind">{{#INTERACTION_KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/INTERACTION_KIND_OPTION}}</select></div>
    <div class="field{{#ERR_OCCURRED_ON}} field--invalid{{/ERR_OCCURRED_ON}}"><label for="occurred_on">Date</label>{{#ERR_OCCURRED_ON}}<span class="field-error" id="occurred_on-err">{{MESSAGE}}</span>{{/ERR_OCCURRED_ON}}
      <input id="occurred_on" name="occurred_on" type="date" class="input-date" value="{{F_OCCURRED_ON}}"{{#ERR_OCCURRED_ON}} aria-invalid="true" aria-describedby="occurred_on-err"{{/ERR_OCCURRED_ON}}></div>
    <div class="field{{#ERR_SUMMARY}} field--invalid{{/ERR_SUMMARY}}"><label for="summary">Résumé</label>{{#ERR_SUMMARY}}<span class="field-error" id="summary-err">{{MESSAGE}}</span>{{/ERR_SUMMARY}}
      <textarea id="summary" name="summary" rows="4" maxlength="4000"{{#ERR_SUMMARY}} aria-invalid="true" aria-describedby="summary-err"{{/ERR_SUMMARY}}>{{F_SUMMARY}}</textarea></div>
    {{#HAS_MET}}<fieldset class="field{{#ERR_CONTACTS}} field--invalid{{/ERR_CONTACTS}}"><legend>Personnes rencontrées</legend>{{#ERR_CONTACTS}}<span class="field-error" id="contacts-err">{{MESSAGE}}</span>{{/ERR_CONTACTS}}
      {{#MET_OPTION}}<div class="checkbox"><input type="checkbox" id="met-{{ID}}" name="contacts" value="{{ID}}"><label for="met-{{ID}}">{{NAME}}</label></div>{{/MET_OPTION}}
    </fieldset>{{/HAS_MET}}
    <div class="field{{#ERR_YOUNG_PERSON_EMAIL}} field--invalid{{/ERR_YOUNG_PERSON_EMAIL}}"><label for="young_person_email">Jeune concerné (e-mail de son compte, facultatif)</label>{{#ERR_YOUNG_PERSON_EMAIL}}<span class="field-error" id="young_person_email-err">{{MESSAGE}}</span>{{/ERR_YOUNG_PERSON_EMAIL}}
      <input id="young_person_email" name="young_person_email" type="email" value="{{F_YOUNG_PERSON_EMAIL}}" maxlength="254" autocomplete="off"{{#ERR_YOUNG_PERSON_EMAIL}} aria-invalid="true" aria-describedby="young_person_email-err"{{/ERR_YOUNG_PERSON_EMAIL}}></div>
    <div class="field{{#ERR_NEXT_ACTION}} field--invalid{{/ERR_NEXT_ACTION}}"><label for="next_action">Action suivante (facultatif)</label>{{#ERR_NEXT_ACTION}}<span class="field-error" id="next_action-err">{{MESSAGE}}</span>{{/ERR_NEXT_ACTION}}
      <input id="next_action" name="next_action" type="text" value="{{F_NEXT_ACTION}}" maxlength="300" autocomplete="off"{{#ERR_NEXT_ACTION}} aria-invalid="true" aria-describedby="next_action-err"{{/ERR_NEXT_ACTION}}></div>
    <div class="field{{#ERR_NEXT_ACTION_DUE}} field--invalid{{/ERR_NEXT_ACTION_DUE}}"><label for="next_action_due">Échéance de l'action suivante</label>{{#ERR_NEXT_ACTION_DUE}}<span class="field-error" id="next_action_due-err">{{MESSAGE}}</span>{{/ERR_NEXT_ACTION_DUE}}
      <input id="next_action_due" name="next_action_due" type="date" class="input-date" value="{{F_NEXT_ACTION_DUE}}"{{#ERR_NEXT_ACTION_DUE}} aria-invalid="true" aria-describedby="next_action_due-err"{{/ERR_NEXT_ACTION_DUE}}></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer l'échange</button></div>
  </form>
</section>

<section aria-labelledby="echanges" class="stack">
  <h2 id="echanges">Historique des échanges</h2>
  {{#NO_INTERACTION}}<p>Aucun échange enregistré.</p>{{/NO_INTERACTION}}
  <ol class="plain-list stack">{{#INTERACTION}}<li class="card" data-interaction="{{ID}}">
    <p><strong>{{KIND}} du {{DATE}}</strong> <span class="meta">par {{ADVISOR}}</span></p>
    <p>{{SUMMARY}}</p>
    {{#HAS_CONTACTS}}<p class="meta">Rencontré(s) : {{CONTACTS}}</p>{{/HAS_CONTACTS}}
    {{#HAS_YOUNG}}<p class="meta">Jeune : <a href="/conseil/jeunes/{{YOUNG_ID}}">{{YOUNG}}</a></p>{{/HAS_YOUNG}}
    {{#HAS_ACTION}}<p>Action suivante : {{ACTION}} — échéance le {{DUE}}{{#DONE}} <span class="badge">Faite</span>{{/DONE}}{{#OVERDUE}} <span class="badge">En retard</span>{{/OVERDUE}}</p>
    {{#OPEN}}<form method="post" action="/conseil/echanges/{{ID}}/fait" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Marquer comme faite</button></form>{{/OPEN}}{{/HAS_ACTION}}
  </li>{{/INTERACTION}}</ol>
</section>
