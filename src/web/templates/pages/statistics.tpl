{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">La plateforme en chiffres, {{YEAR}}</h1>
<p>Les chiffres de « Ici c'est ma place » pour l'année {{YEAR}} (heure de la Martinique) : offres, candidatures, embauches, demandes d'aide. Comme l'enquête BMO, un chiffre inférieur à {{SMALL}} n'est pas publié, pour que personne ne puisse être reconnu.</p>
<form class="form filters" method="get" action="/statistiques">
  <div class="field"><label for="year">Année</label><select id="year" name="annee">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTION}}</select></div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Afficher</button></div>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="chiffres">
<table class="table">
  <caption id="chiffres">Chiffres de l'année {{YEAR}}</caption>
  <thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th></tr></thead>
  <tbody>{{#FIGURE}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{VALUE}}</td></tr>{{/FIGURE}}</tbody>
</table>
</div>
<p><a href="{{CSV_HREF}}">Télécharger ces chiffres (CSV, données ouvertes, licence Ouverte)</a></p>
