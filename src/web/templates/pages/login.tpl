{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Me connecter</h1>
<form class="form stack" method="post" action="/connexion" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="retour" value="{{RETURN_TO}}">
  {{>EMAIL_FIELD}}
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Me connecter</button>
  <a class="btn btn--link" href="/mot-de-passe-oublie">Mot de passe oublié ?</a></div>
</form>
<p>Pas encore de compte ? <a href="/inscription">Créer mon compte</a>.</p>
