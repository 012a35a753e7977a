{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{NAME}}</h1>
<p class="lead">Entreprise{{#HAS_COMMUNE}} — {{COMMUNE}}{{/HAS_COMMUNE}}</p>
<h2>Ses offres d'alternance</h2>
{{#NO_OFFER}}<p>Cette entreprise n'a pas d'offre publiée en ce moment. Vous pouvez lui envoyer une candidature spontanée.</p>{{/NO_OFFER}}
<ul class="stack">{{#OFFER}}<li><a href="/offres/{{ID}}">{{TITLE}}</a></li>{{/OFFER}}</ul>
<section class="card stack" aria-labelledby="spontanee">
  <h2 id="spontanee">Candidature spontanée</h2>
  <p>Pas d'offre qui vous corresponde ? Présentez-vous à l'entreprise : elle reçoit votre message, vos disponibilités et votre CV, et vous répond dans « Mes messages ».</p>
  <p><a class="btn" href="/entreprises/{{ID}}/candidature">Candidature spontanée</a></p>
</section>
