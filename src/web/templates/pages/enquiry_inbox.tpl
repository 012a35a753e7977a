{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{LEAD}}</p>
<form class="form form--inline" method="get" action="{{BASE}}">
  <div class="field">
    <label for="statut">État</label>
    <select id="statut" name="statut">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Filtrer</button></div>
</form>
<p>{{TOTAL}} au total{{#COUNT}} · {{LABEL}} : {{N}}{{/COUNT}}</p>
{{#NONE}}<p>Rien pour l'instant.</p>{{/NONE}}
<ul class="plain-list stack">
{{#ENTRY}}<li class="card">
  <h2 class="card-title"><a href="{{BASE}}/{{ID}}">{{NAME}}</a></h2>
  <p>{{#TOPIC}}{{TOPIC_TEXT}} — {{/TOPIC}}reçu le {{DATE}} — <strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong>{{#CV}} — CV joint{{/CV}}</p>
</li>{{/ENTRY}}
</ul>
