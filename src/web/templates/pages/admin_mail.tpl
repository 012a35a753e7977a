{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{SUBJECT}}</h1>
<dl class="dl-grid">
  <div><dt>Destinataire</dt><dd>{{TO}}</dd></div>
  <div><dt>Créé le</dt><dd>{{DATE}}</dd></div>
  <div><dt>État</dt><dd>{{STATE}} ({{ATTEMPTS}} tentative(s)){{#ERROR}} — {{TEXT}}{{/ERROR}}</dd></div>
</dl>
<pre class="mail-preview">{{BODY}}</pre>
<p><a href="/admin/courriels">Retour à la liste</a></p>
