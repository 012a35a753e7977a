{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{LABEL}}</h1>
<p class="meta">Fiche métier du ROME {{CODE}}{{#V3}} · anciennement « {{LABEL}} » (fiche ROME 3 {{CODE}}){{/V3}}</p>
<dl class="dl-grid">
  <div><dt>Secteur</dt><dd>{{SECTOR}}</dd></div>
  <div><dt>Domaine professionnel</dt><dd>{{DOMAIN}}</dd></div>
</dl>
{{#DEFINITION}}<section aria-labelledby="definition">
  <h2 id="definition">Le métier</h2>
  {{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}
</section>{{/DEFINITION}}
{{#ACCESS}}<section aria-labelledby="acces">
  <h2 id="acces">Accéder au métier</h2>
  {{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}
</section>{{/ACCESS}}
{{#TITLES}}<section aria-labelledby="appellations">
  <h2 id="appellations">Appellations</h2>
  <ul class="pill-list">{{#TITLE}}<li>{{TEXT}}</li>{{/TITLE}}</ul>
  {{#MORE}}<p class="meta">{{TEXT}}</p>{{/MORE}}
</section>{{/TITLES}}
{{#SKILLS_SECTION}}<section aria-labelledby="competences">
  <h2 id="competences">Compétences</h2>
  <div class="columns">
  {{#SKILLS}}<div>
    <h3>{{HEADING}}</h3>
    <ul>{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>
    {{#MORE}}<p class="meta">{{TEXT}}</p>{{/MORE}}
  </div>{{/SKILLS}}
  </div>
</section>{{/SKILLS_SECTION}}
{{#MOBILITY}}<section aria-labelledby="proches">
  <h2 id="proches">Métiers proches</h2>
  <p>Avec une expérience de ce métier, on peut évoluer vers :</p>
  <ul>{{#JOB}}<li><a href="/metiers/{{CODE}}">{{LABEL}}</a> <span class="meta">({{CODE}})</span></li>{{/JOB}}</ul>
</section>{{/MOBILITY}}
{{#CERTIFICATIONS}}<section aria-labelledby="certifications">
  <h2 id="certifications">Les certifications qui y mènent</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="certifications-caption">
  <table class="table">
    <caption id="certifications-caption">Diplômes et titres liés à ce métier (niveau 3 = CAP, 4 = bac, 5 = bac + 2…)</caption>
    <thead><tr><th scope="col">Certification</th><th scope="col">Type</th><th scope="col">Niveau</th><th scope="col">RNCP</th><th scope="col">En apprentissage</th></tr></thead>
    <tbody>{{#CERTIFICATION}}<tr><th scope="row">{{LABEL}}</th><td>{{TYPE}}</td><td>{{LEVEL}}</td><td>{{RNCP}}</td><td>{{APPRENTICESHIP}}</td></tr>{{/CERTIFICATION}}</tbody>
  </table>
  </div>
  {{#MORE}}<p class="meta">{{TEXT}}</p>{{/MORE}}
  <p class="meta">Source : Certif Info (Réseau des Carif-Oref).</p>
</section>{{/CERTIFICATIONS}}
<section aria-labelledby="recrutements">
  <h2 id="recrutements">Recrutements en Martinique</h2>
  {{#NO_FIGURES}}<p>L'enquête Besoins en main-d'œuvre ne publie aucun chiffre relié à ce métier en Martinique.</p>{{/NO_FIGURES}}
  {{#HAS_FIGURES}}<p>Les projets de recrutement déclarés par les employeurs à l'enquête Besoins en main-d'œuvre (BMO) de France Travail, pour les familles de métiers qui comprennent ce métier. Les chiffres sont ceux de l'enquête, tels que publiés. « Non publié » signale un chiffre couvert par le secret statistique (trop peu de réponses), ce qui ne veut pas dire zéro ; un bassin absent d'une année n'a aucune ligne publiée pour cette famille.</p>{{/HAS_FIGURES}}
  {{#FAMILY}}<div class="family">
    <h3>{{LABEL}}</h3>
    <p class="meta">{{CODES}}</p>
    <div class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="{{WIDTH}}" height="{{HEIGHT}}" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc">
        <title id="{{ID}}-title">{{LABEL}} : projets de recrutement par année, toute la Martinique</title>
        <desc id="{{ID}}-desc">{{DESC}}</desc>
        {{#BAR}}<g>
          {{#DRAWN}}<rect x="{{X}}" y="{{Y}}" width="{{BAR_WIDTH}}" height="{{BAR_HEIGHT}}" class="chart-bar{{#PARTIAL}} chart-bar--partial{{/PARTIAL}}" fill="{{FILL}}" stroke="#0b5f5c" stroke-width="2"{{#PARTIAL}} stroke-dasharray="5 3"{{/PARTIAL}}/>{{/DRAWN}}
          <text x="{{CENTER}}" y="{{VALUE_Y}}" text-anchor="middle" class="chart-value" fill="#1d2b2e" font-size="14" font-weight="700">{{VALUE}}</text>
          <text x="{{CENTER}}" y="{{YEAR_Y}}" text-anchor="middle" class="chart-year" fill="#1d2b2e" font-size="14">{{YEAR}}</text>
        </g>{{/BAR}}
        <line x1="0" y1="{{BASE}}" x2="{{WIDTH}}" y2="{{BASE}}" stroke="#4f5d60" stroke-width="2"/>
      </svg>
      {{#ANY_PARTIAL}}<p class="meta">Barre en pointillés (« ≥ ») : un minimum, car un bassin au moins est couvert par le secret statistique cette année-là.</p>{{/ANY_PARTIAL}}
    </div>
    <div class="table-wrap table-wrap--narrow" tabindex="0" role="region" aria-labelledby="{{ID}}-totals">
      <table class="table">
        <caption id="{{ID}}-totals">{{LABEL}} : projets de recrutement par année, toute la Martinique</caption>
        <thead><tr><th scope="col">Année</th><th scope="col" class="num">Projets de recrutement</th></tr></thead>
        <tbody>{{#TOTAL}}<tr><th scope="row">{{YEAR}}</th><td class="num">{{VALUE}}</td></tr>{{/TOTAL}}</tbody>
      </table>
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{{ID}}-areas">
      <table class="table table--grouped">
        <caption id="{{ID}}-areas">{{LABEL}} : chiffres publiés par année et par bassin d'emploi</caption>
        <thead><tr><th scope="col">Année</th><th scope="col">Bassin d'emploi</th><th scope="col" class="num">Projets de recrutement</th><th scope="col" class="num">Dont difficiles</th><th scope="col" class="num">Dont saisonniers</th></tr></thead>
        {{#YEAR_GROUP}}<tbody>{{#ROW}}<tr>{{#FIRST}}<th scope="rowgroup" rowspan="{{ROWS}}">{{YEAR}}</th>{{/FIRST}}<th scope="row">{{AREA}}</th><td class="num">{{PROJECTS}}</td><td class="num">{{DIFFICULT}}</td><td class="num">{{SEASONAL}}</td></tr>{{/ROW}}</tbody>{{/YEAR_GROUP}}
      </table>
    </div>
  </div>{{/FAMILY}}
</section>
<p class="meta">Source : France Travail, ROME 4.0 et enquête BMO ; Dares. Licence Ouverte. <a href="/sources">Toutes les sources des données</a></p>
