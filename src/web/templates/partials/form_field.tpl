{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
  <label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="meta">(facultatif)</span>{{/OPTIONAL}}</label>
  {{#HINT}}<span class="hint" id="{{ID}}-hint">{{TEXT}}</span>{{/HINT}}
  {{#INVALID}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/INVALID}}
  {{#INPUT}}<input id="{{ID}}" name="{{ID}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AC}}" maxlength="{{MAX}}"{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#LIST}} list="{{LIST_ID}}"{{/LIST}}{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{#HINT}}{{ID}}-hint{{/HINT}}{{#INVALID}} {{ID}}-err{{/INVALID}}"{{/DESCRIBED}}>{{/INPUT}}
  {{#SELECT}}<select id="{{ID}}" name="{{ID}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{#HINT}}{{ID}}-hint{{/HINT}}{{#INVALID}} {{ID}}-err{{/INVALID}}"{{/DESCRIBED}}>
    {{#OPTION}}<option value="{{OPT_VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPT_LABEL}}</option>{{/OPTION}}
  </select>{{/SELECT}}
  {{#TEXTAREA}}<textarea id="{{ID}}" name="{{ID}}" rows="8" maxlength="{{MAX}}"{{#REQUIRED}} required{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{#HINT}}{{ID}}-hint{{/HINT}}{{#INVALID}} {{ID}}-err{{/INVALID}}"{{/DESCRIBED}}>{{VALUE}}</textarea>{{/TEXTAREA}}
</div>
