{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Créer mon compte</h1>
<p class="lead">Pour candidater aux offres, suivre vos candidatures et demander des aides. Vous avez déjà un compte ? <a href="/connexion">Connectez-vous</a>.</p>
<p>Vous recrutez un alternant ? <a href="/inscription/entreprise">Inscrivez votre entreprise</a>. Vous êtes un CFA ? <a href="/inscription/cfa">Inscrivez votre CFA</a>.</p>
<form class="form stack" method="post" action="/inscription" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>NAME_FIELD}}
  {{>EMAIL_FIELD}}
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Créer mon compte</button></div>
</form>
<p class="meta">En créant un compte, vous acceptez que vos données soient traitées comme l'explique la page <a href="/donnees-personnelles">Données personnelles</a>.</p>
