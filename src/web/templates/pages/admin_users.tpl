{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Utilisateurs</h1>
<p class="meta">{{COUNT}} comptes. Les comptes se créent aussi en ligne de commande : <code>maplace user add</code>.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="utilisateurs">
<table class="table">
  <caption id="utilisateurs">Comptes de la plateforme</caption>
  <thead><tr><th scope="col">Nom</th><th scope="col">Adresse e-mail</th><th scope="col">Profil</th><th scope="col">État</th><th scope="col">Action</th></tr></thead>
  <tbody>{{#USER}}<tr>
    <td>{{NAME}}{{#DEMO}} <span class="badge badge--demo">Démo</span>{{/DEMO}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{STATUS}}</td>
    <td>{{#CAN_DISABLE}}<form class="inline-form" method="post" action="/admin/utilisateurs/desactiver" data-confirm="Désactiver ce compte ?">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="email" value="{{EMAIL}}">
      <button class="btn btn--link" type="submit">Désactiver<span class="visually-hidden"> {{EMAIL}}</span></button></form>{{/CAN_DISABLE}}</td>
  </tr>{{/USER}}</tbody>
</table>
</div>
