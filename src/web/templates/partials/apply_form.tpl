{{%AUTOESCAPE context="HTML"}}<section class="card stack" aria-labelledby="postuler">
<h2 id="postuler">Postuler</h2>
{{#VISITOR}}<p>Pour postuler, connectez-vous avec votre compte « jeune » : le recruteur reçoit votre message et votre CV, et vous suivez sa réponse dans « Mes candidatures ».</p>
<p><a class="btn" href="/connexion?retour={{RETURN}}">Se connecter pour postuler</a> <a class="btn btn--secondary" href="/inscription">Créer un compte</a></p>{{/VISITOR}}
{{#OTHER_ROLE}}<p>Seuls les comptes « jeune » peuvent postuler à une offre.</p>{{/OTHER_ROLE}}
{{#ALREADY}}<p>Vous avez postulé à cette offre le {{DATE}} : {{STATUS}}. <a href="/mes-candidatures">Suivre mes candidatures</a></p>{{/ALREADY}}
{{#FORM}}<form class="form stack" method="post" action="/offres/{{OFFER_ID}}/postuler" enctype="multipart/form-data" novalidate>
  {{#ERRORS}}<div class="form-errors" tabindex="-1" role="alert">
    <h3>{{COUNT}}</h3>
    <ul>{{#ERROR}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
  </div>{{/ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#MESSAGE_ERR}} field--invalid{{/MESSAGE_ERR}}">
    <label for="message">Votre message au recruteur</label>
    <span class="hint" id="message-hint">Qui vous êtes, ce qui vous attire dans ce poste. 4 000 caractères au plus.</span>
    {{#MESSAGE_ERR}}<span class="field-error" id="message-err">{{TEXT}}</span>{{/MESSAGE_ERR}}
    <textarea id="message" name="message" rows="6" maxlength="4000" required aria-describedby="message-hint{{#MESSAGE_ERR}} message-err{{/MESSAGE_ERR}}"{{#MESSAGE_ERR}} aria-invalid="true"{{/MESSAGE_ERR}}>{{MESSAGE}}</textarea>
  </div>
  <div class="field{{#START_ERR}} field--invalid{{/START_ERR}}">
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
  <fieldset class="field{{#CV_ERR}} field--invalid{{/CV_ERR}}">
    <legend>Votre CV</legend>
    {{#SAVED_CV}}<label class="choice"><input type="checkbox" name="with_cv" value="1"{{#WITH}} checked{{/WITH}}> Joindre mon CV enregistré : {{NAME}}</label>{{/SAVED_CV}}
    <label for="cv">{{#SAVED_CV}}Ou déposer un autre CV{{/SAVED_CV}}{{#NO_CV}}Déposer votre CV{{/NO_CV}} <span class="meta">(facultatif)</span></label>
    <span class="hint" id="cv-hint">PDF ou Word (DOCX), 3 Mo au plus. Il est gardé dans votre espace pour vos prochaines candidatures.</span>
    {{#CV_ERR}}<span class="field-error" id="cv-err">{{TEXT}}</span>{{/CV_ERR}}
    <input id="cv" name="cv" type="file" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="cv-hint{{#CV_ERR}} cv-err{{/CV_ERR}}"{{#CV_ERR}} aria-invalid="true"{{/CV_ERR}}>
  </fieldset>
  <div class="form-actions"><button class="btn" type="submit">Envoyer ma candidature</button></div>
</form>{{/FORM}}
</section>
