{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Alertes par e-mail</h1>
{{>FORM_ERRORS}}
{{#ASK}}<p class="lead">Vous ne voulez plus recevoir les alertes de vos recherches enregistrées ? Un clic suffit, sans vous connecter.</p>
<form class="form" method="post" action="/alertes/desabonnement">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <div class="form-actions"><button class="btn btn--primary" type="submit">Ne plus recevoir d'alertes</button></div>
</form>{{/ASK}}
{{#DONE}}<p class="lead">C'est fait : vous ne recevrez plus d'alertes. Vos recherches restent enregistrées ; vous pouvez réactiver une alerte depuis <a href="/mes-recherches">Mes recherches</a>.</p>{{/DONE}}
