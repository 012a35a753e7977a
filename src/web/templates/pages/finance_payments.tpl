{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Paiements</h1>
{{#NO_DEBTOR}}<div class="notice notice--warning"><p>Le compte de la délégation n'est pas configuré (variable <code>MAPLACE_DEBTOR_IBAN</code>) : les paiements s'enregistrent, mais aucun fichier de virements ne peut être produit.</p></div>{{/NO_DEBTOR}}
<section aria-labelledby="a-payer">
  <h2 id="a-payer">Demandes engagées à payer ({{COUNT}})</h2>
  {{#EMPTY}}<p>Aucune demande engagée ne reste à payer.</p>{{/EMPTY}}
  {{#HAS_ROWS}}<form method="post" action="/finance/paiements" class="form" novalidate>
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="batch_key" value="{{BATCH_KEY}}">
    <p class="meta">Cochez les versements à mettre dans le lot {{BATCH_KEY}}. Envoyer deux fois ce formulaire ne paie rien deux fois.</p>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-a-payer">
    <table class="table">
      <caption id="legende-a-payer">Versements à faire</caption>
      <thead><tr><th scope="col">Payer</th><th scope="col">Demande</th><th scope="col">Bénéficiaire</th><th scope="col">Aide</th><th scope="col">Montant accordé</th><th scope="col">Reste à payer</th><th scope="col">Versement</th><th scope="col">Montant du versement</th></tr></thead>
      <tbody>{{#ROW}}<tr>
        <td><input type="checkbox" id="pay-{{ID}}" name="pay" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="pay-{{ID}}"><span class="visually-hidden">Payer la demande n° {{ID}}</span></label></td>
        <td><a href="/conseil/demandes/{{ID}}">N° {{ID}}</a></td><td>{{BENEFICIARY}}</td><td>{{AID}}</td><td>{{AMOUNT}}</td><td>{{REMAINING}}</td>
        <td>n° {{INSTALMENT}}<input type="hidden" name="instalment_{{ID}}" value="{{INSTALMENT}}"></td>
        <td><label class="visually-hidden" for="amount_{{ID}}">Montant du versement de la demande n° {{ID}}, en euros</label>
          <input id="amount_{{ID}}" name="amount_{{ID}}" type="text" inputmode="decimal" value="{{VALUE}}" size="10"{{#INVALID}} aria-invalid="true"{{/INVALID}}></td>
      </tr>{{/ROW}}</tbody>
    </table>
    </div>
    <button class="btn btn--primary" type="submit">Payer les versements cochés</button>
  </form>{{/HAS_ROWS}}
</section>
<section aria-labelledby="lots">
  <h2 id="lots">Lots de virements</h2>
  {{#NO_BATCHES}}<p>Aucun lot.</p>{{/NO_BATCHES}}
  {{#HAS_BATCHES}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-lots">
  <table class="table">
    <caption id="legende-lots">Lots de virements, du plus récent au plus ancien</caption>
    <thead><tr><th scope="col">Lot</th><th scope="col">Créé le</th><th scope="col">Versements</th><th scope="col">Total</th><th scope="col">État</th></tr></thead>
    <tbody>{{#BATCH}}<tr><td><a href="/finance/lots/{{ID}}">{{KEY}}</a></td><td>{{DATE}}</td><td>{{COUNT}}</td><td>{{TOTAL}}</td><td>{{STATE}}</td></tr>{{/BATCH}}</tbody>
  </table>
  </div>{{/HAS_BATCHES}}
</section>
