{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Candidatures reçues</h1>
<p class="lead">Répondez à chaque candidature, même par la négative : les jeunes voient votre réponse dans leur espace.</p>
<form class="form stack" method="get" action="/employeur/candidatures">
  <div class="field">
    <label for="offre">Offre</label>
    <select id="offre" name="offre">{{#OFFER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OFFER_OPTION}}</select>
  </div>
  <div class="field">
    <label for="statut">État</label>
    <select id="statut" name="statut">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Filtrer</button></div>
</form>
<h2>{{TOTAL}} candidature(s)</h2>
<ul class="inline-list">{{#COUNT}}<li>{{LABEL}} : <strong>{{N}}</strong></li>{{/COUNT}}</ul>
<p><a href="/employeur/candidatures/export{{EXPORT_QUERY}}">Télécharger ces candidatures (XLSX)</a></p>
{{#NONE}}<p>Aucune candidature ne correspond.</p>{{/NONE}}
<ul class="plain-list stack">
{{#ENTRY}}<li class="card">
  <h3 class="card-title"><a href="/employeur/candidatures/{{ID}}">{{NAME}}</a></h3>
  <p>{{OFFER_TITLE}} — reçue le {{DATE}}</p>
  <p>État : <strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong>{{#CV}} · CV joint{{/CV}}</p>
</li>{{/ENTRY}}
</ul>
