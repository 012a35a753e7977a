{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Se désabonner</h1>
{{>FORM_ERRORS}}
{{#ASK}}<p class="lead">Vous ne voulez plus recevoir {{LIST}} à l'adresse {{EMAIL}} ? Un clic suffit, sans vous connecter.</p>
<form class="form" method="post" action="/desabonnement">
  <input type="hidden" name="adresse" value="{{EMAIL}}">
  <input type="hidden" name="liste" value="{{LIST_CODE}}">
  <input type="hidden" name="cle" value="{{KEY}}">
  <div class="form-actions"><button class="btn btn--primary" type="submit">Ne plus recevoir ces courriels</button></div>
</form>{{/ASK}}
{{#DONE}}<p class="lead">C'est fait : l'adresse {{EMAIL}} ne recevra plus {{LIST}}. Les courriels liés à vos démarches (réponses, mots de passe) continuent d'arriver.</p>{{/DONE}}
