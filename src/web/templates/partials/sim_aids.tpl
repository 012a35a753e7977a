{{%AUTOESCAPE context="HTML"}}{{#NO_AIDS}}<p>Aucune aide ne correspond à ces réponses. La liste ci-dessous dit pourquoi, condition par condition.</p>{{/NO_AIDS}}
{{#GROUP}}<section class="aid-group" aria-labelledby="{{GROUP_ID}}">
  <h3 id="{{GROUP_ID}}">{{HEADING}}</h3>
  {{#AID}}<article class="aid-card" aria-labelledby="aide-{{AID_ID}}">
    <h4 id="aide-{{AID_ID}}">{{NAME}}</h4>
    <p class="aid-amount">{{AMOUNT}}</p>
    <ul class="explain">{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
    {{#HAS_CONDITIONS}}<p class="label">Conditions</p>
    <ul class="conditions">{{#CONDITION}}<li class="condition condition--{{STATE}}"><span class="condition-mark" aria-hidden="true">{{MARK}}</span><span><span class="visually-hidden">{{STATE_TEXT}} : </span>{{TEXT}}{{#CONDITION_REFS}} <span class="refs">({{CREFS}})</span>{{/CONDITION_REFS}}</span></li>{{/CONDITION}}</ul>{{/HAS_CONDITIONS}}
    <dl class="aid-facts">
      <div><dt>Comment la demander</dt><dd>{{HOW}}</dd></div>
      <div><dt>Qui la verse</dt><dd>{{PAYER}}</dd></div>
    </dl>
    {{#REFS}}<p class="refs">Textes : {{REFS_TEXT}}</p>{{/REFS}}
    {{#ASK}}<form class="form ask-aid no-print" method="post" action="/simulateurs/demander">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="simulateur" value="{{SIMULATOR}}">
      <input type="hidden" name="aide" value="{{ASK_AID}}">
      {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
      {{/KEEP}}{{#BENEFICIARY}}<div class="field">
        <label for="beneficiaire-{{ASK_AID}}">Nom et prénom de l'apprenti</label>
        <input id="beneficiaire-{{ASK_AID}}" name="beneficiary_name" type="text" autocomplete="off" maxlength="200" required>
      </div>{{/BENEFICIARY}}
      <div class="form-actions"><button class="btn btn--primary" type="submit">Demander cette aide<span class="visually-hidden"> : {{NAME}}</span></button></div>
    </form>{{/ASK}}
    {{#ASK_LOGIN}}<p class="no-print"><a class="btn btn--secondary" href="{{LOGIN_HREF}}">Connectez-vous pour demander cette aide<span class="visually-hidden"> : {{NAME}}</span></a></p>{{/ASK_LOGIN}}
  </article>{{/AID}}
</section>{{/GROUP}}
{{#NOT_ELIGIBLE}}<details class="not-eligible">
  <summary>Les aides qui ne correspondent pas ({{COUNT}}), et pourquoi</summary>
  {{#AID}}<article class="aid-card aid-card--no" aria-labelledby="aide-{{AID_ID}}">
    <h4 id="aide-{{AID_ID}}">{{NAME}}</h4>
    <ul class="explain">{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
    {{#HAS_CONDITIONS}}<ul class="conditions">{{#CONDITION}}<li class="condition condition--{{STATE}}"><span class="condition-mark" aria-hidden="true">{{MARK}}</span><span><span class="visually-hidden">{{STATE_TEXT}} : </span>{{TEXT}}{{#CONDITION_REFS}} <span class="refs">({{CREFS}})</span>{{/CONDITION_REFS}}</span></li>{{/CONDITION}}</ul>{{/HAS_CONDITIONS}}
    {{#REFS}}<p class="refs">Textes : {{REFS_TEXT}}</p>{{/REFS}}
  </article>{{/AID}}
</details>{{/NOT_ELIGIBLE}}
