{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{#CFA}}Pour relayer les offres des entreprises et présenter vos formations.{{/CFA}}{{#EMPLOYER}}Pour publier vos offres d'alternance et recevoir des candidatures.{{/EMPLOYER}} Un conseiller de la délégation vérifie chaque nouvelle organisation, souvent dans la journée ; en attendant, vous pouvez préparer vos offres. Vous avez déjà un compte ? <a href="/connexion">Connectez-vous</a>.</p>
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#GROUP}}<fieldset class="stack"><legend>{{LEGEND}}</legend>
    {{#FIELD}}{{>FORM_FIELD}}{{/FIELD}}
  </fieldset>{{/GROUP}}
  {{>PASSWORD_FIELD}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Créer mon espace</button></div>
</form>
<p class="meta">En créant un compte, vous acceptez que vos données soient traitées comme l'explique la page <a href="/donnees-personnelles">Données personnelles</a>.</p>
