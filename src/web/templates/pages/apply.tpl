{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Postuler : {{OFFER_TITLE}}</h1>
<p class="lead">{{ORGANISATION}} — <a href="/offres/{{OFFER_ID}}">voir l'offre</a></p>
{{>APPLY}}
