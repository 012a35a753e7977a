{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mon profil</h1>
<p class="lead">Ce que vous cherchez, pour trouver plus vite les offres et les formations qui vous conviennent.</p>
<p><a href="/mes-favoris">Mes favoris</a> · <a href="/mes-recherches">Mes recherches</a> · <a href="/mes-candidatures">Mes candidatures</a> · <a href="/mon-cv">Mon CV</a></p>
<form class="form stack" method="post" action="/mon-profil" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#WISHES_ERR}} field--invalid{{/WISHES_ERR}}">
    <label for="wishes">Ce que je cherche</label>
    <span class="hint" id="wishes-hint">Un métier, un domaine, en quelques mots : « cuisine », « soudure », « vente en magasin ».</span>
    {{#WISHES_ERR}}<span class="field-error" id="wishes-err">{{TEXT}}</span>{{/WISHES_ERR}}
    <input id="wishes" name="wishes" type="text" value="{{WISHES}}" maxlength="200" required aria-describedby="wishes-hint{{#WISHES_ERR}} wishes-err{{/WISHES_ERR}}"{{#WISHES_ERR}} aria-invalid="true"{{/WISHES_ERR}}>
  </div>
  <div class="field{{#ROME_ERR}} field--invalid{{/ROME_ERR}}">
    <label for="rome_code">Métier précis <span class="meta">(facultatif)</span></label>
    <span class="hint" id="rome_code-hint">Choisissez dans la liste, ou tapez un code ROME comme G1602.</span>
    {{#ROME_ERR}}<span class="field-error" id="rome_code-err">{{TEXT}}</span>{{/ROME_ERR}}
    <input id="rome_code" name="rome_code" type="text" value="{{ROME}}" list="metiers-rome" autocomplete="off" maxlength="160" aria-describedby="rome_code-hint{{#ROME_ERR}} rome_code-err{{/ROME_ERR}}"{{#ROME_ERR}} aria-invalid="true"{{/ROME_ERR}}>
    <datalist id="metiers-rome">{{#JOB}}<option value="{{VALUE}}">{{/JOB}}</datalist>
  </div>
  <div class="field{{#LEVEL_ERR}} field--invalid{{/LEVEL_ERR}}">
    <label for="level">Diplôme visé</label>
    {{#LEVEL_ERR}}<span class="field-error" id="level-err">{{TEXT}}</span>{{/LEVEL_ERR}}
    <select id="level" name="level"{{#LEVEL_ERR}} aria-invalid="true" aria-describedby="level-err"{{/LEVEL_ERR}}>{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTION}}</select>
  </div>
  <div class="field{{#COMMUNE_ERR}} field--invalid{{/COMMUNE_ERR}}">
    <label for="commune">Ma commune</label>
    <span class="hint" id="commune-hint">Par exemple Le Lamentin.</span>
    {{#COMMUNE_ERR}}<span class="field-error" id="commune-err">{{TEXT}}</span>{{/COMMUNE_ERR}}
    <input id="commune" name="commune" type="text" value="{{COMMUNE}}" list="communes" autocomplete="off" maxlength="100" required aria-describedby="commune-hint{{#COMMUNE_ERR}} commune-err{{/COMMUNE_ERR}}"{{#COMMUNE_ERR}} aria-invalid="true"{{/COMMUNE_ERR}}>
    <datalist id="communes">{{#COMMUNE_OPTION}}<option value="{{NAME}}">{{/COMMUNE_OPTION}}</datalist>
  </div>
  <div class="field{{#MOBILITY_ERR}} field--invalid{{/MOBILITY_ERR}}">
    <label for="mobility_km">Je peux me déplacer jusqu'à (km)</label>
    <span class="hint" id="mobility_km-hint">La distance entre chez vous et l'entreprise ou le CFA, de 1 à 200 km.</span>
    {{#MOBILITY_ERR}}<span class="field-error" id="mobility_km-err">{{TEXT}}</span>{{/MOBILITY_ERR}}
    <input id="mobility_km" name="mobility_km" type="text" inputmode="numeric" value="{{MOBILITY}}" maxlength="3" required aria-describedby="mobility_km-hint{{#MOBILITY_ERR}} mobility_km-err{{/MOBILITY_ERR}}"{{#MOBILITY_ERR}} aria-invalid="true"{{/MOBILITY_ERR}}>
  </div>
  <div class="field{{#BIRTH_ERR}} field--invalid{{/BIRTH_ERR}}">
    <label for="birth_date">Date de naissance</label>
    <span class="hint" id="birth_date-hint">Jamais montrée aux employeurs. Elle sert à protéger les comptes des mineurs.</span>
    {{#BIRTH_ERR}}<span class="field-error" id="birth_date-err">{{TEXT}}</span>{{/BIRTH_ERR}}
    <input id="birth_date" name="birth_date" type="date" value="{{BIRTH}}" required autocomplete="bday" aria-describedby="birth_date-hint{{#BIRTH_ERR}} birth_date-err{{/BIRTH_ERR}}"{{#BIRTH_ERR}} aria-invalid="true"{{/BIRTH_ERR}}>
  </div>
  <div class="field{{#PHONE_ERR}} field--invalid{{/PHONE_ERR}}">
    <label for="phone">Téléphone <span class="meta">(facultatif)</span></label>
    {{#PHONE_ERR}}<span class="field-error" id="phone-err">{{TEXT}}</span>{{/PHONE_ERR}}
    <input id="phone" name="phone" type="tel" value="{{PHONE}}" autocomplete="tel" maxlength="20"{{#PHONE_ERR}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_ERR}}>
  </div>
  <div class="checkbox">
    <input id="visible" name="visible" type="checkbox" value="1"{{#VISIBLE}} checked{{/VISIBLE}} aria-describedby="visible-hint">
    <label for="visible">Rendre mon profil visible des employeurs</label>
  </div>
  <p class="hint" id="visible-hint">Seuls les employeurs à qui vous avez envoyé une candidature peuvent voir votre profil, et seulement si cette case est cochée ; jamais votre date de naissance. {{#MINOR}}Vous avez moins de 18 ans : votre profil reste caché de tous les employeurs tant que vous ne cochez pas cette case, et votre téléphone ne leur est jamais montré. Une candidature que vous envoyez est lue par le recruteur à qui vous l'envoyez : c'est votre choix.{{/MINOR}}{{#NOT_MINOR}}Moins de 18 ans ? Votre profil reste caché tant que vous ne cochez pas cette case, et votre téléphone n'est jamais montré.{{/NOT_MINOR}}</p>
  <div class="form-actions"><button class="btn btn--primary" type="submit">Enregistrer mon profil</button></div>
</form>
{{#SAVED}}<p><a href="{{SEARCH_HREF}}">Voir les offres qui correspondent à mon profil</a></p>{{/SAVED}}
