{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{LEAD}}</p>
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{#ERRORS}}<div class="form-errors" tabindex="-1" role="alert">
    <h2>{{COUNT}}</h2>
    <ul>{{#ERROR}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
  </div>{{/ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#INFORMATION}}<input type="hidden" name="formation" value="{{TRAINING_ID}}">
  <div class="field{{#SUBJECT_ERR}} field--invalid{{/SUBJECT_ERR}}">
    <label for="subject">Objet de votre demande</label>
    {{#SUBJECT_ERR}}<span class="field-error" id="subject-err">{{TEXT}}</span>{{/SUBJECT_ERR}}
    <select id="subject" name="subject" required{{#SUBJECT_ERR}} aria-invalid="true" aria-describedby="subject-err"{{/SUBJECT_ERR}}>{{#SUBJECT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SUBJECT}}</select>
  </div>{{/INFORMATION}}
  <div class="field{{#MESSAGE_ERR}} field--invalid{{/MESSAGE_ERR}}">
    <label for="message">{{MESSAGE_LABEL}}</label>
    <span class="hint" id="message-hint">{{MESSAGE_HINT}} 4 000 caractères au plus.</span>
    {{#MESSAGE_ERR}}<span class="field-error" id="message-err">{{TEXT}}</span>{{/MESSAGE_ERR}}
    <textarea id="message" name="message" rows="6" maxlength="4000" required aria-describedby="message-hint{{#MESSAGE_ERR}} message-err{{/MESSAGE_ERR}}"{{#MESSAGE_ERR}} aria-invalid="true"{{/MESSAGE_ERR}}>{{MESSAGE}}</textarea>
  </div>
  {{#SPONTANEOUS}}<div class="field{{#START_ERR}} field--invalid{{/START_ERR}}">
    <label for="start_date">Début souhaité <span class="meta">(facultatif)</span></label>
    <span class="hint" id="start_date-hint">Laissez vide pour « dès que possible ».</span>
    {{#START_ERR}}<span class="field-error" id="start_date-err">{{TEXT}}</span>{{/START_ERR}}
    <input id="start_date" name="start_date" type="date" value="{{START}}" aria-describedby="start_date-hint{{#START_ERR}} start_date-err{{/START_ERR}}"{{#START_ERR}} aria-invalid="true"{{/START_ERR}}>
  </div>
  <div class="field{{#RHYTHM_ERR}} field--invalid{{/RHYTHM_ERR}}">
    <label for="rhythm">Rythme souhaité <span class="meta">(facultatif)</span></label>
    <span class="hint" id="rhythm-hint">Par exemple : 2 jours au CFA, 3 jours en entreprise.</span>
    {{#RHYTHM_ERR}}<span class="field-error" id="rhythm-err">{{TEXT}}</span>{{/RHYTHM_ERR}}
    <input id="rhythm" name="rhythm" type="text" value="{{RHYTHM}}" maxlength="120" autocomplete="off" aria-describedby="rhythm-hint{{#RHYTHM_ERR}} rhythm-err{{/RHYTHM_ERR}}"{{#RHYTHM_ERR}} aria-invalid="true"{{/RHYTHM_ERR}}>
  </div>
  <fieldset class="field{{#CFA_ERR}} field--invalid{{/CFA_ERR}}" id="cfa_place">
    <legend>Avez-vous déjà une place dans un CFA ?</legend>
    {{#CFA_ERR}}<span class="field-error">{{TEXT}}</span>{{/CFA_ERR}}
    {{#CFA}}<label class="choice"><input type="radio" name="cfa_place" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/CFA}}
  </fieldset>
  <fieldset class="field">
    <legend>Votre CV</legend>
    {{#SAVED_CV}}<label class="choice"><input type="checkbox" name="with_cv" value="1"{{#WITH}} checked{{/WITH}}> Joindre mon CV enregistré : {{NAME}}</label>{{/SAVED_CV}}
    {{#NO_CV}}<p>Vous n'avez pas encore de CV enregistré. <a href="/mon-cv">Déposez-le dans « Mon CV »</a>, puis revenez ici.</p>{{/NO_CV}}
  </fieldset>{{/SPONTANEOUS}}
  <div class="form-actions"><button class="btn" type="submit">{{BUTTON}}</button></div>
</form>
