{{%AUTOESCAPE context="HTML"}}<details class="card save-search">
  <summary>Enregistrer cette recherche</summary>
  <form class="form stack" method="post" action="/mes-recherches">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="query" value="{{QUERY}}">
    <div class="field">
      <label for="search-name">Nom de la recherche</label>
      <input id="search-name" name="name" type="text" value="{{NAME}}" maxlength="80" required>
    </div>
    <div class="checkbox">
      <input id="search-alerts" name="alerts" type="checkbox" value="1" checked>
      <label for="search-alerts">M'envoyer un e-mail par jour au plus quand de nouvelles offres correspondent</label>
    </div>
    <div class="form-actions"><button class="btn" type="submit">Enregistrer la recherche</button></div>
  </form>
</details>
