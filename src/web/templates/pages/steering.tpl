{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Pilotage {{YEAR}}</h1>
<p class="meta">Chaque chiffre est recalculé depuis la plateforme avec la définition écrite sous lui ; les années sont celles de la Martinique. Comparaison avec {{PREVIOUS_YEAR}}.</p>
<nav class="inline-list" aria-label="Année"><a href="{{PREVIOUS_HREF}}">Année précédente</a> <a href="{{NEXT_HREF}}">Année suivante</a> <a href="/api/v1/indicators?year={{YEAR}}">Les chiffres en JSON</a></nav>
{{#INDICATOR}}<section class="card indicator" aria-labelledby="indicateur-{{ID}}">
  <h2 id="indicateur-{{ID}}">{{LABEL}}</h2>
  <p class="indicator-value"><strong>{{VALUE}}</strong> <span class="meta">en {{YEAR}} — {{PREVIOUS}} en {{PREVIOUS_YEAR}} ({{CHANGE}})</span></p>
  <p class="meta">{{DEFINITION}}</p>
  {{#BREAKDOWN}}{{CHART:none}}
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="detail-{{ID}}">
  <table class="table">
    <caption id="detail-{{ID}}">{{LABEL}} : le détail</caption>
    <thead><tr><th scope="col">Détail</th><th scope="col">{{YEAR}}</th><th scope="col">{{PREVIOUS_YEAR}}</th></tr></thead>
    <tbody>{{#PART}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td><td>{{PREVIOUS}}</td></tr>{{/PART}}</tbody>
  </table>
  </div>{{/BREAKDOWN}}
</section>{{/INDICATOR}}
