{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Courriels envoyés</h1>
<p class="meta">{{TRANSPORT}}</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="courriels">
<table class="table">
  <caption id="courriels">Les 200 derniers courriels</caption>
  <thead><tr><th scope="col">Date</th><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">État</th></tr></thead>
  <tbody>{{#MAIL}}<tr><td>{{DATE}}</td><td>{{TO}}</td><td><a href="/admin/courriels/{{ID}}">{{SUBJECT}}</a></td><td>{{STATE}}</td></tr>{{/MAIL}}</tbody>
</table>
</div>
