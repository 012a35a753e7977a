{{%AUTOESCAPE context="HTML"}}{{#FORM_ERRORS}}<div class="form-errors" tabindex="-1" role="alert">
  <h2>{{COUNT_TEXT}}</h2>
  <ul>{{#ERROR}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
</div>{{/FORM_ERRORS}}
