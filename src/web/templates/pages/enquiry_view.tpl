{{%AUTOESCAPE context="HTML"}}<p><a href="{{BASE}}">← {{BACK}}</a></p>
<h1 class="page-title">{{KIND}} de {{NAME}}</h1>
{{>FORM_ERRORS}}
<dl class="dl-grid">
  <dt>État</dt><dd><strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong></dd>
  <dt>Reçu le</dt><dd>{{DATE}}</dd>
  {{#INFORMATION}}<dt>Objet</dt><dd>{{SUBJECT}}</dd>
  <dt>Formation</dt><dd>{{TRAINING}}</dd>{{/INFORMATION}}
  {{#SPONTANEOUS}}<dt>Début souhaité</dt><dd>{{START}}</dd>
  <dt>Rythme souhaité</dt><dd>{{RHYTHM}}</dd>
  <dt>Place en CFA</dt><dd>{{CFA}}</dd>
  <dt>CV</dt><dd>{{#CV}}<a href="{{BASE}}/{{ID}}/cv">Télécharger le CV ({{CV_NAME}})</a>{{/CV}}{{#NO_CV}}Pas de CV joint{{/NO_CV}}</dd>{{/SPONTANEOUS}}
  <dt>E-mail</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>
</dl>
<h2>Son message</h2>
{{#MESSAGE_LINE}}<p>{{TEXT}}</p>{{/MESSAGE_LINE}}
{{#HAS_REPLIES}}<h2>Vos réponses</h2>{{/HAS_REPLIES}}
{{#REPLY}}<div class="card"><h3>Le {{DATE}}</h3>{{#LINE}}<p>{{TEXT}}</p>{{/LINE}}</div>{{/REPLY}}
{{#ANSWER}}<section class="card stack" aria-labelledby="repondre">
  <h2 id="repondre">Répondre</h2>
  <form class="form stack" method="post" action="{{BASE}}/{{ID}}/repondre" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#KINDS}}<fieldset class="field" id="kind">
      <legend>Votre réponse</legend>
      {{#KIND_OPTION}}<label class="choice"><input type="radio" name="kind" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/KIND_OPTION}}
    </fieldset>{{/KINDS}}
    {{#FREE}}<input type="hidden" name="kind" value="answer">{{/FREE}}
    <div class="field">
      <label for="text">{{TEXT_LABEL}}</label>
      <span class="hint" id="text-hint">{{TEXT_HINT}}</span>
      <textarea id="text" name="text" rows="5" maxlength="4000" aria-describedby="text-hint">{{TEXT_VALUE}}</textarea>
    </div>
    <div class="form-actions"><button class="btn" type="submit">Envoyer la réponse</button></div>
  </form>
  <form method="post" action="{{BASE}}/{{ID}}/clore"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Clore sans répondre de nouveau</button></form>
</section>{{/ANSWER}}
