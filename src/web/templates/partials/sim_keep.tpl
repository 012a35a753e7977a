{{%AUTOESCAPE context="HTML"}}<section class="keep-result" id="garder" aria-labelledby="garder-titre">
  <h2 id="garder-titre">Garder ce résultat</h2>
  {{#SENT}}<p class="notice notice--success" role="status">C'est envoyé : le résultat partira dans quelques instants vers l'adresse indiquée. Pensez à regarder dans les courriers indésirables.</p>{{/SENT}}
  <div class="field">
    <label for="lien">Le lien de cette simulation</label>
    <span class="hint" id="lien-hint">Gardez-le ou partagez-le : il rouvre la simulation avec vos réponses, que vous pourrez modifier. Rien n'est enregistré sur nos serveurs.</span>
    <input id="lien" type="url" value="{{LINK}}" readonly aria-describedby="lien-hint">
  </div>
  <p class="keep-print"><button class="btn btn--secondary" type="button" data-print>Imprimer ou enregistrer en PDF</button></p>
  <form class="form" method="post" action="/simulateurs/envoyer" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="simulateur" value="{{SIMULATOR}}">
    {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
    {{/KEEP}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
      <label for="email">Recevoir le résultat par e-mail</label>
      <span class="hint" id="email-hint">Votre adresse ne sert qu'à cet envoi : elle n'est pas conservée pour autre chose.</span>
      {{#INVALID}}<span class="field-error" id="email-err">{{MESSAGE}}</span>{{/INVALID}}
      <input id="email" name="email" type="email" value="{{EMAIL}}" autocomplete="email" maxlength="254"{{#INVALID}} aria-invalid="true"{{/INVALID}} aria-describedby="email-hint{{#INVALID}} email-err{{/INVALID}}">
    </div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Recevoir par e-mail</button></div>
  </form>
</section>
