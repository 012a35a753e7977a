{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{TEXT}}</p>
{{#LINK}}<p><a class="btn btn--primary" href="{{HREF}}">{{LABEL}}</a></p>{{/LINK}}
{{#REQUEST_ID}}<p class="meta">Référence de l'erreur : {{ID}}</p>{{/REQUEST_ID}}
