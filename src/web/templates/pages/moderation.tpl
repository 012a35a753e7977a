{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Organisations et offres signalées</h1>
<section aria-labelledby="organisations">
  <h2 id="organisations">Organisations à valider</h2>
  {{#NO_ORGANISATION}}<p>Aucune organisation n'attend de validation.</p>{{/NO_ORGANISATION}}
  {{#ORGANISATION}}<article class="card stack" aria-labelledby="org-{{ID}}" data-organisation="{{ID}}">
    <h3 id="org-{{ID}}">{{NAME}} <span class="badge">{{KIND}}</span></h3>
    <dl class="dl-grid">
      <dt>État</dt><dd>{{STATUS}}, depuis le {{SINCE}}</dd>
      {{#ASKED}}<dt>Précisions demandées</dt><dd>{{REASON}}</dd>{{/ASKED}}
      <dt>SIRET</dt><dd><a href="https://annuaire-entreprises.data.gouv.fr/etablissement/{{SIRET}}" rel="noopener noreferrer">{{SIRET}}</a></dd>
      {{#HAS_UAI}}<dt>UAI</dt><dd>{{UAI}}</dd>{{/HAS_UAI}}
      <dt>Adresse</dt><dd>{{ADDRESS}}, {{COMMUNE}}</dd>
      <dt>Effectif</dt><dd>{{HEADCOUNT}}</dd>
      <dt>IDCC</dt><dd>{{IDCC}}{{#HAS_AGREEMENT}} : {{AGREEMENT}}{{/HAS_AGREEMENT}}</dd>
      {{#HAS_BRANCH}}<dt>Branche et OPCO</dt><dd>{{BRANCH}}</dd>{{/HAS_BRANCH}}
      <dt>NAF</dt><dd>{{NAF}}</dd>
      <dt>Membres</dt><dd><ul class="plain-list">{{#MEMBER}}<li>{{MEMBER_NAME}} ({{MEMBER_EMAIL}})</li>{{/MEMBER}}</ul></dd>
    </dl>
    <form method="post" action="/conseil/organisations/{{ID}}/valider" class="inline-form">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button class="btn btn--primary" type="submit">Valider {{NAME}}</button>
    </form>
    <form method="post" action="/conseil/organisations/{{ID}}/precisions" class="form stack" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field"><label for="precisions-{{ID}}">Précisions à demander</label>
        <textarea id="precisions-{{ID}}" name="message" rows="3" maxlength="2000"></textarea></div>
      <button class="btn btn--secondary" type="submit">Demander des précisions</button>
    </form>
    <form method="post" action="/conseil/organisations/{{ID}}/refuser" class="form stack" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field"><label for="refus-{{ID}}">Raison du refus (envoyée à l'organisation)</label>
        <textarea id="refus-{{ID}}" name="message" rows="3" maxlength="2000"></textarea></div>
      <button class="btn btn--danger" type="submit">Refuser</button>
    </form>
  </article>{{/ORGANISATION}}
</section>
<section aria-labelledby="signalements">
  <h2 id="signalements">Offres signalées</h2>
  {{#NO_REPORT}}<p>Aucune offre signalée.</p>{{/NO_REPORT}}
  {{#REPORTED}}<article class="card stack" aria-labelledby="offre-{{ID}}">
    <h3 id="offre-{{ID}}">{{#VISIBLE}}<a href="/offres/{{ID}}">{{TITLE}}</a>{{/VISIBLE}}{{#NOT_VISIBLE}}{{TITLE}}{{/NOT_VISIBLE}} — {{ORGANISATION}}</h3>
    <ul>{{#REPORT}}<li>{{WHEN}} : {{REASON}} {{DETAILS}}</li>{{/REPORT}}</ul>
    <form method="post" action="/conseil/offres/{{ID}}/masquer" class="form stack" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field"><label for="masquer-{{ID}}">Raison (envoyée à l'employeur)</label>
        <textarea id="masquer-{{ID}}" name="reason" rows="3" maxlength="1000"></textarea></div>
      <button class="btn btn--danger" type="submit">Masquer l'offre</button>
    </form>
    <form method="post" action="/conseil/offres/{{ID}}/classer" class="inline-form">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button class="btn btn--secondary" type="submit">Classer sans suite</button>
    </form>
  </article>{{/REPORTED}}
</section>
