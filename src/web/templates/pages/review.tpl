{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Perspektiv Alternance {{YEAR}}</h1>
<p class="meta">Le bilan de l'année de la délégation, à partager avec les CFA et les partenaires : les actions, les résultats comparés à {{PREVIOUS_YEAR}}, les métiers en tension par bassin d'emploi et une fiche par CFA. Arrêté au {{DATED}} ; les années sont celles de la Martinique.</p>
<nav class="inline-list" aria-label="Bilan">
  <a href="{{PDF_HREF}}">Télécharger le bilan (PDF)</a> <a href="{{XLSX_HREF}}">Télécharger les données (XLSX)</a>
  <a href="{{PREVIOUS_HREF}}">Année précédente</a> <a href="{{NEXT_HREF}}">Année suivante</a> <a href="/pilotage?annee={{YEAR}}">Pilotage {{YEAR}}</a>
</nav>

<section class="card" aria-labelledby="resultats">
  <h2 id="resultats">Résultats {{YEAR}} et {{PREVIOUS_YEAR}}</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="resultats-table">
  <table class="table">
    <caption id="resultats-table">Les indicateurs de l'année comparés à l'année précédente</caption>
    <thead><tr><th scope="col">Indicateur</th><th scope="col">{{YEAR}}</th><th scope="col">{{PREVIOUS_YEAR}}</th></tr></thead>
    <tbody>{{#RESULT}}<tr><th scope="row">{{LABEL}}<br><span class="meta">{{DEFINITION}}</span></th><td>{{VALUE}}</td><td>{{PREVIOUS}}</td></tr>{{/RESULT}}</tbody>
  </table>
  </div>
</section>

<section class="card" aria-labelledby="actions">
  <h2 id="actions">Les actions de l'année</h2>
  <h3>Ateliers « Aktiv Alternance »</h3>
  <p>{{WORKSHOPS}}</p>
  {{#SATISFACTION_LINE}}<p>{{TEXT}}</p>{{/SATISFACTION_LINE}}
  {{#SESSION_TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sessions-table">
  <table class="table">
    <caption id="sessions-table">Les sessions de {{YEAR}}</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Atelier</th><th scope="col">Inscrits</th><th scope="col">Présents</th><th scope="col">Satisfaction</th></tr></thead>
    <tbody>{{#SESSION}}<tr><td>{{DATE}}</td><th scope="row">{{TITLE}}<br><span class="meta">{{THEME}}</span></th><td>{{REGISTERED}}</td><td>{{ATTENDED}}</td><td>{{SATISFACTION}}</td></tr>{{/SESSION}}</tbody>
  </table>
  </div>{{/SESSION_TABLE}}
  <h3>POEC</h3>
  <p>{{POEC}}</p>
  <h3>Aides versées</h3>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="aides-table">
  <table class="table">
    <caption id="aides-table">Les versements par aide</caption>
    <thead><tr><th scope="col">Aide</th><th scope="col">{{YEAR}}</th><th scope="col">{{PREVIOUS_YEAR}}</th></tr></thead>
    <tbody>{{#AID}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td><td>{{PREVIOUS}}</td></tr>{{/AID}}
    <tr><th scope="row">Total</th><td>{{AIDS_PAID}}</td><td>{{PREVIOUS_AIDS_PAID}}</td></tr></tbody>
  </table>
  </div>
  <h3>Conventions de partenariat</h3>
  {{#NO_CONVENTION}}<p>Aucune convention en vigueur dans l'année.</p>{{/NO_CONVENTION}}
  {{#CONVENTIONS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="conventions-table">
  <table class="table">
    <caption id="conventions-table">Les conventions en vigueur en {{YEAR}} et leurs engagements</caption>
    <thead><tr><th scope="col">Partenaire</th><th scope="col">Objet</th><th scope="col">Période</th><th scope="col">Engagements tenus</th></tr></thead>
    <tbody>{{#CONVENTION}}<tr><th scope="row">{{PARTNER}}</th><td>{{OBJECT}}</td><td>{{PERIOD}}</td><td>{{MET}}</td></tr>{{/CONVENTION}}</tbody>
  </table>
  </div>{{/CONVENTIONS}}
</section>

<section class="card" aria-labelledby="tension">
  <h2 id="tension">Les métiers en tension par bassin d'emploi</h2>
  {{#NO_TENSION}}<p>Non disponible : la plateforme ne détient pas deux enquêtes BMO consécutives jusqu'à cette année.</p>{{/NO_TENSION}}
  {{#TENSION}}<p class="meta">Enquête « Besoins en main-d'œuvre » (France Travail) {{SURVEY_YEAR}} comparée à {{SURVEY_PREVIOUS}}. Une famille de métiers est dite en tension quand au moins la moitié de ses projets de recrutement sont jugés difficiles, sur au moins {{MIN_PROJECTS}} projets ; les évolutions sont en points de cette part.</p>
  {{#AREA}}<h3 id="bassin-{{CODE}}">{{TITLE}}</h3>
  {{#NO_CHANGE}}<p>Aucune famille comparable d'une enquête à l'autre.</p>{{/NO_CHANGE}}
  {{#CHANGES}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="bassin-{{CODE}}-table">
  <table class="table">
    <caption id="bassin-{{CODE}}-table">Les plus fortes hausses et baisses de la part des projets difficiles, bassin {{NAME}}</caption>
    <thead><tr><th scope="col">Famille de métiers</th><th scope="col">Sens</th><th scope="col">Projets {{SURVEY_YEAR}}</th><th scope="col">Difficiles {{SURVEY_PREVIOUS}}</th><th scope="col">Difficiles {{SURVEY_YEAR}}</th><th scope="col">Points</th></tr></thead>
    <tbody>{{#CHANGE}}<tr><th scope="row">{{LABEL}}</th><td>{{DIRECTION}}</td><td>{{PROJECTS}}</td><td>{{PREVIOUS_SHARE}}</td><td>{{SHARE}}</td><td>{{POINTS}}</td></tr>{{/CHANGE}}</tbody>
  </table>
  </div>{{/CHANGES}}
  <p>Nouvellement en tension : {{#NO_NEWLY}}aucune famille.{{/NO_NEWLY}}{{#NEWLY}}{{LABEL}} ({{SHARE}}){{#NEWLY_separator}} ; {{/NEWLY_separator}}{{/NEWLY}}</p>
  {{/AREA}}{{/TENSION}}
</section>

<h2 id="cfa">Fiches CFA</h2>
{{#NO_CFA}}<p>Aucun CFA validé sur la plateforme.</p>{{/NO_CFA}}
{{#CFA}}<section class="card" aria-labelledby="cfa-{{ID}}">
  <h3 id="cfa-{{ID}}">{{NAME}}</h3>
  <p class="meta">{{COMMUNE}}</p>
  <dl class="dl-grid">
    <dt>Formations publiées (aujourd'hui)</dt><dd>{{TRAININGS}}</dd>
    <dt>Offres relayées par les employeurs</dt><dd>{{RELAYED}} (en {{PREVIOUS_YEAR}} : {{RELAYED_PREVIOUS}})</dd>
    <dt>Sessions d'ateliers suivies</dt><dd>{{SESSIONS_ATTENDED}}</dd>
    <dt>Places réservées aux ateliers</dt><dd>{{PEOPLE_REGISTERED}}</dd>
    <dt>Personnes présentes aux ateliers</dt><dd>{{PEOPLE_PRESENT}}</dd>
    <dt>Apprentis (contrats commencés)</dt><dd>{{STARTED}}</dd>
    <dt>Ruptures de contrat</dt><dd>{{BROKEN}}</dd>
    <dt>Contrats menés à terme</dt><dd>{{COMPLETED}}</dd>
  </dl>
</section>{{/CFA}}

{{#MISSING}}<section class="card" aria-labelledby="non-disponible">
  <h2 id="non-disponible">Ce que le bilan ne dit pas encore</h2>
  <ul>{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
</section>{{/MISSING}}
