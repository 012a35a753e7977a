{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Données personnelles</h1>
<div class="stack">
<p class="lead">Nous traitons vos données pour vous accompagner dans votre projet d'alternance, et seulement pour cela.</p>
<h2>Quelles données ?</h2>
<p>Votre nom, votre adresse e-mail et, quand vous les donnez, les informations de votre profil, de vos candidatures et de vos demandes d'aide.</p>
<h2>Pourquoi ?</h2>
<p>Pour vous permettre de vous connecter, de candidater, de demander des aides et d'être accompagné par un conseiller. La base légale est l'exécution de la mission de service public de l'OPCO et, pour les informations facultatives, votre consentement.</p>
<h2>Qui les voit ?</h2>
<p>Vous, les employeurs à qui vous envoyez une candidature, et les conseillers de la délégation qui vous accompagnent. Elles ne sont jamais vendues.</p>
<h2>Combien de temps ?</h2>
<p>Tant que votre compte est actif ; un compte inactif pendant deux ans est supprimé après vous avoir prévenu.</p>
<h2>Sécurité</h2>
<p>Votre mot de passe n'est jamais conservé en clair (il est haché avec Argon2id), votre session est protégée et chaque action sensible est tracée.</p>
<h2>Vos droits</h2>
<p>Vous pouvez accéder à vos données, les corriger, les supprimer ou vous opposer à leur traitement en écrivant au délégué à la protection des données de l'OPCO. Vous pouvez aussi saisir la CNIL.</p>
<h2>Mineurs</h2>
<p>Si vous avez moins de 15 ans, l'accord de votre représentant légal est nécessaire pour créer un compte.</p>
</div>
