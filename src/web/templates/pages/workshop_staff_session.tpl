{{%AUTOESCAPE context="HTML"}}<p><a href="/conseil/ateliers">← Tous les ateliers</a></p>
<h1 class="page-title">{{TITLE}}</h1>
{{>FORM_ERRORS}}
<dl class="facts">
  <dt>Thème</dt><dd>{{THEME}}</dd>
  <dt>Date</dt><dd>{{SCHEDULE}} (heure de la Martinique)</dd>
  <dt>Lieu</dt><dd>{{WHERE}}{{#ONLINE}} — <a href="{{LINK}}">lien de visioconférence</a>{{/ONLINE}}</dd>
  {{#HAS_SPEAKERS}}<dt>Intervenants</dt><dd>{{SPEAKERS}}</dd>{{/HAS_SPEAKERS}}
  <dt>Places</dt><dd>{{REGISTERED}} inscrits sur {{CAPACITY}} ({{SEATS_LEFT}} libres), {{WAITING}} en liste d'attente</dd>
  <dt>Structures invitées</dt><dd>{{INVITED}}</dd>
  <dt>Présents</dt><dd>{{ATTENDED}}</dd>
  <dt>Satisfaction</dt><dd>{{SATISFACTION}}</dd>
</dl>
{{#DESCRIPTION_LINE}}<p>{{TEXT}}</p>{{/DESCRIPTION_LINE}}
<ul class="inline-list">
  <li><a class="btn btn--primary" href="/conseil/ateliers/{{ID}}/invitations">Inviter des structures</a></li>
  <li><a class="btn btn--secondary" href="/conseil/ateliers/{{ID}}/emargement">Feuille d'émargement</a></li>
  <li><a class="btn btn--secondary" href="/conseil/ateliers/{{ID}}/modifier">Modifier</a></li>
  <li><a href="/conseil/ateliers/{{ID}}/export">Inscriptions (XLSX)</a></li>
</ul>
<h2>Inscrits</h2>
{{#NO_REGISTRATION}}<p>Personne n'est encore inscrit.</p>{{/NO_REGISTRATION}}
<div class="table-scroll"><table>
<caption>Personnes inscrites</caption>
<thead><tr><th scope="col">Personne</th><th scope="col">Structure</th><th scope="col">Inscrit le</th><th scope="col">Présence</th><th scope="col">Action</th></tr></thead>
<tbody>
{{#REGISTRATION}}<tr><td>{{NAME}}<br><span class="meta">{{EMAIL}}</span></td><td>{{ORGANISATION}}</td><td>{{DATE}}</td><td>{{PRESENT}}</td>
<td><form class="inline-form" method="post" action="/conseil/ateliers/inscriptions/{{RID}}/annuler"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="session" value="{{ID}}"><button class="btn btn--link" type="submit">Annuler l'inscription de {{NAME}}</button></form></td></tr>{{/REGISTRATION}}
</tbody></table></div>
<h2>Liste d'attente</h2>
{{#HAS_WAITING}}<ol>{{#WAITER}}<li>{{NAME}} ({{ORGANISATION}}), inscrit le {{DATE}}</li>{{/WAITER}}</ol>{{/HAS_WAITING}}
{{#NO_WAITING}}<p>Personne en liste d'attente.</p>{{/NO_WAITING}}
<h2>Satisfaction</h2>
{{#SURVEY_SENT}}<p>Enquête envoyée le {{SURVEY_DATE}}.</p>{{/SURVEY_SENT}}
{{#CAN_SURVEY}}<form class="inline-form" method="post" action="/conseil/ateliers/{{ID}}/enquete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Envoyer l'enquête de satisfaction aux présents</button></form>{{/CAN_SURVEY}}
{{#OTHER_ERR}}<p class="field-error">{{TEXT}}</p>{{/OTHER_ERR}}
{{#HAS_RATINGS}}<div class="table-scroll"><table><caption>Avis des participants ({{SATISFACTION}})</caption>
<thead><tr><th scope="col">Note</th><th scope="col">Commentaire</th></tr></thead>
<tbody>{{#RATING}}<tr><td>{{NOTE}} / 5</td><td>{{COMMENT}}</td></tr>{{/RATING}}</tbody></table></div>{{/HAS_RATINGS}}
<h2>Supports à télécharger</h2>
<ul>{{#MATERIAL}}<li><a href="/ateliers/supports/{{MID}}">{{NAME}}</a></li>{{/MATERIAL}}</ul>
<form class="form stack" method="post" action="/conseil/ateliers/{{ID}}/supports" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#MATERIAL_ERR}} field--invalid{{/MATERIAL_ERR}}">
    <label for="material">Déposer un support (PDF, DOCX, PPTX, XLSX, ODT, ODP ; 10 Mo au plus)</label>
    {{#MATERIAL_ERR}}<span class="field-error" id="material-err">{{TEXT}}</span>{{/MATERIAL_ERR}}
    <input id="material" name="material" type="file">
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Déposer</button></div>
</form>
<h2>Actions de suivi</h2>
{{#NO_ACTION}}<p>Aucune action de suivi pour l'instant.</p>{{/NO_ACTION}}
<ul>{{#ACTION}}<li>{{BODY}} <span class="meta">({{DATE}})</span></li>{{/ACTION}}</ul>
<form class="form stack" method="post" action="/conseil/ateliers/{{ID}}/actions" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#ACTION_ERR}} field--invalid{{/ACTION_ERR}}">
    <label for="action">Nouvelle action de suivi</label>
    {{#ACTION_ERR}}<span class="field-error" id="action-err">{{TEXT}}</span>{{/ACTION_ERR}}
    <textarea id="action" name="action" rows="3" maxlength="1000">{{ACTION_TEXT}}</textarea>
  </div>
  <div class="form-actions"><button class="btn btn--secondary" type="submit">Ajouter l'action</button></div>
</form>
