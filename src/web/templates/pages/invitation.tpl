{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Rejoindre {{ORGANISATION_NAME}}</h1>
<p class="lead">Invitation pour <strong>{{EMAIL}}</strong>, en tant que {{MEMBER_ROLE}}.</p>
<form class="form stack" method="post" action="/invitation" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="jeton" value="{{TOKEN}}">
  {{#HAS_ACCOUNT}}<p>Cette adresse a déjà un compte : saisissez son mot de passe pour accepter.</p>{{/HAS_ACCOUNT}}
  {{>NAME_FIELD}}
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Accepter l'invitation</button></div>
</form>
