{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Budgets des aides</h1>
<p class="meta">Les enveloppes par aide, année et source de financement. Une demande accordée est engagée sur une enveloppe ; une enveloppe ne descend jamais sous zéro.</p>
{{#NO_ENVELOPES}}<p>Aucune enveloppe.</p>{{/NO_ENVELOPES}}
{{#YEAR}}<section aria-labelledby="annee-{{YEAR}}">
  <h2 id="annee-{{YEAR}}">{{YEAR}}</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-{{YEAR}}">
  <table class="table">
    <caption id="legende-{{YEAR}}">Enveloppes {{YEAR}}</caption>
    <thead><tr><th scope="col">Enveloppe</th><th scope="col">Aide</th><th scope="col">Source</th><th scope="col">Partenaire</th><th scope="col">Allouée</th><th scope="col">Engagée</th><th scope="col">Payée</th><th scope="col">Reste à engager</th></tr></thead>
    <tbody>{{#ENVELOPE}}<tr><td>{{LABEL}}</td><td>{{AID}}</td><td>{{SOURCE}}</td><td>{{PARTNER}}</td><td>{{ALLOCATED}}</td><td>{{COMMITTED}}</td><td>{{PAID}}</td><td>{{REMAINING}}</td></tr>{{/ENVELOPE}}</tbody>
  </table>
  </div>
  <h3 id="mois-{{YEAR}}">Consommation par mois</h3>
  {{#NO_MONTHS}}<p>Aucun mouvement sur les enveloppes {{YEAR}}.</p>{{/NO_MONTHS}}
  {{#MONTHS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-mois-{{YEAR}}">
  <table class="table">
    <caption id="legende-mois-{{YEAR}}">Mouvements des enveloppes {{YEAR}} par mois (heure de la Martinique), d'après le journal des mouvements</caption>
    <thead><tr><th scope="col">Mois</th><th scope="col">Enveloppe</th><th scope="col">Engagé (net des annulations)</th><th scope="col">Payé</th><th scope="col">Virements</th></tr></thead>
    <tbody>{{#MONTH}}<tr><td>{{MONTH}}</td><td>{{ENVELOPE}}</td><td>{{COMMITTED}}</td><td>{{PAID}}</td><td>{{TRANSFERRED}}</td></tr>{{/MONTH}}</tbody>
  </table>
  </div>{{/MONTHS}}
</section>{{/YEAR}}
{{#TRANSFERS}}<section aria-labelledby="virements">
  <h2 id="virements">Virements entre enveloppes</h2>
  <p class="meta">Une personne propose, un ou une responsable approuve : les crédits ne changent d'enveloppe qu'à l'approbation.</p>
  {{#NO_TRANSFERS}}<p>Aucun virement proposé.</p>{{/NO_TRANSFERS}}
  {{#HAS_TRANSFERS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-virements">
  <table class="table">
    <caption id="legende-virements">Virements proposés, du plus récent au plus ancien</caption>
    <thead><tr><th scope="col">Proposé le</th><th scope="col">Depuis</th><th scope="col">Vers</th><th scope="col">Montant</th><th scope="col">Motif</th><th scope="col">Proposé par</th><th scope="col">État</th><th scope="col">Décision</th></tr></thead>
    <tbody>{{#TRANSFER}}<tr id="virement-{{ID}}"><td>{{DATE}}</td><td>{{FROM}}</td><td>{{TO}}</td><td>{{AMOUNT}}</td><td>{{REASON}}</td><td>{{PROPOSED_BY}}</td><td>{{STATE}}</td>
      <td>{{DECISION}}{{#DECIDE}}<form method="post" action="/budgets/virements/{{ID}}" class="form form--inline" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <label for="note-{{ID}}">Commentaire <span class="meta">(obligatoire pour refuser)</span></label>
        <input id="note-{{ID}}" name="note" type="text"{{#INVALID}} aria-invalid="true" aria-describedby="note-{{ID}}-erreur"{{/INVALID}}>
        {{#INVALID}}<p id="note-{{ID}}-erreur" class="field-error">{{MESSAGE}}</p>{{/INVALID}}
        <button class="btn btn--primary" type="submit" name="decision" value="approve">Approuver le virement n° {{ID}}</button>
        <button class="btn" type="submit" name="decision" value="refuse">Refuser</button>
      </form>{{/DECIDE}}</td></tr>{{/TRANSFER}}</tbody>
  </table>
  </div>{{/HAS_TRANSFERS}}
  {{#PROPOSE}}<h3 id="proposer">Proposer un virement</h3>
  <form method="post" action="/budgets/virements" class="form" novalidate>
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{>FROM_FIELD}}
    {{>TO_FIELD}}
    {{>AMOUNT_FIELD}}
    {{>REASON_FIELD}}
    <button class="btn btn--primary" type="submit">Proposer le virement</button>
  </form>{{/PROPOSE}}
</section>{{/TRANSFERS}}
{{#CREATE}}<section aria-labelledby="nouvelle">
  <h2 id="nouvelle">Nouvelle enveloppe</h2>
  <form method="post" action="/budgets" class="form" novalidate>
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{>AID_FIELD}}
    {{>YEAR_FIELD}}
    {{>SOURCE_FIELD}}
    {{>PARTNER_FIELD}}
    {{>LABEL_FIELD}}
    {{>ALLOCATED_FIELD}}
    <button class="btn btn--primary" type="submit">Créer l'enveloppe</button>
  </form>
</section>{{/CREATE}}
