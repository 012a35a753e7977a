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
</section>{{/YEAR}}
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
