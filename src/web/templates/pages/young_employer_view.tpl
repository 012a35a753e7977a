{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Profil de {{NAME}}</h1>
<p class="lead">Ce que ce jeune a choisi de montrer aux employeurs à qui il a écrit.</p>
<dl class="dl-grid">
  <dt>Ce qu'il cherche</dt><dd>{{WISHES}}</dd>
  {{#HAS_ROME}}<dt>Métier</dt><dd>{{ROME}}</dd>{{/HAS_ROME}}
  <dt>Diplôme visé</dt><dd>{{LEVEL}}</dd>
  <dt>Commune</dt><dd>{{COMMUNE}}</dd>
  <dt>Mobilité</dt><dd>{{MOBILITY}} km</dd>
  {{#HAS_PHONE}}<dt>Téléphone</dt><dd>{{PHONE}}</dd>{{/HAS_PHONE}}
</dl>
<p><a href="/employeur/candidatures">Retour aux candidatures</a></p>
