{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{ORGANISATION_NAME}}</h1>
{{#ORG_DEMO}}<p><span class="badge badge--demo">Démo</span> Organisation fictive.</p>{{/ORG_DEMO}}
{{#HAS_BRANCH}}<p>Branche professionnelle : {{BRANCH}} ; votre OPCO : {{OPCO}}.</p>{{/HAS_BRANCH}}
<p><a href="/organisation/details">Informations de l'organisation et validation par la délégation</a></p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="membres">
<table class="table">
  <caption id="membres">Membres de l'organisation</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Adresse e-mail</th><th scope="col">Rôle</th></tr></thead>
  <tbody>{{#MEMBER}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td></tr>{{/MEMBER}}</tbody>
</table>
</div>
{{#CAN_INVITE}}<h2>Inviter un collègue</h2>
<p>Votre collègue recevra un lien, valable 7 jours, pour créer son compte et rejoindre l'organisation.</p>
<form class="form stack" method="post" action="/organisation/invitations" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{>EMAIL_FIELD}}
  <div class="field"><label for="role">Rôle</label>
    <select id="role" name="role"><option value="member">Membre</option><option value="admin">Administrateur (peut inviter)</option></select>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Envoyer l'invitation</button></div>
</form>{{/CAN_INVITE}}
