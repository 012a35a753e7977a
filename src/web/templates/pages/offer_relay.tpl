{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Relayer l'offre aux CFA</h1>
<p class="lead">« {{TITLE}} » : envoyez-la aux CFA qui forment à ce métier. Ils la reçoivent par e-mail et dans leur espace, avec une affiche à imprimer pour leurs apprentis.</p>
{{#NONE}}<p>Aucun CFA de la plateforme ne forme pour l'instant à ce métier, ou l'offre n'est pas en ligne.</p>{{/NONE}}
{{#SEND}}<form method="post" action="/employeur/offres/{{ID}}/relayer" class="form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset id="cfa">
    <legend>Les CFA qui forment à ce métier, du plus proche au plus loin</legend>
    {{#CANDIDATE}}<div class="checkbox"><input type="checkbox" id="cfa-{{CFA_ID}}" name="cfa" value="{{CFA_ID}}"><label for="cfa-{{CFA_ID}}">{{NAME}} <span class="meta">— {{WHERE}}, {{TRAININGS}}</span></label></div>{{/CANDIDATE}}
  </fieldset>
  <button class="btn btn--primary" type="submit">Envoyer l'offre aux CFA cochés</button>
</form>{{/SEND}}
{{#RELAYED}}<p class="meta">Déjà envoyée à {{NAME}} ({{WHERE}}).</p>{{/RELAYED}}
<p><a href="/offres/{{ID}}/affiche">L'affiche de l'offre, à imprimer</a> · <a href="/employeur/offres/{{ID}}">Retour à l'offre</a></p>
