{{%AUTOESCAPE context="HTML"}}<p><a href="/ateliers">← Tous les ateliers</a></p>
<h1 class="page-title">{{TITLE}}</h1>
{{>FORM_ERRORS}}
<dl class="facts">
  <dt>Thème</dt><dd>{{THEME}}</dd>
  <dt>Date</dt><dd>{{SCHEDULE}} (heure de la Martinique)</dd>
  <dt>Lieu</dt><dd>{{WHERE}}</dd>
  {{#HAS_SPEAKERS}}<dt>Intervenants</dt><dd>{{SPEAKERS}}</dd>{{/HAS_SPEAKERS}}
  <dt>Places</dt><dd>{{#FULL}}Complet : les nouvelles inscriptions vont en liste d'attente{{/FULL}}{{#NOT_FULL}}{{SEATS_LEFT}} libre(s) sur {{CAPACITY}}{{/NOT_FULL}}</dd>
</dl>
{{#DESCRIPTION_LINE}}<p>{{TEXT}}</p>{{/DESCRIPTION_LINE}}
{{#HAS_MINE}}<h2>Inscriptions de votre structure</h2>
<ul>{{#MINE}}<li>{{NAME}} : <strong class="status status--{{STATUS_CODE}}">{{STATUS}}</strong></li>{{/MINE}}</ul>
<p><a href="/ateliers/{{ID}}/calendrier.ics">Ajouter à mon agenda (fichier .ics)</a>{{#ONLINE}} · <a href="{{LINK}}">Lien de visioconférence</a>{{/ONLINE}}</p>
{{/HAS_MINE}}
{{#MATERIAL}}<p>Support : <a href="/ateliers/supports/{{MID}}">{{NAME}}</a></p>{{/MATERIAL}}
{{#CLOSED}}<p>Cette session a commencé : les inscriptions sont closes.</p>{{/CLOSED}}
{{#REGISTER}}<h2>Inscrire des personnes</h2>
{{#WAITING_NOTE}}<p>L'atelier est complet : les personnes inscrites maintenant vont en liste d'attente et prennent automatiquement une place qui se libère.</p>{{/WAITING_NOTE}}
{{#ALL_DONE}}<p>Toutes les personnes de votre structure sont déjà inscrites.</p>{{/ALL_DONE}}
{{#CAN_REGISTER}}<form class="form stack" method="post" action="/ateliers/{{ID}}/inscription">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="stack" id="people"><legend>Personnes de votre structure</legend>
  {{#MEMBER}}<div class="choice"><input type="checkbox" id="person-{{UID}}" name="person" value="{{UID}}"><label for="person-{{UID}}">{{NAME}} <span class="meta">{{EMAIL}}</span></label></div>
  {{/MEMBER}}</fieldset>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Inscrire</button></div>
</form>{{/CAN_REGISTER}}{{/REGISTER}}
{{#CANCEL}}<form class="inline-form" method="post" action="/ateliers/{{ID}}/annulation"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="registration" value="{{RID}}"><button class="btn btn--link" type="submit">Annuler l'inscription de {{NAME}}</button></form>
{{/CANCEL}}
