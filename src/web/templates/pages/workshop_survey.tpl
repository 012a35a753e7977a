{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Votre avis sur l'atelier</h1>
<p class="lead">{{TITLE}} — {{SCHEDULE}}</p>
{{#DONE}}<p>Vous avez déjà donné votre avis ({{NOTE}} / 5) : merci !</p>{{/DONE}}
{{>FORM_ERRORS}}
{{#FORM}}<form class="form stack" method="post" action="/ateliers/avis/{{TOKEN}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack" id="rating"><legend>Êtes-vous satisfait(e) de cet atelier ?</legend>
    {{#RATING_ERR}}<span class="field-error">{{MESSAGE}}</span>{{/RATING_ERR}}
    {{#RATING}}<div class="choice"><input type="radio" id="rating-{{VALUE}}" name="rating" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="rating-{{VALUE}}">{{LABEL}}</label></div>{{/RATING}}
  </fieldset>
  <div class="field">
    <label for="comment">Un commentaire ? <span class="meta">(facultatif)</span></label>
    <textarea id="comment" name="comment" rows="4" maxlength="2000">{{COMMENT}}</textarea>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Envoyer mon avis</button></div>
</form>{{/FORM}}
