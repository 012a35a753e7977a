{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Importer des contrats</h1>
<p class="meta"><a href="/conseil/contrats">Tous les contrats</a></p>
{{#IMPORT_ERRORS}}<div class="notice notice--error" role="alert" id="erreurs-import" tabindex="-1">
  <p><strong>Le fichier n'a pas été importé : rien n'a été enregistré.</strong> Corrigez {{N}} problème(s), puis envoyez-le de nouveau.</p>
  <ul>{{#ROW_ERROR}}<li>{{TEXT}}</li>{{/ROW_ERROR}}</ul>
</div>{{/IMPORT_ERRORS}}
{{#PREVIEW}}<div class="notice notice--success" role="status" id="apercu-import">
  <p><strong>Le fichier est correct : {{LINES}} contrat(s) prêt(s) à importer</strong>, dont {{FAILING}} avec un contrôle en échec (ils seront enregistrés tels quels et signalés dans la liste). Rien n'est encore enregistré : envoyez-le de nouveau avec « Importer ».</p>
</div>{{/PREVIEW}}
<section aria-labelledby="format" class="card stack">
  <h2 id="format">Le fichier</h2>
  <p>Un fichier CSV, une ligne par contrat, séparateur « ; » ou « , », encodé en UTF-8 ou en Windows-1252 (l'export d'Excel), avec la ligne d'en-tête du modèle. Chaque ligne est vérifiée avant tout enregistrement : une seule erreur et rien n'est importé. L'employeur (par son SIRET) et le CFA (par son UAI ou son SIRET) doivent être dans le répertoire.</p>
  <p><a href="/conseil/contrats/modele.csv" download>Télécharger le modèle (CSV)</a></p>
  <details>
    <summary>Les colonnes du fichier</summary>
    <dl class="dl-grid">
      <dt>kind</dt><dd>apprentissage (par défaut) ou professionnalisation.</dd>
      <dt>last_name, first_name, birth_date, email</dt><dd>L'apprenti ; l'e-mail (facultatif) relie le contrat à son compte.</dd>
      <dt>employer_siret, cfa</dt><dd>Le SIRET de l'employeur ; l'UAI ou le SIRET du CFA (facultatif en professionnalisation).</dd>
      <dt>rncp_code, certification_title, level</dt><dd>La certification : RNCP35632, son intitulé, son niveau de 3 à 8.</dd>
      <dt>concluded_on, starts_on, ends_on, training_starts_on</dt><dd>Dates en 2025-09-01 ou 01/09/2025 ; la dernière est facultative.</dd>
      <dt>tutor_name, tutor_experience_years, tutor_other_apprentices</dt><dd>Le maître d'apprentissage ou tuteur.</dd>
      <dt>pay_year1 … pay_year4</dt><dd>Le salaire brut mensuel de chaque année du contrat, en euros (1 234,56) ; la 1re est obligatoire.</dd>
      <dt>opco</dt><dd>akto, opco2i, constructys, ocapiat ou atlas.</dd>
      <dt>state, broken_on, break_initiative, break_reason, after_break, after_break_note</dt><dd>running (par défaut), broken ou completed ; pour une rupture, sa date, l'initiative (employer, apprentice, mutual, cfa, other), le motif et la suite (new_contract, cfa_without_contract, employment, other_training, nothing, unknown).</dd>
    </dl>
    <p>Ordre des colonnes du modèle : {{#COLUMN}}<code>{{NAME}}</code> {{/COLUMN}}</p>
  </details>
  <form class="form stack" method="post" action="/conseil/contrats/import" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="contrats">Fichier CSV des contrats</label>
      <input id="contrats" name="contrats" type="file" accept=".csv,text/csv">
    </div>
    <div class="form-actions"><button class="btn" type="submit" name="mode" value="preview">Vérifier le fichier</button> <button class="btn btn--primary" type="submit" name="mode" value="import">Importer</button></div>
  </form>
</section>
