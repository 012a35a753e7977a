{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Accessibilité</h1>
<div class="stack">
<p class="lead">La délégation s'engage à rendre « Ici c'est ma place » accessible à toutes et à tous, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<h2>État de conformité</h2>
<p>Le service est <strong>partiellement conforme</strong> au référentiel général d'amélioration de l'accessibilité (RGAA 4.1) : un audit complet n'a pas encore été réalisé. Chaque page est vérifiée automatiquement (axe-core) à chaque version.</p>
<h2>Ce qui est fait</h2>
<ul>
  <li>Navigation au clavier, lien d'évitement, focus visible.</li>
  <li>Formulaires étiquetés, erreurs annoncées et reliées aux champs.</li>
  <li>Contrastes conformes, pages utilisables sur un téléphone de 360 pixels de large.</li>
</ul>
<h2>Signaler un problème</h2>
<p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez à la délégation : nous vous répondrons et vous proposerons une autre façon d'y accéder. Vous pouvez aussi saisir le Défenseur des droits.</p>
</div>
