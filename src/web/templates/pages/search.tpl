{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Trouver une alternance</h1>
<form class="form search-form" method="get" action="/recherche" role="search">
  {{>FORM_ERRORS}}
  <div class="field">
    <label for="q">Métier, formation ou mot-clé</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="200" autocomplete="off" aria-describedby="q-hint" list="metiers-suggeres" data-suggest-jobs>
    <datalist id="metiers-suggeres"></datalist>
    <span class="hint" id="q-hint">Par exemple : soudure, cariste, boulanger, BTS commerce.</span>
  </div>
  <div class="field">
    <label for="commune">Près de</label>
    <input id="commune" name="commune" type="text" value="{{COMMUNE}}" list="communes" autocomplete="off" aria-describedby="commune-hint">
    <span class="hint" id="commune-hint">Votre commune, par exemple Le Lamentin.</span>
    <datalist id="communes">{{#COMMUNE_OPTION}}<option value="{{NAME}}">{{/COMMUNE_OPTION}}</datalist>
  </div>
  <div class="search-options">
    <div class="field">
      <label for="radius_km">Dans un rayon de</label>
      <select id="radius_km" name="radius_km">{{#RADIUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}} km</option>{{/RADIUS_OPTION}}</select>
    </div>
    <div class="field">
      <label for="kind">Je cherche</label>
      <select id="kind" name="kind">
        <option value="">Tout</option>
        <option value="offer"{{#KIND_OFFER}} selected{{/KIND_OFFER}}>Des offres d'alternance</option>
        <option value="training"{{#KIND_TRAINING}} selected{{/KIND_TRAINING}}>Des formations</option>
        <option value="job"{{#KIND_JOB}} selected{{/KIND_JOB}}>Des métiers</option>
      </select>
    </div>
    <div class="field">
      <label for="sort">Trier par</label>
      <select id="sort" name="sort">{{#SORT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SORT_OPTION}}</select>
    </div>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Rechercher</button></div>
</form>
{{#JOBS}}<aside aria-labelledby="metiers" class="search-jobs">
  <h2 id="metiers">Les métiers de votre recherche</h2>
  <ul class="inline-list">{{#JOB}}<li><a href="{{HREF}}">{{TITLE}}</a></li>{{/JOB}}</ul>
</aside>{{/JOBS}}
{{#RESULTS}}<section aria-labelledby="resultats" class="search-results">
  <h2 id="resultats">{{TOTAL}}</h2>
  {{>SAVE_SEARCH}}
  {{#WIDENED}}<p class="notice notice--info">{{TEXT}}</p>{{/WIDENED}}
  {{#FACET}}<nav class="facet" aria-label="Filtrer : {{HEADING}}">
    <h3>{{HEADING}}</h3>
    <ul class="inline-list">{{#VALUE}}<li><a href="{{HREF}}"{{#CHOSEN}} aria-current="true" class="facet--chosen"{{/CHOSEN}}>{{LABEL}} ({{COUNT}}){{#CHOSEN}}<span class="visually-hidden"> — filtre choisi, cliquer pour le retirer</span>{{/CHOSEN}}</a></li>{{/VALUE}}</ul>
  </nav>{{/FACET}}
  {{#MAP}}<div class="results-map" data-map-tiles="{{TILES}}" data-map-attribution="{{ATTRIBUTION}}"{{#CENTRE}} data-centre-lat="{{LAT}}" data-centre-lon="{{LON}}"{{/CENTRE}}>
    <button type="button" class="button button--secondary" hidden>Afficher la carte</button>
    <p role="status" class="meta"></p>
    <script src="/static/js/results_map.js" defer></script>
  </div>{{/MAP}}
  <ol class="plain-list stack">{{#HIT}}<li class="card"{{#PLACE}} data-lat="{{LAT}}" data-lon="{{LON}}" data-commune="{{COMMUNE}}"{{/PLACE}}>
    <p class="meta">{{KIND}}</p>
    <h3><a href="{{HREF}}">{{TITLE}}</a></h3>
    {{#HAS_SUBTITLE}}<p>{{SUBTITLE}}</p>{{/HAS_SUBTITLE}}
    <ul class="inline-list meta">{{#FACT}}<li>{{TEXT}}</li>{{/FACT}}</ul>
    {{>FAVOURITE}}
  </li>{{/HIT}}</ol>
  {{#PAGER}}<nav class="pager" aria-label="Pages de résultats">
    {{#PREVIOUS}}<a href="{{HREF}}" rel="prev">Page précédente</a>{{/PREVIOUS}}
    <span>{{TEXT}}</span>
    {{#NEXT}}<a href="{{HREF}}" rel="next">Page suivante</a>{{/NEXT}}
  </nav>{{/PAGER}}
</section>{{/RESULTS}}
