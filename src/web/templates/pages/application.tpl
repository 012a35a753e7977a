{{%AUTOESCAPE context="HTML"}}<p><a href="/employeur/candidatures">← Toutes les candidatures</a></p>
<h1 class="page-title">Candidature de {{NAME}}</h1>
<p class="lead">Pour l'offre <a href="/employeur/offres/{{OFFER_ID}}">{{OFFER_TITLE}}</a></p>
{{>FORM_ERRORS}}
<dl class="dl-grid">
  <dt>État</dt><dd><strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong></dd>
  <dt>Reçue le</dt><dd>{{DATE}}</dd>
  <dt>Début souhaité</dt><dd>{{START}}</dd>
  <dt>Rythme souhaité</dt><dd>{{RHYTHM}}</dd>
  <dt>Place en CFA</dt><dd>{{CFA}}</dd>
  <dt>E-mail</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>
  {{#PROFILE}}<dt>Profil</dt><dd><a href="/employeur/jeunes/{{APPLICANT_ID}}">Voir le profil de {{NAME}}</a></dd>{{/PROFILE}}
  <dt>CV</dt><dd>{{#CV}}<a href="/cv/{{CV_ID}}">Télécharger le CV ({{CV_NAME}})</a>{{/CV}}{{#NO_CV}}Pas de CV joint{{/NO_CV}}</dd>
</dl>
<h2>Son message</h2>
{{#MESSAGE_LINE}}<p>{{TEXT}}</p>{{/MESSAGE_LINE}}
{{#HAS_REPLIES}}<h2>Vos réponses</h2>{{/HAS_REPLIES}}
{{#REPLY}}<div class="card"><h3>Le {{DATE}}</h3>{{#LINE}}<p>{{TEXT}}</p>{{/LINE}}</div>{{/REPLY}}
{{#ANSWER}}<h2>Répondre</h2>
<section class="card stack" aria-labelledby="entretien">
  <h3 id="entretien">Proposer un entretien</h3>
  <form class="form stack" method="post" action="/employeur/candidatures/{{ID}}/entretien" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="slots">Créneaux proposés</label>
      <span class="hint" id="slots-hint">Jours, heures et lieu ; le jeune vous répond par e-mail.</span>
      <textarea id="slots" name="slots" rows="4" maxlength="2000" required aria-describedby="slots-hint">{{SLOTS}}</textarea>
    </div>
    <div class="form-actions"><button class="btn" type="submit">Proposer l'entretien</button></div>
  </form>
</section>
<section class="card stack" aria-labelledby="refus">
  <h3 id="refus">Ne pas retenir la candidature</h3>
  <form class="form stack" method="post" action="/employeur/candidatures/{{ID}}/refus" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="reason">Raison</label>
      <select id="reason" name="reason" required>{{#REASON}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON}}</select>
    </div>
    <div class="field">
      <label for="details">Précisions <span class="meta">(obligatoire pour « Autre raison »)</span></label>
      <textarea id="details" name="details" rows="3" maxlength="1000">{{DETAILS}}</textarea>
    </div>
    <div class="form-actions"><button class="btn btn--secondary" type="submit">Envoyer la réponse</button></div>
  </form>
</section>
<section class="card stack" aria-labelledby="embauche">
  <h3 id="embauche">Retenir la candidature</h3>
  <form class="form" method="post" action="/employeur/candidatures/{{ID}}/embauche">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="form-actions"><button class="btn" type="submit">Retenir {{NAME}}</button></div>
  </form>
</section>{{/ANSWER}}
