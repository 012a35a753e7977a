{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="meta"><a href="/conseil/contrats">Tous les contrats</a>{{#HAS_APPRENTICE}} · <a href="/conseil/apprentis/{{APPRENTICE_ID}}">Suivi de l'apprenti</a>{{/HAS_APPRENTICE}}</p>
{{#CHECKS}}<section aria-labelledby="controles" class="card stack" id="controles-section">
  <h2 id="controles">Contrôles du contrat</h2>
  {{#HAS_FAILED}}<div class="notice notice--warning" role="status"><p><strong>{{FAILED_COUNT}} contrôle(s) en échec.</strong> Le contrat est enregistré tel qu'il a été signé ; vérifiez-le avec l'employeur et le CFA.</p></div>{{/HAS_FAILED}}
  {{#ALL_OK}}<p>Tous les contrôles sont satisfaits.</p>{{/ALL_OK}}
  <ul class="plain-list stack">{{#CHECK}}<li data-check="{{#OK}}ok{{/OK}}{{#FAILED}}failed{{/FAILED}}">{{#OK}}<span class="badge">Conforme</span>{{/OK}}{{#FAILED}}<span class="badge badge--danger">En échec</span>{{/FAILED}} {{SENTENCE}}</li>{{/CHECK}}</ul>
</section>{{/CHECKS}}
<form class="form stack" method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>FORM_ERRORS}}
  {{#GROUP}}<fieldset class="stack"><legend>{{LEGEND}}</legend>
  {{#FIELD}}<div class="field{{#INVALID}} field--invalid{{/INVALID}}"><label for="{{ID}}">{{LABEL}}</label>{{#HINT}}<span class="hint" id="{{ID}}-hint">{{TEXT}}</span>{{/HINT}}{{#ERR}}<span class="field-error" id="{{ID}}-err">{{MESSAGE}}</span>{{/ERR}}
    {{#INPUT}}<input id="{{ID}}" name="{{ID}}" type="{{TYPE}}" value="{{VALUE}}" maxlength="{{MAX}}"{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/INPUT}}{{#SELECT}}<select id="{{ID}}" name="{{ID}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>{{/SELECT}}{{#AREA}}<textarea id="{{ID}}" name="{{ID}}" rows="3" maxlength="{{MAX}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>{{/AREA}}</div>
  {{/FIELD}}</fieldset>{{/GROUP}}
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer le contrat</button></div>
</form>
