{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Demandes d'aide</h1>
<p class="meta">Les demandes des aides de la délégation, par étape. Au-delà de {{THRESHOLD}}, une demande est accordée par un responsable de la direction.</p>
<p><a href="/conseil/export-aides.xlsx">Télécharger le classeur de l'année (demandes, enveloppes, paiements par mois, XLSX)</a></p>
{{#QUEUE}}<section aria-labelledby="file-{{KEY}}">
  <h2 id="file-{{KEY}}">{{TITLE}} ({{COUNT}})</h2>
  <p class="meta">{{WHO}}</p>
  {{#EMPTY}}<p>Aucune demande.</p>{{/EMPTY}}
  {{#ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-{{KEY}}">
  <table class="table">
    <caption id="legende-{{KEY}}">{{TITLE}}</caption>
    <thead><tr><th scope="col">Demande</th><th scope="col">Demandeur</th><th scope="col">Aide</th><th scope="col">Montant</th><th scope="col">Date</th><th scope="col">État</th></tr></thead>
    <tbody>{{#ROW}}<tr>
      <td><a href="/conseil/demandes/{{ID}}">N° {{ID}}</a></td><td>{{REQUESTER}}</td><td>{{AID}}</td><td>{{AMOUNT}}</td><td>{{DATE}}</td><td>{{STATE}}</td>
    </tr>{{/ROW}}</tbody>
  </table>
  </div>{{/ROWS}}
</section>{{/QUEUE}}
