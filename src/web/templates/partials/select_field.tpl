{{%AUTOESCAPE context="HTML"}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}">
  <label for="{{ID}}">{{LABEL}}</label>
  {{#INVALID}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/INVALID}}
  <select id="{{ID}}" name="{{ID}}"{{#INVALID}} aria-invalid="true" aria-describedby="{{ID}}-err"{{/INVALID}}>
    {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
  </select>
</div>
