{{%AUTOESCAPE context="HTML"}}{{#CHECKS}}<section class="notice notice--warning sim-checks" aria-labelledby="a-verifier">
  <h2 id="a-verifier">À vérifier</h2>
  <ul>{{#CHECK}}<li>{{TEXT}}{{#REFS}} <span class="refs">({{REFS_TEXT}})</span>{{/REFS}}</li>{{/CHECK}}</ul>
</section>{{/CHECKS}}
