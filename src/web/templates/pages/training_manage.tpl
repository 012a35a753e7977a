{{%AUTOESCAPE context="HTML"}}<p><a href="/cfa/formations">← Mes formations</a></p>
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead">État : <strong data-state>{{STATE}}</strong></p>
{{#PUBLISHED}}<p><a href="/formations/{{ID}}">Voir la formation comme les jeunes</a></p>{{/PUBLISHED}}
<section aria-labelledby="apercu" class="card">
  <h2 id="apercu">Aperçu</h2>
  <dl class="dl-grid">
    <dt>Certification</dt><dd>{{CODES}}</dd>
    <dt>Niveau</dt><dd>{{LEVEL}}</dd>
    <dt>Rentrées</dt><dd>{{DATES}}</dd>
    <dt>Durée</dt><dd>{{DURATION}}</dd>
    <dt>Places</dt><dd>{{PLACES}}</dd>
    <dt>Rythme</dt><dd>{{RHYTHM}}</dd>
    <dt>Lieu</dt><dd>{{COMMUNE}}</dd>
    <dt>Métiers</dt><dd>{{#JOB}}<a href="/metiers/{{ROME}}">{{JOB_LABEL}}</a> {{/JOB}}</dd>
    <dt>Contact</dt><dd>{{#NAME}}{{CONTACT_NAME}} {{/NAME}}{{#EMAIL}}{{CONTACT_EMAIL}} {{/EMAIL}}{{#PHONE}}{{CONTACT_PHONE}}{{/PHONE}}</dd>
  </dl>
</section>
<section aria-labelledby="actions" class="stack">
  <h2 id="actions">Que voulez-vous faire ?</h2>
  <p><a class="btn btn--secondary" href="{{BASE}}/modifier">Modifier</a></p>
  {{#UNPUBLISHED}}<form method="post" action="{{BASE}}/publier"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--primary" type="submit">Publier la formation</button></form>{{/UNPUBLISHED}}
  {{#PUBLISHED}}<form method="post" action="{{BASE}}/retirer"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Retirer de la recherche</button></form>{{/PUBLISHED}}
  <form method="post" action="{{BASE}}/supprimer"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--link" type="submit">Supprimer la formation</button></form>
</section>
