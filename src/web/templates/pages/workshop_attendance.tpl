{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/ateliers/{{ID}}">← {{TITLE}}</a></p>
<h1 class="page-title">Émargement</h1>
<p class="lead">{{TITLE}} — {{SCHEDULE}}. Cochez chaque personne présente, puis enregistrez.</p>
{{>FORM_ERRORS}}
{{#NONE}}<p>Personne n'est inscrit à cette session.</p>{{/NONE}}
<form class="stack attendance" method="post" action="/conseil/ateliers/{{ID}}/emargement">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack"><legend>Personnes inscrites</legend>
  {{#PERSON}}<div class="attendance-row"><input type="checkbox" id="present-{{RID}}" name="present" value="{{RID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="present-{{RID}}">{{NAME}} <span class="meta">{{ORGANISATION}}</span></label></div>
  {{/PERSON}}</fieldset>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer l'émargement</button></div>
</form>
