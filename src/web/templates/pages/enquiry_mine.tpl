{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes messages</h1>
<p class="lead">Vos candidatures spontanées aux entreprises et vos questions aux CFA, où elles en sont et leurs réponses.</p>
<p><a href="/mes-candidatures">Mes candidatures aux offres</a> · <a href="/mon-cv">Mon CV</a></p>
{{#NONE}}<p>Vous n'avez encore écrit à aucune entreprise ni aucun CFA. Sur la page d'une formation ou d'un CFA, cliquez sur « Demander des informations » ; sur la page d'une entreprise, sur « Candidature spontanée ».</p>{{/NONE}}
<ul class="plain-list stack">
{{#ENQUIRY}}<li class="card stack" id="message-{{ID}}">
  <h2 class="card-title">{{KIND}} — {{ORGANISATION}}</h2>
  <p>{{#TRAINING}}Formation : {{TRAINING_TITLE}} — {{/TRAINING}}{{#SUBJECT}}{{SUBJECT_LABEL}} — {{/SUBJECT}}envoyé le {{DATE}}</p>
  <p>État : <strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong></p>
  <details><summary>Votre message</summary>{{#MESSAGE_LINE}}<p>{{TEXT}}</p>{{/MESSAGE_LINE}}</details>
  {{#REPLY}}<div class="reply">
    <h3>Réponse, le {{DATE}}</h3>
    {{#LINE}}<p>{{TEXT}}</p>{{/LINE}}
  </div>{{/REPLY}}
  {{#WAITING}}<p class="meta">Pas encore de réponse. L'organisation reçoit un rappel si votre message reste sans réponse une semaine.</p>{{/WAITING}}
  {{#OPEN}}<form method="post" action="/mes-messages/{{ID}}/clore"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Clore cet échange</button></form>{{/OPEN}}
</li>{{/ENQUIRY}}
</ul>
