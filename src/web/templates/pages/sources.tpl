{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Sources des données</h1>
<p class="lead">Les métiers qui recrutent, les fiches métier et les bassins d'emploi reposent sur des données publiques, reprises telles qu'elles sont publiées. Voici la dernière version importée de chacune.</p>
{{#NONE}}<p>Aucune donnée de référence n'a encore été importée.</p>{{/NONE}}
{{#SOURCES}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-caption">
  <table class="table table--wide">
    <caption id="sources-caption">Jeux de données importés</caption>
    <thead><tr><th scope="col">Données</th><th scope="col">Producteur</th><th scope="col">Licence</th><th scope="col">Fichier</th><th scope="col">Importé le</th></tr></thead>
    <tbody>{{#SOURCE}}<tr><th scope="row">{{TITLE}}</th><td>{{PUBLISHER}}</td><td>{{LICENCE}}</td><td class="file-name">{{FILE}}</td><td>{{DATE}}</td></tr>{{/SOURCE}}</tbody>
  </table>
</div>{{/SOURCES}}
<section aria-labelledby="licence">
  <h2 id="licence">La Licence Ouverte</h2>
  <p>Ces données sont publiées sous la Licence Ouverte / Open Licence d'Etalab, la licence des données publiques de l'État. Elle permet à chacun de les copier, de les diffuser, de les adapter et de les réutiliser, y compris à des fins commerciales, à condition de mentionner leur source (le producteur) et la date de leur dernière mise à jour. C'est ce que fait cette page.</p>
  <p>Les chiffres de l'enquête Besoins en main-d'œuvre sont repris sans modification : un chiffre couvert par le secret statistique y reste « non publié ». Les totaux sur toute la Martinique et le score de tension sont calculés par la plateforme à partir des chiffres publiés.</p>
</section>
