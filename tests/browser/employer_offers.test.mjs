// Issue 5's first path, on a phone (360 × 740) in Chromium: an employer signs up with a valid
// SIRET, an advisor validates the organisation, the employer posts an offer (seeing what the
// apprentice will cost and which aids apply), publishes it, and the public page shows it.
// The jobs and communes come from ../shared/data (imported while the server runs); without the
// folder the test is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import {
  startServer, launchBrowser, newPage, logIn, maplaceBinary, SHARED_DATA,
  assertNoSeriousViolations,
} from './harness.mjs';

const PHONE = { width: 360, height: 740 };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMPORT_TIMEOUT = 240_000;

let server;
let browser;
let missing = null;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (!fs.existsSync(SHARED_DATA)) {
    missing = `no shared data at ${SHARED_DATA}`;
    return;
  }
  // Only what an offer names: the ROME jobs, the employment areas and the communes.
  const modules = path.join(repoRoot, 'node_modules');
  for (const [kind, file] of [
    ['rome', path.join(SHARED_DATA, 'rome', 'v460')],
    ['areas', path.join(SHARED_DATA, 'bmo', 'bassins_emploi_martinique.csv')],
    ['communes', path.join(modules, '@etalab', 'decoupage-administratif', 'data', 'communes.json')],
    ['postal-codes', path.join(modules, 'codes-postaux', 'codes-postaux.json')],
  ]) {
    await promisify(execFile)(maplaceBinary(), ['--var-dir', server.varDir, 'import', kind, file],
                              { timeout: IMPORT_TIMEOUT });
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

async function noSideScroll(page, label) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= PHONE.width, `${label}: no horizontal scrolling (scrollWidth ${scroll})`);
}

