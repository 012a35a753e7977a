{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Conventions de partenariat</h1>
<p class="lead">Ce que la délégation a convenu avec ses partenaires : l'objet, les dates, le montant et son échéancier, les enveloppes d'aides financées et les engagements pris en contrepartie.</p>
{{#CAN_EDIT}}<p><a class="btn btn--primary" href="/conseil/conventions/nouvelle">Nouvelle convention</a></p>{{/CAN_EDIT}}
<form class="form filters" method="get" action="/conseil/conventions">
  <div class="filters-fields">
    <div class="field"><label for="f-q">Objet ou référence</label><input id="f-q" name="q" type="search" value="{{Q}}" maxlength="200"></div>
    <div class="field"><label for="f-partner">Partenaire</label><select id="f-partner" name="partner">{{#PARTNER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARTNER_OPTION}}</select></div>
    <div class="field"><label for="f-year">En vigueur en</label><select id="f-year" name="year">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTION}}</select></div>
    <div class="field"><label for="f-period">Période</label><select id="f-period" name="period">{{#PERIOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERIOD_OPTION}}</select></div>
    <div class="checkbox"><input type="checkbox" id="f-late" name="late" value="1"{{#LATE_CHECKED}} checked{{/LATE_CHECKED}}><label for="f-late">Avec un engagement en retard</label></div>
  </div>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Filtrer</button></div>
</form>
<p>{{COUNT}} convention(s). <a href="{{EXPORT}}">Télécharger la liste filtrée (XLSX)</a></p>
{{#EMPTY}}<p>Aucune convention ne correspond à ces filtres.</p>{{/EMPTY}}
{{#ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="legende-conventions">
<table class="table table--wide">
  <caption id="legende-conventions">Conventions</caption>
  <thead><tr><th scope="col">Objet</th><th scope="col">Partenaire</th><th scope="col">Référence</th><th scope="col">Période</th><th scope="col">Montant</th><th scope="col">Reçu</th><th scope="col">Engagements atteints</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="/conseil/conventions/{{ID}}">{{OBJECT}}</a></td><td>{{PARTNER}}</td><td>{{REFERENCE}}</td><td>{{DATES}}</td><td>{{AMOUNT}}</td><td>{{RECEIVED}}</td><td>{{COMMITMENTS}}</td></tr>{{/ROW}}</tbody>
</table>
</div>{{/ROWS}}
