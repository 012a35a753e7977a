{{%AUTOESCAPE context="HTML"}}<p class="step-count">Quelles aides pour moi ? <span class="step-count-n">Résultat</span></p>
<h1 class="page-title">Votre résultat</h1>
{{>FORM_ERRORS}}
<p class="lead">Pour un {{CONTRACT}} du {{FROM}} au {{TO}}, {{LEVEL}}, en {{TERRITORY}}.</p>
<section class="sim-section" aria-labelledby="salaire">
  <h2 id="salaire">Votre salaire</h2>
  <div class="headline">
    <p class="headline-figure"><span class="figure">{{FIRST_NET}}</span> net par mois au début du contrat</p>
    <p>Soit {{FIRST_GROSS}} brut. {{FIRST_WHY}} Le SMIC brut mensuel est de {{SMIC}}.</p>
  </div>
  <p>Votre salaire augmente à chaque nouvelle année de contrat et quand vous changez de tranche d'âge. Le détail, période par période :</p>
  {{>PAY}}
</section>
{{>CHECKS}}
<section class="sim-section" aria-labelledby="aides">
  <h2 id="aides">Vos aides</h2>
  <p>Classées selon ce qu'il faut faire pour les obtenir. Les montants sont ceux des textes en vigueur aux dates de votre contrat.</p>
  {{#HEADCOUNT_ASSUMED}}<p class="notice notice--info">Vous n'avez pas indiqué la taille de votre employeur : nous avons compté moins de 250 salariés, le cas le plus fréquent en Martinique.</p>{{/HEADCOUNT_ASSUMED}}
  {{>AIDS}}
</section>
<section class="sim-section answers" aria-labelledby="reponses">
  <h2 id="reponses">Vos réponses</h2>
  {{#ANSWER_STEP}}<div class="answer-step">
    <h3>{{HEADING}}</h3>
    <dl class="dl-grid">{{#ANSWER}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>{{/ANSWER}}</dl>
    <p class="no-print"><a href="{{HREF}}">Modifier<span class="visually-hidden"> : {{HEADING}}</span></a></p>
  </div>{{/ANSWER_STEP}}
</section>
{{>KEEP_RESULT}}
<p class="meta">Une simulation, pas une décision : les organismes qui versent les aides vérifient chaque demande. <a href="/simulateurs">Les simulateurs</a></p>
