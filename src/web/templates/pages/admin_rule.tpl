{{%AUTOESCAPE context="HTML"}}<p><a href="/admin/regles">← Règles des aides</a></p>
<h1 class="page-title">{{LABEL}}</h1>
<dl class="dl-grid">
  <dt>Nom dans les fichiers</dt><dd><code>${{NAME}}</code> (défini en <code>{{WHERE}}</code>)</dd>
  <dt>En vigueur</dt><dd>{{VALUE}}</dd>
  <dt>Valeur du fichier</dt><dd>{{DEFAULT}}</dd>
  <dt>Source</dt><dd>{{SOURCE}}</dd>
  {{#CHANGED}}<dt>Modifiée</dt><dd>le {{WHEN}} : {{REASON}}</dd>{{/CHANGED}}
</dl>
<form method="post" action="/admin/regles/{{NAME}}" class="form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>VALUE_FIELD}}
  {{>REASON_FIELD}}
  <button class="btn" type="submit">Enregistrer la nouvelle valeur</button>
</form>
{{#CHANGED}}<form method="post" action="/admin/regles/{{NAME}}/retablir" class="form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button class="btn btn--secondary" type="submit">Revenir à la valeur du fichier</button>
</form>{{/CHANGED}}
