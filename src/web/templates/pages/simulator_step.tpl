{{%AUTOESCAPE context="HTML"}}<p class="step-count">{{SIMULATOR}} <span class="step-count-n">Étape {{NUMBER}} sur {{TOTAL}}</span></p>
<h1 class="page-title">{{HEADING}}</h1>
<p class="lead">{{INTRO}}</p>
{{#RESUME_NOTE}}<p>Vos réponses restent dans l'adresse de la page : vous pouvez revenir en arrière, ou garder le lien et reprendre plus tard.</p>{{/RESUME_NOTE}}
<form class="form sim-form" method="get" action="{{ACTION}}" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="etape" value="{{STEP}}">
  {{#KEEP}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
  {{/KEEP}}
  {{#QUESTION}}{{>FIELD}}{{/QUESTION}}
  <div class="form-actions">
    <button class="btn btn--primary" type="submit" name="aller" value="suivant">{{NEXT_LABEL}}</button>
    {{#PREVIOUS}}<button class="btn btn--secondary" type="submit" name="aller" value="precedent">Précédent</button>{{/PREVIOUS}}
  </div>
</form>
<p class="meta">Une simulation, pas une décision : les organismes qui versent les aides vérifient chaque demande. <a href="/simulateurs">Les simulateurs</a></p>
