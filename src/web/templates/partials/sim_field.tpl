{{%AUTOESCAPE context="HTML"}}{{#CONDITIONAL}}<div class="conditional" data-show-if="{{CONTROL}}" data-show-when="{{WHEN}}">{{/CONDITIONAL}}
{{#GROUP}}<fieldset class="field{{#INVALID}} field--invalid{{/INVALID}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
  <legend>{{LABEL}}</legend>{{/GROUP}}
{{#SINGLE}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
  <label for="{{ID}}">{{LABEL}}</label>{{/SINGLE}}
  {{#HINT}}<span class="hint" id="{{ID}}-hint">{{TEXT}}</span>{{/HINT}}
  {{#INVALID}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/INVALID}}
  {{#DATE}}<input class="input-date" id="{{ID}}" name="{{ID}}" type="date" value="{{VALUE}}" min="1950-01-01" max="2099-12-31" autocomplete="{{AUTOCOMPLETE}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{/DATE}}
  {{#MONEY}}<div class="input-unit"><input id="{{ID}}" name="{{ID}}" type="text" inputmode="decimal" value="{{VALUE}}" maxlength="20" autocomplete="off"{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{#HAS_UNIT}}<span class="unit" id="{{ID}}-unit">{{UNIT}}</span>{{/HAS_UNIT}}</div>{{/MONEY}}
  {{#COUNT}}<div class="input-unit"><input id="{{ID}}" name="{{ID}}" type="text" inputmode="numeric" value="{{VALUE}}" maxlength="9" autocomplete="off"{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{#HAS_UNIT}}<span class="unit" id="{{ID}}-unit">{{UNIT}}</span>{{/HAS_UNIT}}</div>{{/COUNT}}
  {{#SELECT}}<select id="{{ID}}" name="{{ID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
    {{#OPTION}}<option value="{{OPTION_VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_LABEL}}</option>{{/OPTION}}
  </select>{{/SELECT}}
{{#GROUP}}  <div class="choices">{{#CHOICE}}
    <div class="choice"><input id="{{INPUT_ID}}" name="{{INPUT_NAME}}" type="{{TYPE}}" value="{{CHOICE_VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{INPUT_ID}}">{{CHOICE_LABEL}}</label></div>{{/CHOICE}}
  </div>
</fieldset>{{/GROUP}}
{{#SINGLE}}</div>{{/SINGLE}}
{{#CONDITIONAL_END}}</div>{{/CONDITIONAL_END}}
