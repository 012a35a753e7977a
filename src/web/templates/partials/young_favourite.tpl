{{%AUTOESCAPE context="HTML"}}<form class="inline-form favourite-form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="kind" value="{{KIND}}">
  <input type="hidden" name="id" value="{{ID}}">
  <input type="hidden" name="retour" value="{{RETURN}}">
  {{#ADD}}<button class="btn btn--secondary" type="submit" aria-label="Ajouter aux favoris : {{TITLE}}"><span aria-hidden="true">☆</span> Ajouter aux favoris</button>{{/ADD}}
  {{#REMOVE}}<button class="btn btn--secondary" type="submit" aria-label="Retirer des favoris : {{TITLE}}"><span aria-hidden="true">★</span> Dans vos favoris — retirer</button>{{/REMOVE}}
</form>
