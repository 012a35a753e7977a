{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL}}">← Retour</a></p>
<h1 class="page-title">{{HEADING}}</h1>
{{#NO_THEME}}<div class="notice notice--warning" role="status">Aucun thème n'existe encore : <a href="/conseil/ateliers">créez-en un</a> d'abord.</div>{{/NO_THEME}}
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#GROUP}}<fieldset class="stack"><legend>{{LEGEND}}</legend>
    {{#FIELD}}{{>FORM_FIELD}}{{/FIELD}}
  </fieldset>{{/GROUP}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer</button> <a class="btn btn--link" href="{{CANCEL}}">Annuler</a></div>
</form>
