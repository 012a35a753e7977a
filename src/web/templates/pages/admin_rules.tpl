{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Règles des aides</h1>
<p class="lead">Les montants et conditions des aides sont dans les fichiers <code>rules/*.toml</code> du projet, datés par leur date d'effet. Les valeurs ci-dessous sont celles que les sources laissent incertaines : chacune peut être changée ici, avec sa raison ; chaque changement est journalisé et s'applique aussitôt aux simulations.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="parametres">
<table class="table">
  <caption id="parametres">Paramètres incertains des règles</caption>
  <thead><tr><th scope="col">Paramètre</th><th scope="col">En vigueur</th><th scope="col">Valeur du fichier</th><th scope="col">Source</th><th scope="col">Action</th></tr></thead>
  <tbody>{{#PARAMETER}}<tr>
    <td>{{LABEL}}<br><code>{{NAME}}</code></td>
    <td>{{VALUE}}{{#CHANGED}}<br><span class="badge">Modifiée le {{WHEN}}</span>{{/CHANGED}}</td>
    <td>{{DEFAULT}}</td>
    <td>{{SOURCE}}</td>
    <td><a href="/admin/regles/{{NAME}}">Modifier<span class="visually-hidden"> {{LABEL}}</span></a></td>
  </tr>{{/PARAMETER}}</tbody>
</table>
</div>
