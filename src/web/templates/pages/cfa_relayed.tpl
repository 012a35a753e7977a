{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Offres relayées par les employeurs</h1>
<p>Les employeurs vous envoient leurs offres d'alternance pour les métiers auxquels vous formez. Affichez-les ou transmettez-les à vos apprentis.</p>
{{#NONE}}<p>Aucune offre ne vous a encore été relayée.</p>{{/NONE}}
<ul class="plain-list stack">{{#OFFER}}<li class="card">
  <h2 class="card-title"><a href="/offres/{{ID}}">{{TITLE}}</a></h2>
  <p>{{EMPLOYER}} <span class="meta">— relayée le {{WHEN}}</span></p>
  <p><a href="/offres/{{ID}}/affiche">Imprimer l'affiche<span class="visually-hidden"> de l'offre {{TITLE}}</span></a></p>
</li>{{/OFFER}}</ul>
