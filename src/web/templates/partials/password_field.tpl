{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
  <label for="{{ID}}">{{LABEL}}</label>
  {{#NEW}}<span class="hint" id="{{ID}}-hint">12 caractères au moins, sans autre règle : une phrase de quelques mots est idéale.</span>{{/NEW}}
  {{#INVALID}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/INVALID}}
  <div class="password-field">
    <input id="{{ID}}" name="{{ID}}" type="password" autocomplete="{{AUTOCOMPLETE}}" required maxlength="512"{{#NEW}} minlength="12" data-password-meter="12"{{/NEW}}{{#INVALID}} aria-invalid="true"{{/INVALID}} aria-describedby="{{#NEW}}{{ID}}-hint {{ID}}-meter{{/NEW}}{{#INVALID}} {{ID}}-err{{/INVALID}}">
    <button type="button" class="password-toggle" data-password-toggle aria-pressed="false">Afficher</button>
  </div>
  {{#NEW}}<p class="hint password-meter" id="{{ID}}-meter" data-password-meter-for="{{ID}}" aria-live="polite">12 caractères minimum.</p>{{/NEW}}
</div>
