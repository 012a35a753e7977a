{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Les simulateurs</h1>
<p class="lead">Salaire d'apprenti, coût pour l'entreprise, aides : chaque montant est calculé avec les règles en vigueur et expliqué.</p>
<ul class="card-grid">
  <li class="card"><h2 class="card-title"><a class="card-link" href="/simulateurs/mes-aides">Quelles aides pour moi ?</a></h2><p>Vous êtes en alternance ou allez l'être : votre salaire net chaque mois et les aides que vous pouvez demander, en quelques questions.</p></li>
  <li class="card"><h2 class="card-title"><a class="card-link" href="/simulateurs/cout-apprenti">Combien coûte un apprenti ?</a></h2><p>Vous êtes employeur : le salaire, le coût, les aides et le reste à charge année par année, et la prise en charge de la formation par l'OPCO.</p></li>
</ul>
<p class="meta">Les montants suivent les textes en vigueur à chaque date (SMIC, grille de salaire, aides de l'État, aides de la délégation). Une simulation ne vaut pas décision : les organismes qui versent les aides vérifient chaque demande.</p>
