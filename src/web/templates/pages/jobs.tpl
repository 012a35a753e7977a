{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Les métiers qui recrutent</h1>
<p class="lead">Chaque année, l'enquête Besoins en main-d'œuvre (BMO) de France Travail demande aux employeurs combien de personnes ils prévoient d'embaucher et si ces recrutements seront difficiles. Voici les métiers où il est le plus difficile de recruter en Martinique : de bonnes pistes pour une alternance.</p>
{{#NO_DATA}}<p class="notice notice--info">Information : les chiffres de l'enquête n'ont pas encore été importés sur la plateforme.</p>{{/NO_DATA}}
{{#FILTERS}}<form class="form filters" method="get" action="/metiers" novalidate>
  {{>FORM_ERRORS}}
  <div class="filters-fields">
    {{>YEAR_FIELD}}
    {{>AREA_FIELD}}
    {{>SECTOR_FIELD}}
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Afficher le classement</button></div>
</form>{{/FILTERS}}
{{#RESULTS}}<section aria-labelledby="classement">
  <h2 id="classement">{{HEADING}}</h2>
  <p>Le classement suit un score de tension : la part des recrutements jugés difficiles par les employeurs, pondérée par le nombre de projets, pour que quelques projets difficiles ne passent pas devant un grand métier où la difficulté est la même. Score = 100 × (projets difficiles ÷ projets) × projets ÷ (projets + 50).</p>
  {{#EMPTY}}<p>Aucun métier de l'enquête ne correspond à ces critères.</p>{{/EMPTY}}
  {{>RANKING}}
</section>{{/RESULTS}}
{{#AREAS}}<section aria-labelledby="bassins">
  <h2 id="bassins">Les bassins d'emploi</h2>
  <p>L'enquête découpe la Martinique en quatre bassins d'emploi. Chaque page de bassin donne ses communes et ses métiers les plus recherchés.</p>
  <ul class="inline-list">{{#AREA}}<li><a href="/bassins/{{CODE}}">{{NAME}}</a></li>{{/AREA}}</ul>
</section>{{/AREAS}}
<p class="meta">Source : France Travail, enquête BMO ; ROME 4.0 ; Dares (correspondance entre familles de métiers et fiches ROME). Licence Ouverte. <a href="/sources">Toutes les sources des données</a></p>
