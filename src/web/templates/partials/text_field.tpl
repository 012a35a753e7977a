{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
  <label for="{{ID}}">{{LABEL}}</label>
  {{#HINT}}<span class="hint" id="{{ID}}-hint">{{TEXT}}</span>{{/HINT}}
  {{#INVALID}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/INVALID}}
  <input id="{{ID}}" name="{{ID}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}" maxlength="254" required{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{#HINT}}{{ID}}-hint{{/HINT}}{{#INVALID}} {{ID}}-err{{/INVALID}}"{{/DESCRIBED}}>
</div>
