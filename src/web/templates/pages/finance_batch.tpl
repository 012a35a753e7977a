{{%AUTOESCAPE context="HTML"}}<p><a href="/finance/paiements">← Paiements</a></p>
<h1 class="page-title">Lot de virements {{KEY}}</h1>
<dl class="dl-grid">
  <dt>État</dt><dd>{{STATE}}</dd>
  <dt>Créé le</dt><dd>{{CREATED}}, par {{CREATOR}}</dd>
  {{#SENT}}<dt>Envoyé le</dt><dd>{{WHEN}}</dd>{{/SENT}}
  {{#CONFIRMED}}<dt>Confirmé le</dt><dd>{{WHEN}}</dd>{{/CONFIRMED}}
  <dt>Total</dt><dd>{{TOTAL}} ({{COUNT}} versements)</dd>
</dl>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-versements">
<table class="table">
  <caption id="legende-versements">Versements du lot</caption>
  <thead><tr><th scope="col">Demande</th><th scope="col">Versement</th><th scope="col">Montant</th><th scope="col">Référence</th></tr></thead>
  <tbody>{{#PAYMENT}}<tr><td><a href="/conseil/demandes/{{REQUEST}}">N° {{REQUEST}}</a></td><td>n° {{INSTALMENT}}</td><td>{{AMOUNT}}</td><td><code>{{KEY}}</code></td></tr>{{/PAYMENT}}</tbody>
</table>
</div>
<section aria-labelledby="fichiers">
  <h2 id="fichiers">Fichiers</h2>
  {{#NO_DEBTOR}}<div class="notice notice--warning"><p>Le compte de la délégation n'est pas configuré (variable <code>MAPLACE_DEBTOR_IBAN</code>) : aucun fichier de virements ne peut être produit.</p></div>{{/NO_DEBTOR}}
  {{#FILES}}<ul>
    <li><a href="/finance/lots/{{ID}}/virements.xml" download>Fichier de virements SEPA (pain.001, XML)</a></li>
    <li><a href="/finance/lots/{{ID}}/comptabilite.csv" download>Export pour la comptabilité (CSV)</a></li>
  </ul>{{/FILES}}
</section>
<section aria-labelledby="suivi">
  <h2 id="suivi">Suivi</h2>
  {{#MARK_SENT}}<form method="post" action="/finance/lots/{{ID}}/envoye" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p>Quand le fichier est remis à la banque :</p>
    <button class="btn" type="submit">Marquer envoyé</button>
  </form>{{/MARK_SENT}}
  {{#MARK_CONFIRMED}}<form method="post" action="/finance/lots/{{ID}}/confirme" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p>Quand la banque a exécuté les virements :</p>
    <button class="btn" type="submit">Marquer confirmé</button>
  </form>{{/MARK_CONFIRMED}}
  {{#DONE}}<p>Le lot est confirmé par la banque.</p>{{/DONE}}
</section>
