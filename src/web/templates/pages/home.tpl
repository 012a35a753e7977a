{{%AUTOESCAPE context="HTML"}}<section class="hero">
  <h1 class="hero-title">Ici c'est ma place</h1>
  <p class="hero-text">Trouver sa place en Martinique grâce à l'alternance : les métiers qui recrutent près de chez vous, les formations en apprentissage, les offres des entreprises et les aides auxquelles vous avez droit.</p>
  <p class="hero-actions">
    {{#ANONYMOUS}}<a class="btn btn--primary" href="/inscription">Créer mon compte</a>
    <a class="btn btn--secondary" href="/connexion">Me connecter</a>{{/ANONYMOUS}}
    {{#SIGNED_IN}}<a class="btn btn--primary" href="/espace">Aller à mon espace</a>{{/SIGNED_IN}}
  </p>
</section>
<h2>Ce que vous trouverez ici</h2>
<ul class="card-grid">
  <li class="card"><h3 class="card-title">Les métiers qui recrutent</h3><p>Chaque année, l'enquête Besoins en main-d'œuvre de France Travail dit quels métiers peinent à recruter dans chaque bassin d'emploi de l'île.</p></li>
  <li class="card"><h3 class="card-title">Se former en alternance</h3><p>Les formations des CFA de Martinique, du CAP au master, en apprentissage ou en contrat de professionnalisation.</p></li>
  <li class="card"><h3 class="card-title">Les offres près de chez vous</h3><p>Les entreprises publient leurs offres d'alternance : candidatez et suivez vos candidatures.</p></li>
  <li class="card"><h3 class="card-title"><a class="card-link" href="/simulateurs/mes-aides">Quelles aides pour moi ?</a></h3><p>Votre salaire d'apprenti, l'aide à la mobilité, l'aide au permis, l'aide au logement : chaque montant expliqué, en quelques questions.</p></li>
</ul>
<h2>Vous êtes employeur ou CFA ?</h2>
<p><a href="/simulateurs/cout-apprenti">Combien coûte un apprenti ?</a> Le salaire, le coût, les aides et le reste à charge, année par année.</p>
<p>Votre espace vous permet de publier vos offres, de répondre aux candidatures et de participer aux ateliers Aktiv Alternance. Les comptes des entreprises et des CFA sont ouverts par la délégation ou sur invitation d'un collègue.</p>
