{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/ateliers/{{ID}}">← {{TITLE}}</a></p>
<h1 class="page-title">Inviter à « {{TITLE}} »</h1>
<p class="lead">{{SCHEDULE}} — {{WHERE}}. Choisissez qui inviter, vérifiez la liste, puis envoyez : chaque membre des structures reçoit un e-mail avec le lien pour s'inscrire. Une structure n'est jamais invitée deux fois.</p>
{{>FORM_ERRORS}}
<form class="form stack" method="get" action="/conseil/ateliers/{{ID}}/invitations">
  <input type="hidden" name="apercu" value="1">
  <fieldset class="stack"><legend>Structures</legend>
    {{#KIND}}<div class="choice"><input type="radio" id="kind-{{SLUG}}" name="kind" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="kind-{{SLUG}}">{{LABEL}}</label></div>{{/KIND}}
  </fieldset>
  <div class="field">
    <label for="area">Bassin d'emploi</label>
    <select id="area" name="area">{{#AREA}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA}}</select>
  </div>
  <div class="field">
    <label for="branch">Branche professionnelle (selon l'IDCC)</label>
    <select id="branch" name="branch">{{#BRANCH}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BRANCH}}</select>
  </div>
  <div class="field">
    <label for="opco">OPCO</label>
    <select id="opco" name="opco">{{#OPCO}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPCO}}</select>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Voir les structures concernées</button></div>
</form>
{{#PREVIEW}}<h2>{{TOTAL}} structure(s) concernée(s), dont {{FRESH}} à inviter</h2>
{{#EMPTY}}<p>Aucune structure validée ne correspond à ces critères.</p>{{/EMPTY}}
<ul>{{#TARGET}}<li>{{NAME}} — {{KIND}}, {{AREA}}{{#HAS_BRANCH}}, {{BRANCH_TEXT}}{{/HAS_BRANCH}}{{#ALREADY}} <span class="meta">(déjà invitée)</span>{{/ALREADY}}</li>{{/TARGET}}</ul>
{{#CAN_SEND}}<form method="post" action="/conseil/ateliers/{{ID}}/invitations">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="kind" value="{{KIND_VALUE}}">
  <input type="hidden" name="area" value="{{AREA_VALUE}}">
  <input type="hidden" name="branch" value="{{BRANCH_VALUE}}">
  <input type="hidden" name="opco" value="{{OPCO_VALUE}}">
  <button class="btn btn--primary" type="submit">Envoyer {{FRESH}} invitation(s)</button>
</form>{{/CAN_SEND}}{{/PREVIEW}}
