{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Entreprises partenaires</h1>
<p class="lead">Les entreprises qui accueillent ou ont accueilli vos apprentis. Cette liste n'est visible que des membres de votre CFA.</p>
{{>FORM_ERRORS}}
{{#NONE}}<p>Vous n'avez pas encore enregistré d'entreprise partenaire.</p>{{/NONE}}
<ul class="plain-list stack">
{{#PARTNER}}<li class="card">
  <h2 class="card-title">{{#ON_PLATFORM}}<a href="/entreprises/{{EMPLOYER_ID}}">{{NAME}}</a>{{/ON_PLATFORM}}{{#OFF_PLATFORM}}{{NAME}}{{/OFF_PLATFORM}}</h2>
  <p>SIRET {{SIRET}}{{#OFF_PLATFORM}} — pas encore sur la plateforme{{/OFF_PLATFORM}}</p>
  {{#HAS_NOTE}}<p>{{NOTE}}</p>{{/HAS_NOTE}}
  <form method="post" action="/cfa/partenaires/{{ID}}/retirer"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Retirer {{NAME}}</button></form>
</li>{{/PARTNER}}
</ul>
<section class="card stack" aria-labelledby="chercher">
  <h2 id="chercher">Ajouter une entreprise de la plateforme</h2>
  <form class="form form--inline" method="get" action="/cfa/partenaires">
    <div class="field">
      <label for="q">Nom ou SIRET</label>
      <input id="q" name="q" type="search" value="{{QUERY}}" minlength="2" autocomplete="off">
    </div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Chercher</button></div>
  </form>
  {{#SEARCHED}}{{#NO_MATCH}}<p>Aucune entreprise validée ne correspond : ajoutez-la ci-dessous avec son SIRET.</p>{{/NO_MATCH}}
  <ul class="plain-list stack">{{#MATCH}}<li>
    <form class="form stack" method="post" action="/cfa/partenaires">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="employer" value="{{EMPLOYER_ID}}">
      <p><strong>{{NAME}}</strong> — SIRET {{SIRET}}</p>
      <div class="field"><label for="note-{{EMPLOYER_ID}}">Note <span class="meta">(facultatif)</span></label>
      <input id="note-{{EMPLOYER_ID}}" name="note" type="text" maxlength="500"></div>
      <div class="form-actions"><button class="btn" type="submit">Ajouter {{NAME}}</button></div>
    </form>
  </li>{{/MATCH}}</ul>{{/SEARCHED}}
</section>
<section class="card stack" aria-labelledby="hors">
  <h2 id="hors">Ajouter une entreprise qui n'est pas sur la plateforme</h2>
  <form class="form stack" method="post" action="/cfa/partenaires" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#NAME_ERR}} field--invalid{{/NAME_ERR}}">
      <label for="name">Nom de l'entreprise</label>
      {{#NAME_ERR}}<span class="field-error" id="name-err">{{TEXT}}</span>{{/NAME_ERR}}
      <input id="name" name="name" type="text" maxlength="120" value="{{NAME_VALUE}}" autocomplete="organization"{{#NAME_ERR}} aria-invalid="true" aria-describedby="name-err"{{/NAME_ERR}}>
    </div>
    <div class="field{{#SIRET_ERR}} field--invalid{{/SIRET_ERR}}">
      <label for="siret">SIRET</label>
      <span class="hint" id="siret-hint">14 chiffres, espaces permis.</span>
      {{#SIRET_ERR}}<span class="field-error" id="siret-err">{{TEXT}}</span>{{/SIRET_ERR}}
      <input id="siret" name="siret" type="text" inputmode="numeric" maxlength="20" value="{{SIRET_VALUE}}" aria-describedby="siret-hint{{#SIRET_ERR}} siret-err{{/SIRET_ERR}}"{{#SIRET_ERR}} aria-invalid="true"{{/SIRET_ERR}}>
    </div>
    <div class="field{{#NOTE_ERR}} field--invalid{{/NOTE_ERR}}">
      <label for="note">Note <span class="meta">(facultatif)</span></label>
      {{#NOTE_ERR}}<span class="field-error" id="note-err">{{TEXT}}</span>{{/NOTE_ERR}}
      <textarea id="note" name="note" rows="2" maxlength="500"{{#NOTE_ERR}} aria-invalid="true" aria-describedby="note-err"{{/NOTE_ERR}}>{{NOTE_VALUE}}</textarea>
    </div>
    <div class="form-actions"><button class="btn" type="submit">Ajouter l'entreprise</button></div>
  </form>
</section>
