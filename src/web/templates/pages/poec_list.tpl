{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Programmes POEC</h1>
<p class="lead">Préparations opérationnelles à l'emploi collectives : des demandeurs d'emploi formés (400 heures au plus) vers les métiers qui recrutent, avec des entreprises partenaires.</p>
<p><a class="btn btn--primary" href="/conseil/poec/nouveau">Nouveau programme</a> <a href="/conseil/poec/export">Télécharger la liste (XLSX)</a></p>
{{#NONE}}<p>Aucun programme pour l'instant.</p>{{/NONE}}
<ul class="plain-list stack">
{{#PROGRAMME}}<li class="card">
  <h2 class="card-title"><a href="/conseil/poec/{{ID}}">{{TITLE}}</a></h2>
  <p>{{JOB}} ({{ROME}}) — {{HOURS}} heures — {{COHORTS}} promotion(s), {{CANDIDATES}} candidat(s)</p>
  <p><strong>{{FIGURES}}</strong></p>
</li>{{/PROGRAMME}}
</ul>
