{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Choisir un nouveau mot de passe</h1>
<form class="form stack" method="post" action="/mot-de-passe/nouveau" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="jeton" value="{{TOKEN}}">
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer</button></div>
</form>
