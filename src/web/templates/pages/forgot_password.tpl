{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mot de passe oublié</h1>
<p class="lead">Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
<form class="form stack" method="post" action="/mot-de-passe-oublie" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Recevoir le lien</button></div>
</form>
