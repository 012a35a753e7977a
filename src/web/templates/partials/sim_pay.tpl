{{%AUTOESCAPE context="HTML"}}<ol class="sim-periods">{{#PERIOD}}
  <li class="sim-card">
    <h3 class="sim-card-title">Du {{FROM}} au {{TO}}</h3>
    <p class="sim-card-sub">{{YEAR}} année de contrat, {{AGE}} ans</p>
    <dl class="figures">
      <div><dt>Net par mois</dt><dd>{{NET}}</dd></div>
      <div><dt>Brut par mois</dt><dd>{{GROSS}}</dd></div>
      {{#EMPLOYER}}<div><dt>Coût pour l'employeur par mois</dt><dd>{{COST}}</dd></div>{{/EMPLOYER}}
    </dl>
    <p class="why"><strong>Pourquoi ce montant ?</strong> {{WHY}}{{#ABOVE_MINIMUM}} Le contrat prévoit plus que ce minimum légal, qui est de {{MINIMUM}} brut.{{/ABOVE_MINIMUM}}</p>
    <details class="sim-detail"><summary>Le calcul pas à pas<span class="visually-hidden"> du {{FROM}} au {{TO}}</span></summary>
    <ul class="explain">{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
    {{#REFS}}<p class="refs">Textes : {{REFS_TEXT}}</p>{{/REFS}}
    </details>
  </li>{{/PERIOD}}
</ol>
