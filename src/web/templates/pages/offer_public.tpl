{{%AUTOESCAPE context="HTML"}}<article aria-labelledby="offre-titre">
<h1 class="page-title" id="offre-titre">{{TITLE}}</h1>
<p class="lead"><a href="/entreprises/{{ORGANISATION_ID}}">{{ORGANISATION}}</a> — {{COMMUNE}}</p>
{{>FAVOURITE}}
<dl class="dl-grid">
  <dt>Métier</dt><dd><a href="/metiers/{{ROME}}">{{JOB}}</a></dd>
  <dt>Diplôme visé</dt><dd>{{LEVEL}}</dd>
  <dt>Contrat</dt><dd>{{CONTRACT}}, {{DURATION}}</dd>
  <dt>Début</dt><dd>{{START}}</dd>
  <dt>Rythme</dt><dd>{{RHYTHM}}</dd>
  <dt>Lieu de travail</dt><dd>{{COMMUNE}}</dd>
  <dt>Postes</dt><dd>{{POSITIONS}}</dd>
  <dt>Publiée le</dt><dd>{{PUBLISHED}}</dd>
</dl>
<h2>Le poste</h2>
{{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}
<p class="meta">Offre en ligne jusqu'au {{UNTIL}}.</p>
</article>
{{>APPLY}}
<details class="card"{{#REPORT_OPEN}} open{{/REPORT_OPEN}}>
  <summary>Signaler un problème avec cette offre</summary>
  <form class="form stack" method="post" action="/offres/{{ID}}/signaler" novalidate>
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#GROUP}}{{#FIELD}}{{>FORM_FIELD}}{{/FIELD}}{{/GROUP}}
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Envoyer le signalement</button></div>
  </form>
</details>
