{{%AUTOESCAPE context="HTML"}}<form class="form crm-search" method="get" action="/conseil/recherche" role="search">
  <div class="field">
    <label for="crm-q">Rechercher une organisation ou un contact</label>
    <span class="hint" id="crm-q-hint">Nom, SIRET, UAI, nom ou e-mail d'un contact ; 2 caractères au moins.</span>
    <input id="crm-q" name="q" type="search" value="{{Q}}" autocomplete="off" maxlength="200" aria-describedby="crm-q-hint" data-crm-search="crm-suggestions">
  </div>
  <button class="btn btn--secondary" type="submit">Rechercher</button>
  <ul id="crm-suggestions" class="plain-list crm-suggestions" aria-live="polite" aria-label="Résultats pendant la saisie"></ul>
</form>
<script src="/static/js/crm.js" defer></script>
