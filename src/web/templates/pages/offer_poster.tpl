{{%AUTOESCAPE context="HTML"}}<article class="poster" aria-labelledby="affiche-titre">
<p class="poster-kicker">Offre d'alternance</p>
<h1 class="page-title" id="affiche-titre">{{TITLE}}</h1>
<p class="lead">{{ORGANISATION}} — {{COMMUNE}}</p>
<dl class="dl-grid">
  <dt>Diplôme visé</dt><dd>{{LEVEL}}</dd>
  <dt>Contrat</dt><dd>{{CONTRACT}}, {{DURATION}}</dd>
  <dt>Début</dt><dd>{{START}}</dd>
  <dt>Rythme</dt><dd>{{RHYTHM}}</dd>
</dl>
<div class="poster-qr">{{QR:none}}</div>
<p>Pour postuler, scannez le code ou allez sur <strong>{{LINK}}</strong></p>
<p class="meta no-print"><a href="/offres/{{ID}}">Voir l'offre</a> — imprimez cette page avec le menu de votre navigateur.</p>
</article>
