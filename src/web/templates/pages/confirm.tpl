{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{TEXT}}</p>
<form class="form stack" method="post" action="{{ACTION}}">
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="jeton" value="{{TOKEN}}">
  <div class="form-actions"><button class="btn btn--primary" type="submit">{{BUTTON}}</button></div>
</form>
