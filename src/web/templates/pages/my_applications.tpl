{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes candidatures</h1>
<p class="lead">Chaque candidature, où elle en est et ce que le recruteur vous a répondu.</p>
<p><a href="/recherche">Chercher d'autres offres</a> · <a href="/mon-cv">Mon CV</a></p>
{{#NONE}}<p>Vous n'avez pas encore postulé. Trouvez une offre avec la <a href="/recherche">recherche</a>, puis cliquez sur « Postuler ».</p>{{/NONE}}
<ul class="plain-list stack">
{{#APPLICATION}}<li class="card stack" id="candidature-{{ID}}">
  <h2 class="card-title"><a href="/offres/{{OFFER_ID}}">{{OFFER_TITLE}}</a></h2>
  <p>{{ORGANISATION}} — envoyée le {{DATE}}</p>
  <p>État : <strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong></p>
  {{#REPLY}}<div class="reply">
    <h3>Réponse du recruteur, le {{DATE}}</h3>
    {{#LINE}}<p>{{TEXT}}</p>{{/LINE}}
  </div>{{/REPLY}}
  {{#WAITING}}<p class="meta">Pas encore de réponse. Le recruteur reçoit un rappel si votre candidature reste sans réponse une semaine.</p>{{/WAITING}}
</li>{{/APPLICATION}}
</ul>
