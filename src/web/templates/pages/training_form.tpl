{{%AUTOESCAPE context="HTML"}}<p><a href="{{CANCEL}}">← Retour</a></p>
<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">La formation est enregistrée sans être publiée : vous la relirez avant de la mettre en ligne.</p>
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#GROUP}}<fieldset class="stack"><legend>{{LEGEND}}</legend>
    {{#FIELD}}{{>FORM_FIELD}}{{/FIELD}}
  </fieldset>{{/GROUP}}
  <datalist id="metiers-rome">{{#JOB}}<option value="{{VALUE}}">{{/JOB}}</datalist>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer et relire</button> <a class="btn btn--link" href="{{CANCEL}}">Annuler</a></div>
</form>
