{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mon CV</h1>
<p class="lead">Déposez votre CV une fois : il part avec vos candidatures. Seuls vous et les recruteurs à qui vous l'envoyez peuvent le lire.</p>
{{#CURRENT}}<section class="card" aria-labelledby="cv-actuel">
  <h2 id="cv-actuel">Votre CV enregistré</h2>
  <p>{{NAME}} — {{SIZE}}, déposé le {{DATE}}.</p>
  <p><a href="/mon-cv/telecharger">Télécharger mon CV</a></p>
</section>{{/CURRENT}}
{{#NONE}}<p>Vous n'avez pas encore déposé de CV.</p>{{/NONE}}
<form class="form stack" method="post" action="/mon-cv" enctype="multipart/form-data" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#CV_ERR}} field--invalid{{/CV_ERR}}">
    <label for="cv">{{#CURRENT}}Remplacer mon CV{{/CURRENT}}{{#NONE}}Mon CV{{/NONE}}</label>
    <span class="hint" id="cv-hint">PDF ou Word (DOCX), 3 Mo au plus. Les candidatures déjà envoyées gardent le CV d'alors.</span>
    {{#CV_ERR}}<span class="field-error" id="cv-err">{{TEXT}}</span>{{/CV_ERR}}
    <input id="cv" name="cv" type="file" required accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="cv-hint{{#CV_ERR}} cv-err{{/CV_ERR}}"{{#CV_ERR}} aria-invalid="true"{{/CV_ERR}}>
  </div>
  <div class="form-actions"><button class="btn" type="submit">Enregistrer ce CV</button></div>
</form>
