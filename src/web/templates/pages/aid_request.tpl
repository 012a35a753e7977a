{{%AUTOESCAPE context="HTML"}}<p class="meta"><a href="/mes-demandes">Mes demandes d'aide</a></p>
<h1 class="page-title">{{AID_NAME}}</h1>
{{>FORM_ERRORS}}
<section class="sim-section" aria-labelledby="etat">
  <h2 id="etat">Où en est votre demande</h2>
  <p><span class="badge badge--{{STATE_CODE}}">{{STATE}}</span></p>
  <p>{{MEANING}}</p>
  <dl class="dl-grid">
    <div><dt>Demande n°</dt><dd>{{ID}}</dd></div>
    <div><dt>Montant demandé</dt><dd>{{AMOUNT}}</dd></div>
    {{#HAS_PAID}}<div><dt>Déjà versé</dt><dd>{{PAID}}</dd></div>{{/HAS_PAID}}
    <div><dt>Pour</dt><dd>{{BENEFICIARY}}</dd></div>
    <div><dt>Créée le</dt><dd>{{CREATED}}</dd></div>
    <div><dt>Dernière mise à jour</dt><dd>{{UPDATED}}</dd></div>
    {{#DECISION}}<div><dt>Motif de la décision</dt><dd>{{REASON}}</dd></div>{{/DECISION}}
  </dl>
  {{#SUBMIT}}<form class="form" method="post" action="{{BASE}}/envoyer">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">Une fois envoyée, vous pourrez encore ajouter des pièces et écrire au conseiller jusqu'à la décision.</p>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Envoyer ma demande</button></div>
  </form>{{/SUBMIT}}
</section>
{{#MISSING}}<section class="sim-section" aria-labelledby="manque">
  <h2 id="manque">Ce qui manque</h2>
  <p class="notice notice--warning">{{MISSING_TEXT}}</p>
  <p>Ajoutez les pièces demandées plus bas, puis répondez au conseiller.</p>
  <form class="form" method="post" action="{{BASE}}/complement" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#COMPLEMENT_INVALID}} field--invalid{{/COMPLEMENT_INVALID}}">
      <label for="complement">Votre réponse</label>
      <span class="hint" id="complement-hint">Dites ce que vous avez ajouté ou précisé.</span>
      {{#COMPLEMENT_INVALID}}<span class="field-error" id="complement-err">{{COMPLEMENT_INVALID_ERROR}}</span>{{/COMPLEMENT_INVALID}}
      <textarea id="complement" name="message" maxlength="4000" required aria-describedby="complement-hint{{#COMPLEMENT_INVALID}} complement-err{{/COMPLEMENT_INVALID}}"{{#COMPLEMENT_INVALID}} aria-invalid="true"{{/COMPLEMENT_INVALID}}>{{COMPLEMENT_VALUE}}</textarea>
    </div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Répondre / envoyer le complément</button></div>
  </form>
</section>{{/MISSING}}
<section class="sim-section" aria-labelledby="pieces">
  <h2 id="pieces">Pièces justificatives</h2>
  {{#NO_DOCUMENTS}}<p>Aucune pièce pour l'instant.</p>{{/NO_DOCUMENTS}}
  <ul class="plain-list">{{#DOCUMENT}}<li><a href="{{DOC_HREF}}">{{DOC_NAME}}</a> <span class="meta">({{DOC_SIZE}}, ajoutée le {{DOC_WHEN}})</span></li>{{/DOCUMENT}}</ul>
  {{#UPLOAD}}<form class="form" method="post" action="{{BASE}}/pieces" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#DOCUMENT_INVALID}} field--invalid{{/DOCUMENT_INVALID}}">
      <label for="document">Ajouter une pièce</label>
      <span class="hint" id="document-hint">Un PDF, une photo JPEG ou PNG, de 5 Mo au plus.</span>
      {{#DOCUMENT_INVALID}}<span class="field-error" id="document-err">{{DOCUMENT_INVALID_ERROR}}</span>{{/DOCUMENT_INVALID}}
      <input id="document" name="document" type="file" accept="application/pdf,image/jpeg,image/png" required aria-describedby="document-hint{{#DOCUMENT_INVALID}} document-err{{/DOCUMENT_INVALID}}"{{#DOCUMENT_INVALID}} aria-invalid="true"{{/DOCUMENT_INVALID}}>
    </div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter la pièce</button></div>
  </form>{{/UPLOAD}}
</section>
<section class="sim-section" aria-labelledby="banque">
  <h2 id="banque">Coordonnées bancaires</h2>
  {{#NO_BANK}}<p>Aucun compte indiqué pour l'instant.</p>{{/NO_BANK}}
  {{#BANK}}<dl class="dl-grid">
    <div><dt>Titulaire</dt><dd>{{HOLDER}}</dd></div>
    <div><dt>IBAN</dt><dd>{{IBAN_MASKED}}</dd></div>
  </dl>{{/BANK}}
  {{#BANK_FORM}}<form class="form" method="post" action="{{BASE}}/banque" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#REPLACE}}<p class="hint">Pour changer de compte, saisissez le nouveau.</p>{{/REPLACE}}
    <div class="field{{#HOLDER_INVALID}} field--invalid{{/HOLDER_INVALID}}">
      <label for="holder">Titulaire du compte</label>
      {{#HOLDER_INVALID}}<span class="field-error" id="holder-err">{{HOLDER_INVALID_ERROR}}</span>{{/HOLDER_INVALID}}
      <input id="holder" name="holder" type="text" value="{{HOLDER_VALUE}}" autocomplete="name" maxlength="140" required{{#HOLDER_INVALID}} aria-invalid="true" aria-describedby="holder-err"{{/HOLDER_INVALID}}>
    </div>
    <div class="field{{#IBAN_INVALID}} field--invalid{{/IBAN_INVALID}}">
      <label for="iban">IBAN</label>
      <span class="hint" id="iban-hint">Il commence par FR pour un compte en France. Une fois enregistré, il ne sera plus affiché en entier.</span>
      {{#IBAN_INVALID}}<span class="field-error" id="iban-err">{{IBAN_INVALID_ERROR}}</span>{{/IBAN_INVALID}}
      <input id="iban" name="iban" type="text" autocomplete="off" spellcheck="false" maxlength="50" required aria-describedby="iban-hint{{#IBAN_INVALID}} iban-err{{/IBAN_INVALID}}"{{#IBAN_INVALID}} aria-invalid="true"{{/IBAN_INVALID}}>
    </div>
    <div class="field{{#BIC_INVALID}} field--invalid{{/BIC_INVALID}}">
      <label for="bic">BIC (facultatif)</label>
      {{#BIC_INVALID}}<span class="field-error" id="bic-err">{{BIC_INVALID_ERROR}}</span>{{/BIC_INVALID}}
      <input id="bic" name="bic" type="text" value="{{BIC_VALUE}}" autocomplete="off" spellcheck="false" maxlength="11"{{#BIC_INVALID}} aria-invalid="true" aria-describedby="bic-err"{{/BIC_INVALID}}>
    </div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Enregistrer le compte</button></div>
  </form>{{/BANK_FORM}}
</section>
<section class="sim-section" aria-labelledby="echanges">
  <h2 id="echanges">Historique et messages</h2>
  {{#NO_LINES}}<p>Aucun échange pour l'instant.</p>{{/NO_LINES}}
  <ol class="plain-list stack">{{#LINE}}<li class="card">
    <p><strong>{{KIND}}</strong> — {{AUTHOR}}, le <time datetime="{{WHEN_ISO}}">{{WHEN}}</time></p>
    {{#HAS_BODY}}<p>{{BODY}}</p>{{/HAS_BODY}}
  </li>{{/LINE}}</ol>
  {{#MESSAGE_FORM}}<form class="form" method="post" action="{{BASE}}/message" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#MESSAGE_INVALID}} field--invalid{{/MESSAGE_INVALID}}">
      <label for="message">Écrire au conseiller</label>
      {{#MESSAGE_INVALID}}<span class="field-error" id="message-err">{{MESSAGE_INVALID_ERROR}}</span>{{/MESSAGE_INVALID}}
      <textarea id="message" name="message" maxlength="4000" required{{#MESSAGE_INVALID}} aria-invalid="true" aria-describedby="message-err"{{/MESSAGE_INVALID}}>{{MESSAGE_VALUE}}</textarea>
    </div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Envoyer le message</button></div>
  </form>{{/MESSAGE_FORM}}
</section>
