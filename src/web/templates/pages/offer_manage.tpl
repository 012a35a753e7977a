{{%AUTOESCAPE context="HTML"}}<p><a href="/employeur/offres">← Mes offres</a></p>
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead">État : <strong data-state>{{STATE}}</strong>{{#ONLINE}} — en ligne jusqu'au {{UNTIL}}{{/ONLINE}}</p>
{{#HIDDEN}}<p class="notice notice--error">Cette offre est masquée par la délégation : « {{HIDDEN_REASON}} ».</p>{{/HIDDEN}}
{{#PUBLIC_LINK}}<p><a href="/offres/{{ID}}">Voir l'offre comme les candidats</a></p>
<p><a href="/employeur/offres/{{ID}}/relayer">Relayer l'offre aux CFA qui forment à ce métier</a></p>{{/PUBLIC_LINK}}
<p><a href="/employeur/candidatures?offre={{ID}}">Candidatures reçues pour cette offre</a></p>

<section aria-labelledby="apercu" class="card">
  <h2 id="apercu">Aperçu</h2>
  <dl class="dl-grid">
    <dt>Entreprise</dt><dd>{{ORGANISATION}}</dd>
    <dt>Métier</dt><dd><a href="/metiers/{{ROME}}">{{JOB}}</a></dd>
    <dt>Diplôme visé</dt><dd>{{LEVEL}}</dd>
    <dt>Contrat</dt><dd>{{CONTRACT}}, {{DURATION}}</dd>
    <dt>Début</dt><dd>{{START}}</dd>
    <dt>Rythme</dt><dd>{{RHYTHM}}</dd>
    <dt>Lieu</dt><dd>{{COMMUNE}}</dd>
    <dt>Postes</dt><dd>{{POSITIONS}}</dd>
  </dl>
  {{#PARAGRAPH}}<p>{{TEXT}}</p>{{/PARAGRAPH}}
</section>

{{#COST}}<section aria-labelledby="cout" class="card">
  <h2 id="cout">Ce que coûtera l'apprenti</h2>
  {{#NOT_APPRENTICESHIP}}<p>Le calcul du coût et des aides porte sur le contrat d'apprentissage. Pour un contrat de professionnalisation, renseignez-vous auprès de votre OPCO.</p>{{/NOT_APPRENTICESHIP}}
  {{#NO_ESTIMATE}}<p>Le coût n'a pas pu être estimé avec ces dates. <a href="{{LINK}}">Faites le calcul complet</a>.</p>{{/NO_ESTIMATE}}
  {{#ESTIMATE}}<p>Pour un apprenti de 19 ans, du {{FROM}} au {{TO}}, payé au minimum légal ({{MONTHLY_GROSS}} brut par mois au début) :</p>
  <dl class="dl-grid" id="cout-resume">
    <dt>Coût total du contrat</dt><dd>{{TOTAL_COST}}</dd>
    <dt>Aides à l'employeur</dt><dd>{{TOTAL_AIDS}}</dd>
    <dt>Reste à votre charge</dt><dd>{{REMAINING}}</dd>
  </dl>
  <ul>{{#AID}}<li>{{NAME}} : {{AMOUNT}}</li>{{/AID}}</ul>
  <p><a href="{{LINK}}">Le calcul complet, avec l'âge réel de l'apprenti et son salaire</a></p>{{/ESTIMATE}}
</section>{{/COST}}

<section aria-labelledby="actions">
  <h2 id="actions">Que voulez-vous faire ?</h2>
  {{#CANNOT_PUBLISH}}<p class="notice notice--warning">Vous ne pouvez pas encore publier : votre organisation n'est pas validée ({{WHY}}). Votre brouillon est enregistré.</p>{{/CANNOT_PUBLISH}}
  {{#CAN_PUBLISH}}<form method="post" action="{{BASE}}/publier" class="form stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#DUPLICATES}}<div class="notice notice--warning">
      <p>Cette offre ressemble beaucoup à une offre déjà en ligne :</p>
      <ul>{{#DUPLICATE}}<li><a href="/employeur/offres/{{DUP_ID}}">{{DUP_TITLE}}</a></li>{{/DUPLICATE}}</ul>
      <p>Les doublons dispersent les candidatures. S'il s'agit bien d'un autre poste, confirmez.</p>
      <div class="checkbox"><input type="checkbox" id="confirmer" name="confirmer" value="1"><label for="confirmer">C'est un autre poste : publier quand même</label></div>
    </div>{{/DUPLICATES}}
    <button class="btn btn--primary" type="submit">Publier l'offre</button>
  </form>{{/CAN_PUBLISH}}
  <ul class="inline-list">
    {{#CAN_EDIT}}<li><a class="btn btn--secondary" href="{{BASE}}/modifier">Modifier</a></li>{{/CAN_EDIT}}
    <li><form method="post" action="{{BASE}}/dupliquer" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Dupliquer</button></form></li>
    {{#CAN_EXTEND}}<li><form method="post" action="{{BASE}}/prolonger" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Prolonger de 60 jours</button></form></li>{{/CAN_EXTEND}}
    {{#CAN_PAUSE}}<li><form method="post" action="{{BASE}}/pause" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Mettre en pause</button></form></li>{{/CAN_PAUSE}}
    {{#CAN_RESUME}}<li><form method="post" action="{{BASE}}/reprendre" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--secondary" type="submit">Remettre en ligne</button></form></li>{{/CAN_RESUME}}
    {{#CAN_CLOSE}}<li><form method="post" action="{{BASE}}/cloturer" class="inline-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn--danger" type="submit">Clôturer sans recruter</button></form></li>{{/CAN_CLOSE}}
  </ul>
  {{#CAN_FILL}}<form method="post" action="{{BASE}}/pourvue" class="form stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field"><label for="channel">Le poste est pourvu : comment avez-vous recruté ?</label>
      <select id="channel" name="channel">{{#CHANNEL}}<option value="{{CODE}}">{{LABEL}}</option>{{/CHANNEL}}</select>
    </div>
    <button class="btn btn--secondary" type="submit">Marquer comme pourvue</button>
  </form>{{/CAN_FILL}}
</section>