test('an employer signs up, is validated, posts and publishes an offer that the public sees',
     async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  const pages = [];
  try {
    // Sign-up with a valid SIRET (spaces allowed); a wrong one first gets a French error.
    const employer = await newPage(browser, { viewport: PHONE });
    pages.push(employer);
    await employer.goto(`${server.url}/inscription/entreprise`);
    await assertNoSeriousViolations(employer, '/inscription/entreprise');
    await noSideScroll(employer, '/inscription/entreprise');
    await employer.getByLabel("Nom de l'entreprise").fill('Restaurant Le Flamboyant (test)');
    await employer.getByLabel("Numéro SIRET de l'établissement").fill('123 456 789 00016');
    await employer.getByLabel("Adresse de l'établissement").fill('12 rue Victor Hugo');
    await employer.getByLabel('Commune', { exact: true }).selectOption('97213');
    await employer.getByLabel('Nombre de salariés').selectOption('1-9');
    await employer.getByLabel('Prénom et nom').fill('Jean-Marc Flamboyant');
    await employer.getByLabel('Adresse e-mail professionnelle').fill('patron@flamboyant.test');
    await employer.getByLabel('Mot de passe', { exact: true }).fill('un manguier à Sainte-Anne');
    await submit(employer, employer.getByRole('button', { name: 'Créer mon espace' }));
    await employer.getByRole('alert').waitFor();
    assert.match(await employer.locator('#siret-err').textContent(), /n'existe pas/);
    await assertNoSeriousViolations(employer, 'sign-up with a bad SIRET');
    await employer.getByLabel("Numéro SIRET de l'établissement").fill('123 456 789 00015');
    await employer.getByLabel('Mot de passe', { exact: true }).fill('un manguier à Sainte-Anne');
    const before = server.mailCount();
    await submit(employer, employer.getByRole('button', { name: 'Créer mon espace' }));
    assert.equal(new URL(employer.url()).pathname, '/inscription/envoyee');
    const mail = await server.waitForMail('patron@flamboyant.test', before);
    await employer.goto(`${server.url}/inscription/confirmer?jeton=${mail.token}`);
    await submit(employer, employer.getByRole('button', { name: 'Activer mon compte' }));

    // Before validation: a draft, and the reason publishing must wait.
    await employer.goto(`${server.url}/employeur/offres`);
    await employer.getByText("Votre organisation n'est pas encore validée").waitFor();
    await assertNoSeriousViolations(employer, '/employeur/offres (not validated)');

    // The advisor validates the organisation from the queue.
    const advisor = await newPage(browser, { viewport: PHONE });
    pages.push(advisor);
    await logIn(advisor, server.url, server.logins['Conseiller emploi-formation']);
    await advisor.goto(`${server.url}/conseil/organisations`);
    await assertNoSeriousViolations(advisor, '/conseil/organisations');
    await noSideScroll(advisor, '/conseil/organisations');
    await submit(advisor, advisor.getByRole('button',
                                          { name: 'Valider Restaurant Le Flamboyant (test)' }));
    await advisor.getByText("Aucune organisation n'attend de validation").waitFor();

    // The employer posts an offer: the job from the ROME list, the rest of the form.
    await employer.goto(`${server.url}/employeur/offres/nouvelle`);
    await assertNoSeriousViolations(employer, '/employeur/offres/nouvelle');
    await noSideScroll(employer, '/employeur/offres/nouvelle');
    const job = await employer.locator('#metiers-rome option').evaluateAll(
      (options) => options.map((o) => o.value).find((v) => v.endsWith('(G1602)')));
    assert.ok(job, 'G1602 is in the list of jobs');
    await employer.getByLabel('Métier').fill(job);
    await employer.getByLabel("Intitulé de l'offre").fill('Apprenti(e) cuisinier(ère)');
    await employer.getByLabel('Niveau du diplôme préparé').selectOption('3');
    await employer.getByLabel('Description du poste').fill(
      'Vous apprendrez la cuisine créole auprès de notre chef, au service du midi.');
    await employer.getByLabel('Durée du contrat, en mois').fill('24');
    await employer.getByLabel('Rythme de l\'alternance').fill('2 jours au CFA / 3 jours en entreprise');
    await employer.getByLabel('Commune du lieu de travail').selectOption('97213');
    await submit(employer, employer.getByRole('button', { name: 'Enregistrer et relire' }));
    assert.match(new URL(employer.url()).pathname, /^\/employeur\/offres\/\d+$/);
    const id = /\/(\d+)$/.exec(new URL(employer.url()).pathname)[1];

    // The preview shows the cost and the aids, with the full simulator one link away.
    await employer.getByRole('heading', { name: "Ce que coûtera l'apprenti" }).waitFor();
    assert.match(await employer.locator('#cout-resume').textContent(), /Reste à votre charge/);
    assert.ok(await employer.locator('a[href^="/simulateurs/cout-apprenti?"]').count() >= 1);
    await assertNoSeriousViolations(employer, '/employeur/offres/<id>');
    await noSideScroll(employer, '/employeur/offres/<id>');

    await submit(employer, employer.getByRole('button', { name: "Publier l'offre" }));
    await employer.getByText('Votre offre est en ligne pour 60 jours.').waitFor();

    // The public page, for anyone.
    const visitor = await newPage(browser, { viewport: PHONE });
    pages.push(visitor);
    const response = await visitor.goto(`${server.url}/offres/${id}`);
    assert.equal(response.status(), 200);
    await visitor.getByRole('heading', { level: 1, name: 'Apprenti(e) cuisinier(ère)' }).waitFor();
    await visitor.getByText('Restaurant Le Flamboyant (test)').first().waitFor();
    assert.ok(await visitor.locator('a[href="/metiers/G1602"]').count() === 1);
    await assertNoSeriousViolations(visitor, '/offres/<id>');
    await noSideScroll(visitor, '/offres/<id>');

    // Searchable at once: the request that published it returned after the index had it.
    await visitor.goto(`${server.url}/recherche?q=cuisinier`);
    await visitor.locator(`.search-results a[href="/offres/${id}"]`,
                          { hasText: 'Apprenti(e) cuisinier(ère)' }).waitFor();

    // The list counts it as published.
    await employer.goto(`${server.url}/employeur/offres`);
    await employer.getByText('Publiée : 1').waitFor();
    await assertNoSeriousViolations(employer, '/employeur/offres');
    await noSideScroll(employer, '/employeur/offres');
    for (const page of pages) {
      assert.deepEqual(page.context().blockedRequests, [], 'no request may leave 127.0.0.1');
    }
  } finally {
    for (const page of pages) await page.context().close();
  }
});
