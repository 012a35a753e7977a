{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{NAME}}</h1>
<p class="lead">Centre de formation d'apprentis{{#HAS_COMMUNE}} — {{COMMUNE}}{{/HAS_COMMUNE}}</p>
<dl class="dl-grid">
  {{#HAS_ADDRESS}}<dt>Adresse</dt><dd>{{ADDRESS}}</dd>{{/HAS_ADDRESS}}
  {{#HAS_UAI}}<dt>UAI</dt><dd>{{UAI}}</dd>{{/HAS_UAI}}
</dl>
<p><a class="btn" href="/cfas/{{CFA_ID}}/demande">Demander des informations</a></p>
<h2>Ses formations en alternance</h2>
{{#NO_TRAINING}}<p>Ce CFA n'a pas encore publié de formation.</p>{{/NO_TRAINING}}
<ul class="stack">{{#TRAINING}}<li><a href="/formations/{{ID}}">{{TITLE}}</a> — {{LEVEL}}, à {{COMMUNE}} ; rentrées : {{DATES}}</li>{{/TRAINING}}</ul>
