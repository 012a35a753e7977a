{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{NAME}}{{#MINOR}} <span class="badge badge--danger" id="mineur">Mineur</span>{{/MINOR}}</h1>
<p class="meta">Né(e) le {{BIRTH}} ({{AGE}} ans). Conseiller référent : {{ADVISOR}}. Risque de rupture : <strong data-risk="{{RISK_CODE}}">{{RISK}}</strong>.{{#HAS_ACCOUNT}} <a href="/conseil/jeunes/{{YOUNG_ID}}">Son compte sur le site</a>.{{/HAS_ACCOUNT}} <a href="/conseil/contrats">Tous les contrats</a></p>
{{>FORM_ERRORS}}
<section aria-labelledby="contrats" class="stack">
  <h2 id="contrats">Contrats</h2>
  {{#NO_CONTRACT}}<p>Aucun contrat.</p>{{/NO_CONTRACT}}
  <ul class="plain-list stack">{{#CONTRACT}}<li class="card">
    <p><a href="/conseil/contrats/{{ID}}"><strong>{{KIND}}</strong> {{DATES}}</a> — {{STATE}}{{#HAS_FAILED}} <span class="badge">{{FAILED}} contrôle(s) en échec</span>{{/HAS_FAILED}}</p>
    <p><a href="/conseil/organisations/{{EMPLOYER_ID}}">{{EMPLOYER}}</a> · {{CFA}} · {{TITLE}}</p>
    {{#BROKEN}}<p>Rompu le {{ON}} — {{INITIATIVE}} : {{REASON}}. Ensuite : {{AFTER}}{{#HAS_NOTE}} ({{NOTE}}){{/HAS_NOTE}}.</p>{{/BROKEN}}
  </li>{{/CONTRACT}}</ul>
</section>
<section aria-labelledby="difficultes" class="card stack">
  <h2 id="difficultes">Difficultés</h2>
  {{#NO_DIFFICULTY}}<p>Aucune difficulté signalée.</p>{{/NO_DIFFICULTY}}
  <ul class="plain-list stack">{{#DIFFICULTY}}<li data-difficulty="{{ID}}"><strong>{{KIND}}</strong>, signalée le {{ON}}{{#IS_RESOLVED}}, levée le {{RESOLVED}}{{/IS_RESOLVED}} : {{TEXT}}
    {{#OPEN}}<form class="inline-form" method="post" action="/conseil/apprentis/{{ID_APPRENTICE}}/difficultes/levee"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="difficulty" value="{{ID}}"><button class="btn btn--small" type="submit">Marquer levée</button></form>{{/OPEN}}</li>{{/DIFFICULTY}}</ul>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/difficultes" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_KIND}} field--invalid{{/ERR_KIND}}"><label for="d-kind">Difficulté</label>{{#ERR_KIND}}<span class="field-error">{{MESSAGE}}</span>{{/ERR_KIND}}<select id="d-kind" name="kind">{{#DIFFICULTY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DIFFICULTY_OPTION}}</select></div>
    <div class="field{{#ERR_DATE}} field--invalid{{/ERR_DATE}}"><label for="d-date">Signalée le</label>{{#ERR_DATE}}<span class="field-error">{{MESSAGE}}</span>{{/ERR_DATE}}<input id="d-date" name="date" type="date" value="{{TODAY}}"></div>
    <div class="field{{#ERR_TEXT}} field--invalid{{/ERR_TEXT}}"><label for="d-text">Précisions</label>{{#ERR_TEXT}}<span class="field-error">{{MESSAGE}}</span>{{/ERR_TEXT}}<textarea id="d-text" name="text" rows="2" maxlength="2000"></textarea></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Signaler la difficulté</button></div>
  </form>
</section>
<section aria-labelledby="risque" class="card stack">
  <h2 id="risque">Risque de rupture</h2>
  {{#NO_RISK}}<p>Aucune évaluation.</p>{{/NO_RISK}}
  <ol class="plain-list">{{#RISK_ROW}}<li><strong>{{LEVEL}}</strong> le {{AT}} par {{BY}}{{REASON}}</li>{{/RISK_ROW}}</ol>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/risque" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field"><label for="r-risk">Risque</label><select id="r-risk" name="risk">{{#RISK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/RISK_OPTION}}</select></div>
    <div class="field"><label for="r-reason">Pourquoi</label><input id="r-reason" name="reason" type="text" maxlength="1000"></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer le risque</button></div>
  </form>
</section>
<section aria-labelledby="actions" class="card stack">
  <h2 id="actions">Actions</h2>
  {{#NO_ACTION}}<p>Aucune action.</p>{{/NO_ACTION}}
  <ul class="plain-list stack">{{#ACTION}}<li>{{BODY}} — échéance le {{DUE}}{{#DONE}} <span class="badge">Faite le {{DONE_ON}}</span>{{/DONE}}{{#OVERDUE}} <span class="badge">En retard</span>{{/OVERDUE}}
    {{#TODO}}<form class="inline-form" method="post" action="/conseil/apprentis/{{ID_APPRENTICE}}/actions/{{ID}}/fait"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--small" type="submit">Marquer faite</button></form>{{/TODO}}</li>{{/ACTION}}</ul>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/actions" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field"><label for="a-body">Action</label><input id="a-body" name="body" type="text" maxlength="1000"></div>
    <div class="field"><label for="a-due">Échéance</label><input id="a-due" name="due_on" type="date" value="{{TODAY}}"></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Ajouter l'action</button></div>
  </form>
</section>
<section aria-labelledby="notes" class="card stack">
  <h2 id="notes">Notes</h2>
  <p class="hint">Une note confidentielle n'est lue que par le conseiller référent de l'apprenti, les responsables et son auteur ; les autres voient seulement qu'elle existe.</p>
  {{#NO_NOTE}}<p>Aucune note.</p>{{/NO_NOTE}}
  <ul class="plain-list stack">{{#NOTE}}<li class="note">
    <p class="meta">{{AT}}, {{BY}}{{#SENSITIVE}} <span class="badge">Confidentielle</span>{{/SENSITIVE}}</p>
    {{#READABLE}}<p>{{BODY}}</p>{{/READABLE}}{{#HIDDEN}}<p class="note-hidden"><em>Note confidentielle : réservée au conseiller référent et aux responsables.</em></p>{{/HIDDEN}}
  </li>{{/NOTE}}</ul>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/notes" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field"><label for="n-note">Note</label><textarea id="n-note" name="note" rows="3" maxlength="4000"></textarea></div>
    <div class="field field--check"><input id="n-sensitive" name="sensitive" type="checkbox" value="1"><label for="n-sensitive">Confidentielle (santé, situation personnelle…)</label></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Ajouter la note</button></div>
  </form>
</section>
<section aria-labelledby="aides" class="card stack">
  <h2 id="aides">Demandes d'aide liées</h2>
  {{#NO_AID}}<p>Aucune demande liée.</p>{{/NO_AID}}
  <ul class="plain-list">{{#AID}}<li><a href="/conseil/demandes/{{ID}}">Demande n° {{ID}}</a> — {{NAME}}, {{AMOUNT}} ({{STATE}})</li>{{/AID}}</ul>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/aides" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_AID_REQUEST}} field--invalid{{/ERR_AID_REQUEST}}"><label for="l-aid">Numéro de la demande</label>{{#ERR_AID_REQUEST}}<span class="field-error">{{MESSAGE}}</span>{{/ERR_AID_REQUEST}}<input id="l-aid" name="aid_request" type="text" inputmode="numeric" maxlength="12"></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Lier la demande</button></div>
  </form>
</section>
<section aria-labelledby="referent" class="card stack">
  <h2 id="referent">Conseiller référent</h2>
  <form class="form stack" method="post" action="/conseil/apprentis/{{ID}}/referent" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field"><label for="ref-advisor">Conseiller</label><select id="ref-advisor" name="advisor">{{#ADVISOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ADVISOR_OPTION}}</select></div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer</button></div>
  </form>
</section>
