{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{WHAT}} {{YEAR}} : {{LINE}}</h1>
<p><a href="{{BACK_HREF}}">Retour au pilotage</a></p>
<p>{{COUNT}} dossier(s), les plus récents d'abord, sous les mêmes filtres que le chiffre.{{#LIMITED}} Seuls les {{LIMIT}} plus récents sont listés.{{/LIMITED}}</p>
{{#EMPTY}}<p>Aucun dossier derrière ce chiffre.</p>{{/EMPTY}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-dossiers">
<table class="table table--wide">
  <caption id="legende-dossiers">{{WHAT}} : {{LINE}} ({{YEAR}})</caption>
  <thead><tr><th scope="col">Dossier</th><th scope="col">Date</th><th scope="col">{{TITLE_COLUMN}}</th><th scope="col">{{WHO_COLUMN}}</th><th scope="col">État</th></tr></thead>
  <tbody>{{#RECORD}}<tr><td>{{#LINK}}<a href="{{HREF}}">{{REF}}</a>{{/LINK}}{{#NO_LINK}}{{REF}}{{/NO_LINK}}</td><td>{{DATE}}</td><td>{{TITLE}}</td><td>{{WHO}}</td><td>{{STATE}}</td></tr>{{/RECORD}}</tbody>
</table>
</div>
