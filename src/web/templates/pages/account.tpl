{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mon compte</h1>
<dl class="dl-grid">
  <div><dt>Nom</dt><dd>{{USER_NAME}}</dd></div>
  <div><dt>Adresse e-mail</dt><dd>{{EMAIL}}</dd></div>
  <div><dt>Profil</dt><dd>{{USER_ROLE}}</dd></div>
</dl>
<h2 id="changer-adresse">Changer d'adresse e-mail</h2>
<p>Nous enverrons un lien de confirmation à la nouvelle adresse ; le changement se fera quand vous l'ouvrirez.</p>
<form class="form stack" method="post" action="/compte/adresse" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Changer mon adresse</button></div>
</form>
<h2>Mot de passe</h2>
<p>Pour changer de mot de passe, <a href="/mot-de-passe-oublie">demandez un lien de réinitialisation</a> : toutes vos sessions seront fermées.</p>
