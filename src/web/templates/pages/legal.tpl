{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mentions légales</h1>
<div class="stack">
<h2>Éditeur</h2>
<p>Le service « Ici c'est ma place » est édité par la délégation régionale Martinique de l'opérateur de compétences (OPCO), pour l'information et l'accompagnement des jeunes, des employeurs et des centres de formation en alternance.</p>
<h2>Directeur de la publication</h2>
<p>Le directeur régional de la délégation.</p>
<h2>Hébergement</h2>
<p>Le service est hébergé en France, sur des serveurs administrés par la délégation ou son prestataire.</p>
<h2>Données ouvertes</h2>
<p>Les informations sur les métiers (ROME) et les besoins en main-d'œuvre (BMO) proviennent de France Travail, sous Licence Ouverte ; la source de chaque donnée est indiquée sur les pages qui l'utilisent.</p>
<h2>Données de démonstration</h2>
<p>Les comptes et organisations marqués « Démo » sont fictifs.</p>
</div>
