{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Ateliers Aktiv Alternance</h1>
<p class="lead">Les ateliers thématiques de la délégation pour les CFA et les entreprises : sessions, invitations, inscriptions, émargement et satisfaction.</p>
{{>FORM_ERRORS}}
<p><a class="btn btn--primary" href="/conseil/ateliers/nouvelle">Nouvelle session</a></p>
<form class="form stack" method="get" action="/conseil/ateliers">
  <div class="field">
    <label for="annee">Année</label>
    <input id="annee" name="annee" type="text" inputmode="numeric" maxlength="4" value="{{YEAR}}" autocomplete="off">
  </div>
  <div class="field">
    <label for="theme">Thème</label>
    <select id="theme" name="theme">{{#THEME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME_OPTION}}</select>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Filtrer</button></div>
</form>
<h2>{{COUNT}} session(s)</h2>
<p><a href="/conseil/ateliers/export{{EXPORT_QUERY}}">Télécharger ces sessions (XLSX)</a></p>
{{#NONE}}<p>Aucune session ne correspond.</p>{{/NONE}}
<ul class="plain-list stack">
{{#SESSION}}<li class="card">
  <h3 class="card-title"><a href="/conseil/ateliers/{{ID}}">{{TITLE}}</a></h3>
  <p>{{THEME}} — {{SCHEDULE}} — {{WHERE}}</p>
  <p>Inscrits : <strong>{{REGISTERED}}</strong> / {{CAPACITY}} · Liste d'attente : {{WAITING}} · Présents : {{ATTENDED}} · Satisfaction : {{SATISFACTION}}</p>
</li>{{/SESSION}}
</ul>
<h2>Thèmes</h2>
{{#NO_THEME}}<p>Aucun thème pour l'instant : créez-en un avant la première session.</p>{{/NO_THEME}}
<ul>{{#THEME}}<li>{{NAME}}</li>{{/THEME}}</ul>
<form class="form stack" method="post" action="/conseil/ateliers/themes" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#THEME_ERR}} field--invalid{{/THEME_ERR}}">
    <label for="theme_name">Nouveau thème</label>
    {{#THEME_ERR}}<span class="field-error" id="theme_name-err">{{MESSAGE}}</span>{{/THEME_ERR}}
    <input id="theme_name" name="theme_name" type="text" maxlength="120" value="{{THEME_NAME}}" autocomplete="off"{{#THEME_ERR}} aria-invalid="true" aria-describedby="theme_name-err"{{/THEME_ERR}}>
  </div>
  <div class="field">
    <label for="theme_description">Description du thème <span class="meta">(facultatif)</span></label>
    <textarea id="theme_description" name="theme_description" rows="3" maxlength="1000">{{THEME_DESCRIPTION}}</textarea>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter le thème</button></div>
</form>
