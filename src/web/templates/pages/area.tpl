{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Bassin d'emploi {{NAME}}</h1>
<p class="lead">Le bassin {{NAME}} de l'enquête Besoins en main-d'œuvre regroupe {{COMMUNE_COUNT}} et {{POPULATION}} habitants.</p>
<section aria-labelledby="communes">
  <h2 id="communes">Les communes</h2>
  <div class="table-wrap table-wrap--narrow" tabindex="0" role="region" aria-labelledby="communes-caption">
    <table class="table">
      <caption id="communes-caption">Communes du bassin {{NAME}}</caption>
      <thead><tr><th scope="col">Commune</th><th scope="col">Codes postaux</th><th scope="col" class="num">Population</th></tr></thead>
      <tbody>{{#COMMUNE}}<tr><th scope="row">{{NAME}}</th><td>{{POSTAL_CODES}}</td><td class="num">{{POPULATION}}</td></tr>{{/COMMUNE}}</tbody>
      <tfoot><tr><th scope="row">Total</th><td></td><td class="num">{{POPULATION}}</td></tr></tfoot>
    </table>
  </div>
</section>
<section aria-labelledby="classement">
  <h2 id="classement">{{HEADING}}</h2>
  {{#NO_DATA}}<p>Les chiffres de l'enquête n'ont pas encore été importés sur la plateforme.</p>{{/NO_DATA}}
  {{#RESULTS}}<p>Les familles de métiers du bassin classées selon le score de tension : la part des recrutements jugés difficiles, pondérée par le nombre de projets. Score = 100 × (projets difficiles ÷ projets) × projets ÷ (projets + 50).</p>
  {{>RANKING}}
  <p><a href="/metiers?year={{YEAR}}&amp;area={{CODE}}">Tout le classement du bassin {{NAME}}</a></p>{{/RESULTS}}
</section>
<p class="meta">Source : France Travail, enquête BMO et ROME 4.0 ; Dares ; INSEE, La Poste et Etalab (communes, populations légales, codes postaux). Licence Ouverte. <a href="/sources">Toutes les sources des données</a></p>
