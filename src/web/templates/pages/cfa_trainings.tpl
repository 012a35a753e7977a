{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mes formations</h1>
<p class="lead">Le catalogue de {{ORGANISATION}}. <a href="/cfas/{{CFA_ID}}">Voir la page publique du CFA</a></p>
{{#NOT_VALIDATED}}<div class="notice notice--warning" role="status">
  <p><strong>Votre CFA n'est pas encore validé ({{STATUS}}).</strong> Vous pouvez préparer votre catalogue ; vos formations seront publiables dès qu'un conseiller de la délégation l'aura validé.</p>
</div>{{/NOT_VALIDATED}}
<p><a class="btn btn--primary" href="/cfa/formations/nouvelle">Nouvelle formation</a></p>
{{#NO_TRAINING}}<p>Votre catalogue est vide : ajoutez une formation ou importez votre catalogue.</p>{{/NO_TRAINING}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="formations-caption">
<table class="table">
  <caption id="formations-caption">Vos formations</caption>
  <thead><tr><th scope="col">Formation</th><th scope="col">Certification</th><th scope="col">Lieu</th><th scope="col">État</th></tr></thead>
  <tbody>{{#TRAINING}}<tr data-training="{{ID}}"><th scope="row"><a href="/cfa/formations/{{ID}}">{{TITLE}}</a></th><td>{{CODES}}</td><td>{{COMMUNE}}</td><td data-state="{{STATE_CODE}}">{{STATE}}</td></tr>{{/TRAINING}}</tbody>
</table>
</div>

<section aria-labelledby="import" class="card stack">
  <h2 id="import">Importer tout le catalogue</h2>
  {{#IMPORT_ERRORS}}<div class="notice notice--error" role="alert" id="erreurs-import" tabindex="-1">
    <p><strong>Le fichier n'a pas été importé : rien n'a été enregistré.</strong> Corrigez {{N}} problème(s), puis importez-le de nouveau.</p>
    <ul>{{#ROW_ERROR}}<li>{{TEXT}}</li>{{/ROW_ERROR}}</ul>
  </div>{{/IMPORT_ERRORS}}
  <p>Un fichier CSV, une ligne par formation, séparateur « ; » ou « , », encodé en UTF-8 ou en Windows-1252 (l'export d'Excel). Chaque ligne est vérifiée avant tout enregistrement : une seule erreur et rien n'est importé. Une formation déjà présente (même certification, même lieu) est mise à jour ; importer deux fois le même fichier ne change rien. Les formations absentes du fichier restent dans votre catalogue.</p>
  <p><a href="/cfa/formations/modele.csv" download>Télécharger le modèle (CSV)</a></p>
  <details>
    <summary>Les colonnes du fichier</summary>
    <dl class="dl-grid">
      <dt>rncp, cfd</dt><dd>Le code RNCP (RNCP37859) et/ou le code CFD (8 caractères) de la certification : l'un des deux au moins.</dd>
      <dt>niveau</dt><dd>De 3 (CAP) à 8 (doctorat) ; facultatif quand la certification figure au référentiel.</dd>
      <dt>intitule</dt><dd>L'intitulé que verront les jeunes.</dd>
      <dt>rythme</dt><dd>Facultatif, par exemple « 2 semaines / 2 semaines ».</dd>
      <dt>dates_debut</dt><dd>Une ou plusieurs dates de rentrée séparées par des espaces : 2027-09-01 ou 01/09/2027.</dd>
      <dt>duree_mois, places</dt><dd>Durée de 6 à 48 mois ; places de 1 à 500.</dd>
      <dt>commune_insee</dt><dd>Le code INSEE de la commune du lieu de formation (97213 pour Le Lamentin).</dd>
      <dt>codes_rome</dt><dd>Les métiers visés, séparés par des espaces (G1602) ; ceux de la certification s'appliquent quand le référentiel les connaît.</dd>
      <dt>contact_nom, contact_email, contact_telephone</dt><dd>Un e-mail ou un téléphone au moins.</dd>
      <dt>publiee</dt><dd>« oui » (par défaut) ou « non ».</dd>
    </dl>
    <p>Ordre des colonnes du modèle : {{#COLUMN}}<code>{{NAME}}</code> {{/COLUMN}}</p>
  </details>
  <form class="form stack" method="post" action="/cfa/formations/import" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="catalogue">Fichier CSV du catalogue</label>
      <input id="catalogue" name="catalogue" type="file" accept=".csv,text/csv">
    </div>
    <div class="form-actions"><button class="btn btn--primary" type="submit">Importer le catalogue</button></div>
  </form>
</section>
