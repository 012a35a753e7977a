{{%AUTOESCAPE context="HTML"}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{{ID}}-caption">
<table class="table table--ranking" aria-describedby="{{ID}}-note">
  <caption id="{{ID}}-caption">{{CAPTION}}</caption>
  <thead><tr><th scope="col">Rang</th><th scope="col">Métier (famille BMO)</th><th scope="col" class="num">Score de tension</th><th scope="col" class="num">Projets de recrutement</th><th scope="col" class="num">Dont difficiles</th><th scope="col" class="num">Dont saisonniers</th><th scope="col" class="num">Évolution sur un an</th><th scope="col">Fiches métier</th></tr></thead>
  <tbody>{{#ROW}}<tr>
    <td class="num">{{RANK}}</td>
    <th scope="row">{{LABEL}}</th>
    <td class="num">{{SCORE}}</td>
    <td class="num">{{PROJECTS}}</td>
    <td class="num">{{DIFFICULT}}{{#DIFFICULT_SHARE}}<span class="cell-sub">{{SHARE}}</span>{{/DIFFICULT_SHARE}}</td>
    <td class="num">{{SEASONAL}}{{#SEASONAL_SHARE}}<span class="cell-sub">{{SHARE}}</span>{{/SEASONAL_SHARE}}</td>
    <td class="num">{{#CHANGE}}{{TEXT}}<span class="cell-sub">{{PREVIOUS}}</span>{{/CHANGE}}{{#NO_CHANGE}}<span aria-hidden="true">—</span><span class="visually-hidden">pas de comparaison possible</span>{{/NO_CHANGE}}</td>
    <td class="jobs-cell">{{#JOBS}}<ul class="plain-list">{{#JOB}}<li><a href="/metiers/{{CODE}}">{{LABEL}}</a></li>{{/JOB}}</ul>{{#MORE}}<span class="cell-sub">{{TEXT}}</span>{{/MORE}}{{/JOBS}}{{#NO_JOBS}}<span class="meta">aucune fiche reliée</span>{{/NO_JOBS}}</td>
  </tr>{{/ROW}}</tbody>
</table>
</div>
<p class="meta" id="{{ID}}-note">{{#TERRITORY}}« Au moins » : sur toute la Martinique, les chiffres sont la somme des bassins. Quand un bassin compte trop peu de réponses, son chiffre est couvert par le secret statistique et n'est pas publié : la somme ne compte alors que les chiffres publiés, c'est un minimum, et l'évolution sur un an reste indicative. {{/TERRITORY}}« Non publié » : chiffre couvert par le secret statistique, ce qui ne veut pas dire zéro. Les parts (entre parenthèses) sont calculées sur les bassins où les deux chiffres sont publiés.</p>
