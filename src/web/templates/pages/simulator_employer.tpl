{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Combien coûte un apprenti ?</h1>
<p class="lead">Le salaire, le coût pour l'entreprise, les aides et le reste à charge, année par année, avec la raison de chaque montant.</p>
<form class="form sim-form" method="get" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="calcul" value="1">
  {{#QUESTION}}{{>FIELD}}{{/QUESTION}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Calculer</button></div>
</form>
{{#RESULT}}<section class="sim-section" id="resultat" aria-labelledby="resultat-titre">
  <h2 id="resultat-titre">Résultat</h2>
  <p>Contrat d'apprentissage du {{FROM}} au {{TO}}, {{LEVEL}}, en {{TERRITORY}}.</p>
  <dl class="figures figures--totals">
    <div><dt>Coût total pour l'entreprise</dt><dd>{{TOTAL_COST}}</dd></div>
    <div><dt>Aides à l'employeur</dt><dd>{{TOTAL_AIDS}}</dd></div>
    <div><dt>Reste à charge</dt><dd>{{TOTAL_REMAINING}}</dd></div>
  </dl>
  <h3>Année par année</h3>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="annees-caption">
  <table class="table table--years">
    <caption id="annees-caption">Salaire, coût, aides et reste à charge par année de contrat</caption>
    <thead><tr><th scope="col">Année</th><th scope="col" class="num">Salaire brut</th><th scope="col" class="num">Coût employeur</th><th scope="col" class="num">Aides</th><th scope="col" class="num">Reste à charge</th><th scope="col" class="num">Formation payée par l'OPCO</th></tr></thead>
    <tbody>{{#YEAR}}<tr><th scope="row">{{YEAR}} année<span class="cell-sub">du {{FROM}} au {{TO}}</span></th><td class="num">{{GROSS}}</td><td class="num">{{COST}}</td><td class="num">{{AIDS}}</td><td class="num">{{REMAINING}}</td><td class="num">{{OPCO}}</td></tr>{{/YEAR}}</tbody>
    <tfoot><tr><th scope="row">Total</th><td class="num">{{TOTAL_GROSS}}</td><td class="num">{{TOTAL_COST}}</td><td class="num">{{TOTAL_AIDS}}</td><td class="num">{{TOTAL_REMAINING}}</td><td class="num">{{TOTAL_OPCO}}</td></tr></tfoot>
  </table>
  </div>
  <ul class="explain">
    <li>Le coût employeur est le salaire brut plus les cotisations qui restent dues après les exonérations propres aux apprentis.</li>
    <li>Le reste à charge est ce coût moins les aides versées à l'employeur.</li>
    <li>La formation ne coûte rien à l'entreprise : l'OPCO la paie directement au CFA.{{#NO_NPEC}} Sans le niveau de prise en charge (NPEC) du diplôme, ce montant n'est pas chiffré : indiquez-le pour le voir.{{/NO_NPEC}}</li>
  </ul>
  <h3>Le salaire, période par période</h3>
  {{>PAY}}
  {{>CHECKS}}
  <h3>Les aides</h3>
  {{>AIDS}}
  <div class="answers">
    <h3>Vos réponses</h3>
    <dl class="dl-grid">{{#ANSWER}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>{{/ANSWER}}</dl>
  </div>
</section>{{/RESULT}}
{{>KEEP_RESULT}}
<p class="meta">Une simulation, pas une décision : les organismes qui versent les aides vérifient chaque demande. <a href="/simulateurs">Les simulateurs</a></p>
