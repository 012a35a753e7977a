{{%AUTOESCAPE context="HTML"}}<article aria-labelledby="formation-titre">
<h1 class="page-title" id="formation-titre">{{TITLE}}</h1>
<p class="lead"><a href="/cfas/{{CFA_ID}}">{{CFA}}</a> — {{COMMUNE}}</p>
{{>FAVOURITE}}
<dl class="dl-grid">
  <dt>Certification</dt><dd>{{CERTIFICATION}} ({{CODES}})</dd>
  <dt>Niveau</dt><dd>{{LEVEL}}</dd>
  <dt>Rythme</dt><dd>{{RHYTHM}}</dd>
  <dt>Rentrées</dt><dd>{{DATES}}</dd>
  <dt>Durée</dt><dd>{{DURATION}}</dd>
  <dt>Places</dt><dd>{{PLACES}}</dd>
  <dt>Lieu de formation</dt><dd>{{COMMUNE}}</dd>
  <dt>CFA</dt><dd><a href="/cfas/{{CFA_ID}}">{{CFA}}</a>{{#CFA_PLACE}}, {{CFA_COMMUNE}}{{/CFA_PLACE}}</dd>
  <dt>Taux d'insertion</dt><dd>{{INSERTION}}</dd>
</dl>
<h2>Les métiers auxquels elle prépare</h2>
<ul>{{#JOB}}<li><a href="/metiers/{{ROME}}">{{JOB_LABEL}}</a> ({{ROME}})</li>{{/JOB}}</ul>
<p><a class="btn" href="/cfas/{{CFA_ID}}/demande?formation={{ID}}">Demander des informations</a></p>
<h2>Contact</h2>
<ul>{{#NAME}}<li>{{CONTACT_NAME}}</li>{{/NAME}}{{#EMAIL}}<li><a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a></li>{{/EMAIL}}{{#PHONE}}<li>{{CONTACT_PHONE}}</li>{{/PHONE}}</ul>
<p class="meta">Pour entrer en formation, il faut aussi un employeur : <a href="/recherche?kind=offer">cherchez une offre d'alternance</a>.</p>
</article>
