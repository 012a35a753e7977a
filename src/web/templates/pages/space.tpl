{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Bonjour {{USER_NAME}}</h1>
<p class="lead">Vous êtes connecté en tant que <strong>{{USER_ROLE}}</strong>{{#ORGANISATION}} pour <strong>{{NAME}}</strong>{{/ORGANISATION}}.</p>
{{#DEMO}}<div class="notice notice--warning">Ce compte est un compte de démonstration : ses données sont fictives.</div>{{/DEMO}}
<h2>Ce que vous pouvez faire ici</h2>
<ul class="card-grid">
  {{#CARD}}<li class="card"><h3 class="card-title"><a class="card-link" href="{{HREF}}">{{TITLE}}</a></h3><p>{{TEXT}}</p></li>{{/CARD}}
</ul>
{{#COMING}}<h2>Bientôt dans votre espace</h2>
<ul>{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>{{/COMING}}
